import type { Article, Issue, Section } from '../model.ts';
import { routes } from '../core/routes.ts';
import { issueShortLabel } from '../core/content-format.ts';
import { articleCount, issueLabel } from './labels.ts';

export interface Link {
  url: string;
  title: string;
}

export interface YearGroup {
  year: number;
  url: string;
  /** Newest first, like the archive. */
  issues: Issue[];
  articleCount: number;
  /** The year before this one in the archive (上一年), and the one after. */
  older?: Link;
  newer?: Link;
}

export interface IssuePage {
  issue: Issue;
  label: string;
  /** The issue published before this one (上一期). */
  older?: Link;
  /** The issue published after this one (下一期). */
  newer?: Link;
}

export interface ArticlePage {
  article: Article;
  issue: Issue;
  section: Pick<Section, 'kind' | 'title'>;
  /** The article before this one in reading order: printed order within an issue, issues oldest first. */
  previous?: Link;
  next?: Link;
}

export interface Redirect {
  url: string;
  target: string;
  title: string;
}

/** Issues grouped by year, newest year first; the input is newest first already. */
export function yearGroups(issues: readonly Issue[]): YearGroup[] {
  const groups = new Map<number, Issue[]>();
  for (const issue of issues) groups.set(issue.year, [...(groups.get(issue.year) ?? []), issue]);
  const years = [...groups.keys()].sort((a, b) => b - a);
  const link = (year: number | undefined): Link | undefined =>
    year === undefined ? undefined : { url: routes.year(year), title: `${year}年` };
  return years.map((year, i) => ({
    year,
    url: routes.year(year),
    issues: groups.get(year) ?? [],
    articleCount: (groups.get(year) ?? []).reduce((n, issue) => n + articleCount(issue), 0),
    ...neighbours(link(years[i - 1]), link(years[i + 1])),
  }));
}

/** One page per issue with its neighbours; `issues` is newest first. */
export function issuePages(issues: readonly Issue[]): IssuePage[] {
  const link = (issue: Issue | undefined): Link | undefined =>
    issue && { url: issue.url, title: issueShortLabel(issue) };
  return issues.map((issue, i) => ({
    issue,
    label: issueLabel(issue),
    ...neighbours(link(issues[i - 1]), link(issues[i + 1])),
  }));
}

/** Every article in reading order (oldest issue first), each with its neighbours. */
export function articlePages(issues: readonly Issue[]): ArticlePage[] {
  const inOrder = [...issues]
    .reverse()
    .flatMap((issue) =>
      issue.sections.flatMap((section) =>
        section.articles.map((article) => ({ article, issue, section: { kind: section.kind, title: section.title } })),
      ),
    );
  const link = (entry: (typeof inOrder)[number] | undefined): Link | undefined =>
    entry && { url: entry.article.url, title: entry.article.title };
  return inOrder.map((entry, i) => {
    const previous = link(inOrder[i - 1]);
    const next = link(inOrder[i + 1]);
    return { ...entry, ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
  });
}

/** `/no/10/` for 总第10期: a reader citing the running number still finds the issue. */
export function cumulativeRedirects(issues: readonly Issue[]): Redirect[] {
  return issues.flatMap((issue) =>
    issue.cumulativeNumber === undefined
      ? []
      : [{ url: routes.cumulative(issue.cumulativeNumber), target: issue.url, title: issueLabel(issue) }],
  );
}

/** The newer and older neighbour, each absent rather than `undefined`, so templates and JSON see one shape. */
function neighbours(newer: Link | undefined, older: Link | undefined): { newer?: Link; older?: Link } {
  return { ...(newer ? { newer } : {}), ...(older ? { older } : {}) };
}
