import type { Article, Issue, Section } from '../model.ts';
import { escapeHtml } from '../core/escape.ts';
import { blockEnd, foldText, spaceTokens, titleMarkers } from './tokens.ts';
import { issueShortLabel } from '../core/content-format.ts';
import type { IssueNumbering } from '../core/issue-numbering.ts';
import { thumbnailFileName } from '../core/picture-recipe.ts';
import { routes } from '../core/routes.ts';
import { pictureFiles } from '../core/picture-files.ts';

/**
 * One search record per article, built from the model rather than from the site's pages: the
 * indexed text is exactly what the reader reads (title, subtitle, paragraphs, sub-headings,
 * captions) and nothing else (no navigation, no issue pages).
 */
export interface SearchRecord {
  url: string;
  content: string;
  /**
   * The searchable text folded as the index folds it (tokens.ts `foldText`), one block a line:
   * title, subtitle, then each line of text. The index's character counts (character-stats.ts) come from it.
   */
  foldedBlocks: string[];
  /** The record's `date` sort key (`dateSortKey`): where it stands in a date-sorted result list. */
  dateKey: string;
}

function foldedBlocks(article: Pick<Article, 'title' | 'subtitle' | 'text'>): string[] {
  return [article.title, article.subtitle ?? '', ...article.text.split('\n')]
    .map(foldText)
    .filter((block) => block !== '');
}

/**
 * The `date` sort key: the date, then the issue's place among the issues of that date (the
 * archive's order: regular issues by number, then supplements), the running number, and the
 * article's place in the issue, so that results with the same date still come in a fixed order
 * (newest first lists an issue's articles in printed order; oldest first, in reverse). Numbers
 * are padded, since Pagefind compares keys as text: 第100期 after 第9期.
 */
export function dateSortKey(
  issue: Pick<Issue, 'date'> &
    Partial<Pick<IssueNumbering, 'number' | 'special'>> & { cumulativeNumber?: number | undefined },
  position: number,
): string {
  const kind = issue.special ? '1' : '0';
  const number = String(issue.number ?? 0).padStart(4, '0');
  // An archive without running numbers orders same-date issues by their numbers and article place.
  const running = String(issue.cumulativeNumber ?? 0).padStart(6, '0');
  const reversePosition = String(999 - position).padStart(3, '0');
  return `${issue.date} ${kind}${number} ${running} ${reversePosition}`;
}

/**
 * Meta, filters and the sort key, one element each, inside an element Pagefind does not index as
 * text (data-pagefind-ignore still collects meta, filters and sort keys); a filter with several
 * values (parks) gets one element per value. The value is the
 * element's text rather than a `key:value` attribute, so commas and colons in a title need no
 * escaping rules of Pagefind's attribute syntax.
 */
function dataElements(kind: 'meta' | 'filter' | 'sort', entries: Record<string, string | readonly string[]>): string {
  return Object.entries(entries)
    .flatMap(([key, values]) =>
      (typeof values === 'string' ? [values] : values).map(
        (value) => `<span data-pagefind-${kind}="${escapeHtml(key)}">${escapeHtml(value)}</span>`,
      ),
    )
    .join('');
}

/** How a record writes reader-visible text: spaced per character for our index, as is for Pagefind's default. */
type TextStyle = (text: string) => string;

/**
 * Text lines become paragraphs, except the lines that are the article's sub-headings (in order),
 * which carry their anchor ids.
 */
export function bodyHtml(article: Pick<Article, 'text' | 'headings'>, style: TextStyle = spaceTokens): string {
  const headings = [...article.headings];
  return article.text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const heading = headings[0];
      if (heading && heading.text === line) {
        headings.shift();
        return `<h2 id="${escapeHtml(heading.id)}">${escapeHtml(style(line))}</h2>`;
      }
      return `<p>${escapeHtml(style(line))}</p>`;
    })
    .join('\n');
}

function recordHtml(
  issue: Issue,
  section: Section,
  article: Article,
  position: number,
  style: TextStyle,
  tail: string,
): string {
  const meta = {
    title: article.title,
    issue: issueShortLabel(issue),
    section: section.title,
    date: issue.date,
    ...thumbnail(article),
  };
  // An article naming several parks is found under each of them; one naming none has no park value.
  const filters = {
    year: String(issue.year),
    section: section.title,
    issue: issueShortLabel(issue),
    park: article.parks.map((park) => park.name),
  };
  const sortKey = dataElements('sort', { date: dateSortKey(issue, position) });
  return [
    '<!doctype html>',
    '<html lang="zh-CN"><head><meta charset="utf-8"></head><body>',
    `<div data-pagefind-ignore>${dataElements('meta', meta)}${dataElements('filter', filters)}${sortKey}</div>`,
    `<h1>${escapeHtml(style(article.title))}</h1>`,
    bodyHtml(article, style),
    tail,
    '</body></html>',
  ].join('\n');
}

/**
 * The article's first picture file, small, for its search result; its text alternative is the
 * picture's own description or else its figure's caption.
 */
function thumbnail(article: Pick<Article, 'figures'>): { image?: string; image_alt?: string } {
  for (const { figure, picture, image } of pictureFiles(article.figures))
    return { image: routes.picture(thumbnailFileName(image)), image_alt: picture.alt ?? figure.caption };
  return {};
}

export function articleRecord(issue: Issue, section: Section, article: Article, position: number): SearchRecord {
  const markers = titleMarkers(article.title);
  // Last, so that it sits after every reader-visible word; query.ts cuts it out of excerpts.
  const tail = markers === '' ? '' : `<p>${escapeHtml(markers)}</p>`;
  return {
    url: article.url,
    content: recordHtml(issue, section, article, position, (text) => `${spaceTokens(text)}${blockEnd}.`, tail),
    foldedBlocks: foldedBlocks(article),
    dateKey: dateSortKey(issue, position),
  };
}

/**
 * The same article for Pagefind's default indexing (no per-character words, no title markers): the
 * baseline the measurements compare with.
 */
export function plainArticleRecord(issue: Issue, section: Section, article: Article, position: number): SearchRecord {
  return {
    url: article.url,
    content: recordHtml(issue, section, article, position, (text) => text, ''),
    foldedBlocks: foldedBlocks(article),
    dateKey: dateSortKey(issue, position),
  };
}

export function searchRecords(issues: readonly Issue[], record = articleRecord): SearchRecord[] {
  return issues.flatMap((issue) => {
    const articles = issue.sections.flatMap((section) => section.articles.map((article) => ({ section, article })));
    return articles.map(({ section, article }, position) => record(issue, section, article, position));
  });
}

/** The records an issue at a time, made as they are asked for: indexing a large archive never holds all of them. */
export function* recordsByIssue(issues: readonly Issue[]): Generator<SearchRecord[]> {
  for (const issue of issues) yield searchRecords([issue]);
}
