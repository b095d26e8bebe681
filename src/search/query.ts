/**
 * The search shared by the site's search page and `npm run search`: given a loaded Pagefind
 * module (the `pagefind.js` of the built site), runs a reader's query as exact substring search
 * over article titles and text, intersects terms, ranks, and turns Pagefind's excerpts into
 * clean HTML with one <mark> per match.
 *
 * Browser-safe: imports nothing from Node, so the page can serve it as an ES module.
 */
import { escapeHtml } from '../core/escape.ts';
import { foldWidth, phraseQuery, queryTerms, titleMarkers, titlePhraseQuery, zeroWidthSpace } from './tokens.ts';

/** Options the caller passes to `pagefind.options()` before searching. */
export const pagefindOptions = {
  /** In Pagefind words, i.e. characters here; query.ts trims it to `excerptWindow`. */
  excerptLength: 120,
} as const;

export type Filters = Record<string, string | string[]>;

interface PagefindSubResult {
  title: string;
  url: string;
  plain_excerpt: string;
}

export interface PagefindFragment {
  url: string;
  meta: Record<string, string | undefined>;
  plain_excerpt: string;
  sub_results: PagefindSubResult[];
}

export interface PagefindResult {
  id: string;
  data(): Promise<PagefindFragment>;
}

/** The part of Pagefind's JS API this module uses (`import * as pagefind from '…/pagefind.js'`). */
export interface PagefindApi {
  /** `null` as the term: every page that passes the filters. */
  search(
    term: string | null,
    options?: { sort?: Record<string, 'asc' | 'desc'>; filters?: Filters },
  ): Promise<{ results: PagefindResult[] } | null>;
}

/** `relevance`: title matches first, then newest first. `newest` / `oldest`: by date only. */
export type SortOrder = 'relevance' | 'newest' | 'oldest';

export interface SearchRequest {
  query: string;
  sort?: SortOrder;
  /** Pagefind filters: `year` (2018), `section` (工作动态), `issue` (2018年第1期). */
  filters?: Filters;
}

export interface SubResult {
  title: string;
  /** Article URL with the sub-heading's anchor. */
  url: string;
  excerpt: string;
}

export interface SearchHit {
  url: string;
  title: string;
  /** 2018年第1期 */
  issue: string;
  section: string;
  /** YYYY-MM-DD */
  date: string;
  /** HTML: escaped text with one <mark> per match of any term. */
  excerpt: string;
  /** Sub-headings of the article near a match, with their anchors. */
  subResults: SubResult[];
  /** The article's first picture, small: a site path (`/pictures/…-480.jpg`) and its caption. */
  thumbnail?: { src: string; alt: string };
}

export interface SearchResults {
  /** The query as searched: one entry per term, normalised. */
  terms: string[];
  /** Number of matching articles. */
  total: number;
  /** Pagefind page ids of the matching articles, in rank order (facets.ts counts filter values with them). */
  ids: readonly string[];
  /** Loads the hits at ranks offset … offset + limit - 1 (only these fragments are fetched). */
  hits(offset: number, limit: number): Promise<SearchHit[]>;
  /** The results whose page id `keep` accepts, in the same order; no new search. */
  narrowed(keep: (id: string) => boolean): SearchResults;
}

export async function searchArchive(pagefind: PagefindApi, request: SearchRequest): Promise<SearchResults> {
  const terms = queryTerms(request.query);
  const filters = request.filters ?? {};
  const sort = request.sort ?? 'relevance';
  // Pagefind finds nothing for two quoted phrases in one query, so each term is its own search;
  // all searches run on one index, so their result ids can be intersected.
  const perTerm = await Promise.all(
    terms.map((term) => resultsOf(pagefind, phraseQuery(term), filters, sort === 'oldest' ? 'asc' : 'desc')),
  );
  const matched = intersectInOrder(perTerm);
  const ranked =
    sort === 'relevance' && matched.length > 0
      ? rankByTitleMatches(matched, await titleMatchSets(pagefind, terms, filters))
      : matched;
  return rankedResults(terms, ranked);
}

function rankedResults(terms: string[], ranked: readonly PagefindResult[]): SearchResults {
  return {
    terms,
    total: ranked.length,
    ids: ranked.map((result) => result.id),
    hits: (offset, limit) =>
      Promise.all(ranked.slice(offset, offset + limit).map(async (result) => toHit(await result.data(), terms))),
    narrowed: (keep) =>
      rankedResults(
        terms,
        ranked.filter((result) => keep(result.id)),
      ),
  };
}

async function resultsOf(
  pagefind: PagefindApi,
  phrase: string,
  filters: Filters,
  direction: 'asc' | 'desc',
): Promise<PagefindResult[]> {
  const response = await pagefind.search(phrase, { sort: { date: direction }, filters });
  return response?.results ?? [];
}

/**
 * Which articles have each term in their title, from the title marker words in the same index
 * (see tokens.ts). Chosen over the alternatives because it transfers the least for a cold search:
 * reading titles from fragments would fetch one fragment per result (thousands for a common
 * character), and a separate titles-only index would fetch its own metadata file (as large as
 * the main one, a list of every page) plus fragments to map its page ids to URLs, while the
 * markers cost only the index chunks holding the marker words, and give ids directly.
 */
async function titleMatchSets(
  pagefind: PagefindApi,
  terms: readonly string[],
  filters: Filters,
): Promise<Set<string>[]> {
  const perTerm = await Promise.all(terms.map((term) => resultsOf(pagefind, titlePhraseQuery(term), filters, 'desc')));
  return perTerm.map((results) => new Set(results.map((result) => result.id)));
}

/** The results of the first list (keeping its order) that occur in every list. */
export function intersectInOrder<T extends { id: string }>(lists: readonly (readonly T[])[]): T[] {
  const [first, ...rest] = lists;
  if (!first) return [];
  const others = rest.map((list) => new Set(list.map((item) => item.id)));
  return first.filter((item) => others.every((ids) => ids.has(item.id)));
}

/** More terms in the title ranks higher; otherwise the given (date) order is kept. */
export function rankByTitleMatches<T extends { id: string }>(
  ordered: readonly T[],
  titleMatches: readonly Set<string>[],
): T[] {
  const score = (item: T) => titleMatches.filter((ids) => ids.has(item.id)).length;
  return ordered
    .map((item, index) => ({ item, index, score: score(item) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ item }) => item);
}

function toHit(fragment: PagefindFragment, terms: readonly string[]): SearchHit {
  const title = fragment.meta.title ?? '';
  return {
    url: fragment.url,
    title,
    issue: fragment.meta.issue ?? '',
    section: fragment.meta.section ?? '',
    date: fragment.meta.date ?? '',
    excerpt: excerptHtml(fragment.plain_excerpt, title, terms),
    ...(fragment.meta.image ? { thumbnail: { src: fragment.meta.image, alt: fragment.meta.image_alt ?? '' } } : {}),
    subResults: fragment.sub_results
      .filter((sub) => sub.url.includes('#'))
      .map((sub) => ({
        title: sub.title.replaceAll(zeroWidthSpace, ''),
        url: readableAnchor(sub.url),
        excerpt: excerptHtml(sub.plain_excerpt, title, terms),
      })),
  };
}

/** Pagefind percent-encodes the anchor; the page's ids are the heading ids as written (一做优顶层设计). */
export function readableAnchor(url: string): string {
  const hash = url.indexOf('#');
  if (hash < 0) return url;
  try {
    return `${url.slice(0, hash)}#${decodeURIComponent(url.slice(hash + 1))}`;
  } catch {
    return url;
  }
}

/** Excerpts show up to this many characters, starting a little before the first match. */
export const excerptWindow = { characters: 90, before: 30 } as const;

/**
 * Pagefind's plain excerpt → clean HTML: markers cut off, zero-width spaces removed, trimmed to
 * the excerpt window, every match of any term marked once. Pagefind is asked for a longer
 * excerpt than shown (pagefindOptions) so that the window is full even where the title markers
 * at the end of a record took part of Pagefind's.
 */
export function excerptHtml(plainExcerpt: string, title: string, terms: readonly string[]): string {
  const whole = withoutTitleMarkers(decodeEntities(plainExcerpt).replaceAll(zeroWidthSpace, ''), title);
  let chars = [...readableBlocks(whole, title)];
  let marked = markedCharacters(chars, terms);
  if (!marked.includes(true)) {
    // The match is in the title alone: keep the title, so that the excerpt shows the match.
    chars = [...readableBlocks(whole, '')];
    marked = markedCharacters(chars, terms);
  }
  const firstMatch = Math.max(0, marked.indexOf(true));
  const from = Math.max(0, Math.min(firstMatch - excerptWindow.before, chars.length - excerptWindow.characters));
  let to = Math.min(chars.length, from + excerptWindow.characters);
  // End before a match the window would cut in two, so that every mark is a whole match.
  while (to > firstMatch + 1 && marked[to - 1] && marked[to]) to--;
  return `${from > 0 ? '…' : ''}${renderMarks(chars, marked, from, to)}${to < chars.length ? '…' : ''}`;
}

/**
 * Pagefind joins the record's blocks with ". ", and the record opens with the title the result
 * already shows. After Chinese text that dot is only a seam: it becomes a space, and a leading
 * copy of the title goes.
 */
export function readableBlocks(text: string, title: string): string {
  const body = title !== '' && text.startsWith(`${title}. `) ? text.slice(title.length + 2) : text;
  return body.replace(/(?<=[^\x00-\x7f])\. /g, ' ');
}

/** Pagefind escapes < and > (not &) in stored text. */
export function decodeEntities(text: string): string {
  const entities: Record<string, string> = { lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' };
  return text.replace(/&(lt|gt|quot|#39|amp);/g, (_, name: string) => entities[name] ?? '');
}

/** The title markers are the record's last block; an excerpt near the end of an article runs into them. */
export function withoutTitleMarkers(text: string, title: string): string {
  const first = /^t[0-9a-z]+/.exec(titleMarkers(title))?.[0];
  if (!first) return text;
  const start = new RegExp(`\\s${first}(?![0-9a-z])`).exec(text);
  return start ? text.slice(0, start.index).trimEnd() : text;
}

/** Marks every occurrence of every term in the text, with one <mark> per stretch of matched text. */
export function highlightTerms(text: string, terms: readonly string[]): string {
  const chars = [...text];
  return renderMarks(chars, markedCharacters(chars, terms), 0, chars.length);
}

/**
 * Where the terms match in the text, as [start, end) offsets in UTF-16 code units (what DOM
 * text nodes count), one range per stretch of matched text: the article page marks these.
 */
export function matchRanges(text: string, terms: readonly string[]): [start: number, end: number][] {
  const chars = [...text];
  const marked = markedCharacters(chars, terms);
  const ranges: [number, number][] = [];
  let offset = 0;
  chars.forEach((char, index) => {
    const last = ranges.at(-1);
    if (marked[index] && last && index > 0 && marked[index - 1]) last[1] = offset + char.length;
    else if (marked[index]) ranges.push([offset, offset + char.length]);
    offset += char.length;
  });
  return ranges;
}

/** Which characters belong to a match, matching as the index does: ignoring whitespace, letter case and full width. */
function markedCharacters(chars: readonly string[], terms: readonly string[]): boolean[] {
  const offsets: number[] = [];
  const folded: string[] = [];
  chars.forEach((char, index) => {
    if (/\s/u.test(char)) return;
    offsets.push(index);
    folded.push(foldWidth(char).toLowerCase());
  });
  const marked = new Array<boolean>(chars.length).fill(false);
  for (const term of terms) {
    const termChars = [...term];
    for (let start = 0; start + termChars.length <= folded.length; start++) {
      if (!termChars.every((char, k) => folded[start + k] === char)) continue;
      const from = offsets[start] ?? 0;
      const to = offsets[start + termChars.length - 1] ?? from;
      marked.fill(true, from, to + 1);
    }
  }
  return marked;
}

/** Escaped HTML of chars[from, to), one <mark> around each run of marked characters. */
function renderMarks(chars: readonly string[], marked: readonly boolean[], from: number, to: number): string {
  let html = '';
  for (let index = from; index < Math.min(to, chars.length); index++) {
    const opens = marked[index] && (index === from || !marked[index - 1]);
    const closes = marked[index] && (index === to - 1 || !marked[index + 1]);
    html += `${opens ? '<mark>' : ''}${escapeHtml(chars[index] ?? '')}${closes ? '</mark>' : ''}`;
  }
  return html;
}
