import { routes } from '../core/routes.ts';
import type { Article, Issue, SectionKind } from '../model.ts';

export interface SectionEntry {
  article: Article;
  issue: Issue;
}

export interface SectionPage {
  kind: string;
  title: string;
  /** 1-based. */
  pageNumber: number;
  pageCount: number;
  url: string;
  entries: SectionEntry[];
  /** Every page of this section, for the pager. */
  pages: { number: number; url: string }[];
  previousUrl?: string;
  nextUrl?: string;
}

/** A column's articles across all issues: newest issue first, printed order within an issue. */
export function sectionEntries(issues: readonly Issue[], kind: string): SectionEntry[] {
  return issues.flatMap((issue) =>
    issue.sections
      .filter((section) => section.kind === kind)
      .flatMap((section) => section.articles.map((article) => ({ article, issue }))),
  );
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunk: page size ${size} must be a positive integer`);
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks.length === 0 ? [[]] : chunks;
}

/** Every page of every column in the section table, including a column no issue has used yet. */
export function sectionPages(issues: readonly Issue[], kinds: readonly SectionKind[], pageSize: number): SectionPage[] {
  return kinds.flatMap(({ kind, title }) => {
    const chunks = chunk(sectionEntries(issues, kind), pageSize);
    const pages = chunks.map((_, i) => ({ number: i + 1, url: routes.section(kind, i + 1) }));
    return chunks.map((entries, i) => {
      const page: SectionPage = {
        kind,
        title,
        pageNumber: i + 1,
        pageCount: chunks.length,
        url: routes.section(kind, i + 1),
        entries,
        pages,
      };
      if (i > 0) page.previousUrl = routes.section(kind, i);
      if (i < chunks.length - 1) page.nextUrl = routes.section(kind, i + 2);
      return page;
    });
  });
}

/** The columns with their article counts, for the columns index. */
export function sectionSummaries(
  issues: readonly Issue[],
  kinds: readonly SectionKind[],
): { kind: string; title: string; url: string; articleCount: number }[] {
  return kinds.map(({ kind, title }) => ({
    kind,
    title,
    url: routes.section(kind),
    articleCount: sectionEntries(issues, kind).length,
  }));
}
