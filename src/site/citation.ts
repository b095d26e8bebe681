import type { Article, Issue } from '../model.ts';
import { issueId, issueNumberText } from '../core/issue-numbering.ts';
import { absolute, type Deployment } from '../core/routes.ts';

type CitedIssue = Pick<
  Issue,
  'series' | 'publisher' | 'year' | 'number' | 'special' | 'cumulativeNumber' | 'date' | 'url'
>;
type CitedArticle = Pick<Article, 'title' | 'page' | 'url'> &
  Partial<Pick<Article, 'subtitle' | 'lastPage' | 'author' | 'source' | 'id'>>;
type UrlSettings = Deployment;

/**
 * Who answers for the article: its author, else the office that sent it in (供稿单位), else
 * the issuing office, which stands as the responsible body when the bulletin names no one.
 */
export function responsible(article: CitedArticle, issue: Pick<CitedIssue, 'publisher'>): string {
  return article.author ?? article.source ?? issue.publisher;
}

/** 3, or 3-4 when the article runs over pages; '' without a page. */
export function pageRange(article: Pick<CitedArticle, 'page' | 'lastPage'>, dash = '-'): string {
  if (article.page === undefined) return '';
  return article.lastPage === undefined ? String(article.page) : `${article.page}${dash}${article.lastPage}`;
}

/**
 * GB/T 7714-2015 journal reference: 主要责任者. 题名[J]. 刊名, 年(期): 页码; a special issue's 期
 * is 增刊1, as the standard's examples cite supplements: 2019(增刊1).
 */
export function gbtReference(article: CitedArticle, issue: CitedIssue): string {
  return `${responsible(article, issue)}. ${article.title}[J]. ${gbtSource(article, issue)}.`;
}

/** Where GB/T 7714 finds the article: 刊名, 年(期): 页码 (no page part without a page). */
function gbtSource(article: CitedArticle, issue: CitedIssue): string {
  const pages = pageRange(article);
  return `${issue.series}, ${issue.year}(${issueNumberText(issue)})${pages === '' ? '' : `: ${pages}`}`;
}

/**
 * GB/T 7714-2015's form for an article read online: 主要责任者. 题名[J/OL]. 刊名, 年(期): 页码[引用日期]. URL.
 * The date is the reader's: `citedDate` stands where the page fills it in (the print script
 * writes today's date; without a script the reader sees 引用日期 to replace).
 */
export function gbtOnlineReference(
  article: CitedArticle,
  issue: CitedIssue,
  settings: UrlSettings,
  citedDate = '引用日期',
): { before: string; citedDate: string; after: string } {
  return {
    before: `${responsible(article, issue)}. ${article.title}[J/OL]. ${gbtSource(article, issue)}[`,
    citedDate,
    after: `]. ${absolute(article.url, settings)}.`,
  };
}

/**
 * The article as an RIS record (EndNote, Zotero, NoteExpress, 知网研学 import it). Lines end in
 * CRLF as the format's specification writes them; a value keeps to one line.
 */
export function risRecord(article: CitedArticle, issue: CitedIssue, settings: UrlSettings): string {
  const line = (tag: string, value: string) => `${tag}  - ${oneLine(value)}`;
  const lines = [
    line('TY', 'JOUR'),
    line('TI', article.title),
    ...(article.subtitle ? [line('T2', article.subtitle)] : []),
    line('AU', responsible(article, issue)),
    line('JO', issue.series),
    line('PB', issue.publisher),
    line('PY', String(issue.year)),
    line('DA', issue.date.replace(/-/g, '/')),
    line('IS', issueNumberText(issue)),
    ...(article.page === undefined ? [] : [line('SP', String(article.page))]),
    ...(article.lastPage === undefined ? [] : [line('EP', String(article.lastPage))]),
    line('LA', 'zh'),
    line('UR', absolute(article.url, settings)),
    'ER  - ',
  ];
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * The article as a BibTeX entry. The responsible body is braced whole, so BibTeX takes an office
 * for one name rather than splitting it into given and family names; special characters are escaped.
 */
export function bibtexEntry(article: CitedArticle, issue: CitedIssue, settings: UrlSettings): string {
  const pages = pageRange(article, '--');
  const fields: [string, string][] = [
    ['title', bibtexText(article.title)],
    ['author', `{${bibtexText(responsible(article, issue))}}`],
    ['journal', bibtexText(issue.series)],
    ['publisher', bibtexText(issue.publisher)],
    ['year', String(issue.year)],
    ['number', bibtexText(issueNumberText(issue))],
    ...(pages === '' ? [] : ([['pages', pages]] as [string, string][])),
    ['date', issue.date],
    ['url', bibtexUrl(absolute(article.url, settings))],
    ['langid', 'chinese'],
  ];
  const key = `${issueId(issue)}-${article.id ?? 'article'}`.replace(/[^\w-]/g, '');
  return `@article{${key},\n${fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n')}\n}\n`;
}

function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** TeX's special characters as text; braces balanced by escaping both. */
function bibtexText(value: string): string {
  return oneLine(value).replace(/[\\{}%&$#_~^]/g, (ch) =>
    ch === '\\'
      ? '\\textbackslash{}'
      : ch === '~'
        ? '\\textasciitilde{}'
        : ch === '^'
          ? '\\textasciicircum{}'
          : `\\${ch}`,
  );
}

/** A URL is verbatim in biblatex; only a brace could end the field early. */
function bibtexUrl(url: string): string {
  return url.replace(/[{}]/g, encodeURIComponent);
}

export interface MetaTag {
  name: string;
  content: string;
}

/** Highwire Press tags, read by Google Scholar and reference managers (Zotero). */
export function citationMeta(article: CitedArticle, issue: CitedIssue, settings: UrlSettings): MetaTag[] {
  const tags: MetaTag[] = [
    { name: 'citation_title', content: article.title },
    { name: 'citation_author', content: responsible(article, issue) },
    { name: 'citation_journal_title', content: issue.series },
    { name: 'citation_publisher', content: issue.publisher },
    { name: 'citation_publication_date', content: issue.date.replace(/-/g, '/') },
    { name: 'citation_issue', content: issueNumberText(issue) },
  ];
  if (article.page !== undefined) tags.push({ name: 'citation_firstpage', content: String(article.page) });
  if (article.lastPage !== undefined) tags.push({ name: 'citation_lastpage', content: String(article.lastPage) });
  tags.push(
    { name: 'citation_language', content: 'zh' },
    { name: 'citation_abstract_html_url', content: absolute(article.url, settings) },
  );
  return tags;
}

/** schema.org: the Article is part of a PublicationIssue, which is part of the Periodical. */
export function articleJsonLd(
  article: CitedArticle,
  issue: CitedIssue,
  settings: UrlSettings,
): Record<string, unknown> {
  const publisher = { '@type': 'Organization', name: issue.publisher };
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: article.title,
    ...(article.subtitle ? { alternativeHeadline: article.subtitle } : {}),
    url: absolute(article.url, settings),
    inLanguage: 'zh-CN',
    datePublished: issue.date,
    author: publisher,
    publisher,
    ...(article.author ? { author: { '@type': 'Person', name: article.author } } : {}),
    ...(article.page === undefined ? {} : { pageStart: String(article.page) }),
    ...(article.lastPage === undefined ? {} : { pageEnd: String(article.lastPage) }),
    isPartOf: {
      '@type': 'PublicationIssue',
      issueNumber: issueNumberText(issue),
      datePublished: issue.date,
      url: absolute(issue.url, settings),
      isPartOf: { '@type': 'Periodical', name: issue.series, publisher },
    },
  };
}
