/**
 * Every address of the archive, in one place: the model's `url` fields, the site's pages and
 * links, feeds, sitemap, search records and open data all take their paths from here. Paths are
 * site paths (`/2018/01/`), independent of where the site is hosted; `prefixed` and `absolute`
 * put a deployment's path prefix and origin in front.
 *
 * The scheme is public (readers cite these addresses, feeds and search indexes store them), so an
 * existing path never changes. Browser-safe: the search page bundles it.
 */

import { issueId, issueNumberSegment, type IssueNumbering } from './issue-numbering.ts';

/** What an issue's address is made of: year and number, and which supplement for a special issue. */
export type IssueAddress = IssueNumbering;

/** Where the site is hosted: origin without trailing slash, sub-path with leading and trailing slash. */
export interface Deployment {
  baseUrl: string;
  pathPrefix: string;
}

/**
 * The longest id the content may give a path segment (an article's `{#id}`, a column's kind, a
 * park's id). Each becomes a folder name when the site is written, and a file name component may
 * have 255 bytes; ids are lowercase ASCII, and 100 leaves room while no reader types more.
 */
export const maxSegmentLength = 100;

/** What such an id is made of: lowercase letters and digits, words joined by single hyphens. */
export const segmentPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** How a too-long id is told in messages: its length and start, not all of it. */
export function segmentTooLong(id: string): string {
  return `“${id.slice(0, 24)}…” 有 ${id.length} 个字符，超过上限 ${maxSegmentLength}：它是网址和文件名中的一段（文件名最长 255 字节）`;
}

/** The reference files written beside each article page. */
export const citationFormats = ['ris', 'bib'] as const;
export type CitationFormat = (typeof citationFormats)[number];

export const routes = {
  home: '/',
  /** A year's issues: `/2018/`. */
  year: (year: number) => `/${year}/`,
  /** An issue: `/2018/01/` for 2018年第1期, `/2019/100/` for 第100期, `/2019/s1/` for 2019年增刊1. */
  issue: (issue: IssueAddress) => `/${issue.year}/${issueNumberSegment(issue)}/`,
  /** An article, below its issue: `/2018/01/p3/`. */
  article: (issue: IssueAddress, articleId: string) => `${routes.issue(issue)}${articleId}/`,
  /** An article's reference for reference managers: `/2018/01/p3/cite.ris`, `cite.bib` (ids have no dot). */
  citation: (issue: IssueAddress, articleId: string, format: CitationFormat) =>
    `${routes.article(issue, articleId)}cite.${format}`,
  /**
   * The printed issue as its PDF, beside the issue's page under a stable name:
   * `/2018/01/2018-01.pdf`, `/2019/s1/2019-s1.pdf` (article ids have no dot, so no article is called so).
   */
  original: (issue: IssueAddress) => `${routes.issue(issue)}${issueId(issue)}.pdf`,
  /** The same PDF opened at a page (1 = its first page), as PDF viewers read `#page=`. */
  originalPage: (issue: IssueAddress, page: number) => `${routes.original(issue)}#page=${page}`,
  /** A processed picture, named by its content and how it was made: `/pictures/3f9a…-960.webp`. */
  picture: (fileName: string) => `/pictures/${fileName}`,
  /** 总第10期 → `/no/10/`, a redirect to the issue, for readers who cite the running number. */
  cumulative: (cumulativeNumber: number) => `/no/${cumulativeNumber}/`,
  sections: '/sections/',
  /** A column's articles, paginated: `/sections/work-updates/`, `/sections/work-updates/2/`. */
  section: (kind: string, pageNumber = 1) =>
    pageNumber === 1 ? `/sections/${kind}/` : `/sections/${kind}/${pageNumber}/`,
  parks: '/parks/',
  park: (parkId: string) => `/parks/${parkId}/`,
  /** 订阅与开放数据: feeds, open data, citation. */
  about: '/about/',
  /** 关于本刊, from the content folder's about.md, when it has one. */
  aboutBulletin: '/about/bulletin/',
  /** The holdings grid: years × issue numbers, gaps shown. */
  holdings: '/holdings/',
  search: '/search/',
  notFound: '/404.html',
  robots: '/robots.txt',
  sitemap: '/sitemap.xml',
  feeds: { atom: '/feed.xml', json: '/feed.json' },
  /** Open data: every issue without article bodies, and one issue's full model. */
  issuesIndex: '/api/issues.json',
  issueData: (issueId: string) => `/api/issues/${issueId}.json`,
  stylesheet: '/assets/site.css',
  favicon: '/favicon.svg',
  /** The site's own scripts, bundled at build time (src/site/site-scripts.ts). */
  scripts: {
    search: '/assets/search.js',
    /** Traditional → simplified tables, which the search page loads only for a query that needs them. */
    simplified: '/assets/simplified.js',
    highlight: '/assets/highlight.js',
    print: '/assets/print.js',
  },
  /** Pagefind's bundle; the search page loads `pagefind.js` from here. */
  searchIndex: '/pagefind/',
  /**
   * The preview only (`npm start`): a small Pagefind bundle of the articles edited since the full
   * index was written, with `edits.json` naming the full index's pages it replaces.
   */
  searchEdits: '/pagefind-edits/',
} as const;

export type Routes = typeof routes;

/** `/`, `bulletin`, `/bulletin` and `bulletin/` all mean the same sub-path. */
export function normalizePathPrefix(prefix: string): string {
  const trimmed = prefix.trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** A site path as the browser requests it under the path prefix: `/2018/01/` → `/bulletin/2018/01/`. */
export function prefixed(path: string, deployment: Pick<Deployment, 'pathPrefix'>): string {
  return deployment.pathPrefix + path.replace(/^\/+/, '');
}

/** A site path as a full URL: canonical links, feeds, sitemap, structured data, open data. */
export function absolute(path: string, deployment: Deployment): string {
  return deployment.baseUrl + prefixed(path, deployment);
}

/** Whether a link is a site path (`/parks/x/`), as opposed to a full URL or `//host/…`. */
export function isSitePath(url: string): boolean {
  return url.startsWith('/') && !url.startsWith('//');
}

/** The file a page's address is written to, relative to the site folder: `/2018/01/` → `2018/01/index.html`. */
export function outputFile(path: string): string {
  return `${path.replace(/^\//, '')}${path.endsWith('/') ? 'index.html' : ''}`;
}
