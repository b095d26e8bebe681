/**
 * The search shared by the site's search page and `npm run search`: given a loaded Pagefind
 * module (the `pagefind.js` of the built site), runs a reader's query as exact substring search
 * over article titles and text, intersects terms, ranks, and turns Pagefind's excerpts into
 * clean HTML with one <mark> per match.
 *
 * Browser-safe: imports nothing from Node, so the page can serve it as an ES module.
 */
import { escapeHtml } from '../core/escape.ts';
import { markedTerms, parseQuery, type ParsedQuery, type QueryPart } from './query-syntax.ts';
import { blockEnd, foldChar, phraseQuery, recordBlocks, shownText, titleMarkers, titlePhraseQuery } from './tokens.ts';
import type { IndexStatistics } from './character-stats.ts';
import { createPlanner, queryCharacters } from './query-plan.ts';
import { mayBeTraditional } from './traditional-chars.ts';

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

/** A sub-heading of the record as Pagefind stored it: its text ends with the block end. */
interface PagefindAnchor {
  id: string;
  text: string;
}

export interface PagefindFragment {
  url: string;
  anchors?: PagefindAnchor[];
  /** The record's whole indexed text (entities escaped as in excerpts). */
  content: string;
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
  /** As typed: words, `OR`, `-词`, "quoted words", `title:词` (query-syntax.ts). */
  query: string;
  sort?: SortOrder;
  /** Pagefind filters: `year` (2018), `section` (工作动态), `issue` (2018年第1期). */
  filters?: Filters;
  /** Every word looks in titles only (the page's 只搜标题). */
  titleOnly?: boolean;
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
  /** The terms marked in excerpts: those of every word that is not excluded, folded. */
  terms: string[];
  /** The query in simplified characters, when the reader's had traditional ones (已按简体“园区”检索). */
  simplified?: string;
  /** Number of matching articles. */
  total: number;
  /** Pagefind page ids of the matching articles, in rank order (facets.ts counts filter values with them). */
  ids: readonly string[];
  /** Loads the hits at ranks offset … offset + limit - 1 (only these fragments are fetched). */
  hits(offset: number, limit: number): Promise<SearchHit[]>;
  /** The results whose page id `keep` accepts, in the same order; no new search. */
  narrowed(keep: (id: string) => boolean): SearchResults;
}

/** What a search may use besides the index itself. */
export interface SearchContext {
  /**
   * The character counts written with the index (character-stats.ts), fetched when a query is
   * long enough to be worth planning; undefined (or a failed fetch) means: search every term in full.
   */
  indexStatistics?: () => Promise<IndexStatistics | undefined>;
  /**
   * Loads the traditional → simplified conversion (simplified.ts), asked for only when the query
   * has a character it could change (traditional-chars.ts); without it, such a query is searched
   * as typed.
   */
  simplifier?: () => Promise<(text: string) => string>;
}

/** Fewer distinct characters than this are searched in full: a plan could save at most a list or two. */
const plannedFrom = 3;

export async function searchArchive(
  pagefind: PagefindApi,
  request: SearchRequest,
  context: SearchContext = {},
): Promise<SearchResults> {
  const simplify =
    context.simplifier && mayBeTraditional(request.query.normalize('NFKC')) ? await context.simplifier() : undefined;
  const parsed = parseQuery(request.query, {
    titleOnly: request.titleOnly === true,
    ...(simplify ? { simplify } : {}),
  });
  const terms = markedTerms(parsed);
  const filters = request.filters ?? {};
  const sort = request.sort ?? 'relevance';
  const direction = sort === 'oldest' ? 'asc' : 'desc';
  // Pagefind finds nothing for two quoted phrases in one query, so each term is its own search;
  // all searches run on one index, so their result ids can be intersected. One search per term
  // and scope, however often it occurs.
  const searches = new Map<string, Promise<PagefindResult[]>>();
  const searched = (term: string, titleOnly: boolean) => {
    const phrase = titleOnly ? titlePhraseQuery(term) : phraseQuery(term);
    let results = searches.get(phrase);
    if (!results) searches.set(phrase, (results = resultsOf(pagefind, phrase, filters, direction)));
    return results;
  };
  const statistics =
    context.indexStatistics && queryCharacters(parsed).size >= plannedFrom
      ? await context.indexStatistics().catch(() => undefined)
      : undefined;
  const planned = statistics && (await checkedCandidates(parsed, statistics, (window) => searched(window, false)));
  if (planned) {
    const ranked =
      sort === 'relevance' && planned.length > 0
        ? rankByTitleMatches(
            planned.map(({ result }) => result),
            terms.map((term) => new Set(planned.filter(({ blocks }) => blocks[0]?.includes(term)).map(({ id }) => id))),
          )
        : planned.map(({ result }) => result);
    return rankedResults(terms, ranked, parsed.simplified);
  }
  const partResults = async (part: QueryPart) =>
    intersectInOrder(await Promise.all(part.terms.map((term) => searched(term, part.titleOnly))));
  const [groups, excluded] = await Promise.all([
    Promise.all(parsed.groups.map((group) => Promise.all(group.map(partResults)))),
    Promise.all(parsed.excluded.map(partResults)),
  ]);
  const matched = await matchedInDateOrder(pagefind, groups, excluded, filters, direction);
  const ranked =
    sort === 'relevance' && matched.length > 0
      ? rankByTitleMatches(matched, await titleMatchSets(terms, searched))
      : matched;
  return rankedResults(terms, ranked, parsed.simplified);
}

interface CheckedResult {
  id: string;
  /** The result, its fragment already fetched (hits() does not fetch it again). */
  result: PagefindResult;
  /** Its reader-visible blocks, folded; the first is the title. */
  blocks: string[];
}

/**
 * The query answered from a few short windows of its rarest characters (query-plan.ts), each
 * candidate then checked on its text against the whole query: in date order, exact. Undefined
 * when searching every term in full is the cheaper way (then the lists loaded so far are reused:
 * Pagefind keeps the chunks it has fetched).
 */
async function checkedCandidates(
  parsed: ParsedQuery,
  { characters, costs }: IndexStatistics,
  search: (window: string) => Promise<PagefindResult[]>,
): Promise<CheckedResult[] | undefined> {
  const planner = createPlanner(parsed, characters, costs);
  let candidates: PagefindResult[] | undefined;
  for (;;) {
    if (candidates?.length === 0) return [];
    const step = planner.plan(candidates?.length);
    if (planner.remainingFullCost() <= step.cost) return undefined;
    if (step.window === undefined) break;
    const before = candidates?.length ?? characters.pages;
    const found = await search(step.window);
    candidates = candidates ? intersectInOrder([candidates, found]) : found;
    planner.searched(step.window, { before, after: candidates.length });
  }
  if (!candidates) return undefined;
  const checked = await Promise.all(
    candidates.map(async (candidate) => {
      const fragment = candidate.data();
      const blocks = recordBlocks(decodeEntities((await fragment).content));
      const result: PagefindResult = { id: candidate.id, data: () => fragment };
      return { id: candidate.id, result, blocks };
    }),
  );
  return checked.filter(({ blocks }) => matchesQuery(parsed, blocks));
}

/** Whether an article's blocks (folded, title first) match the query, as the phrase searches would. */
export function matchesQuery(parsed: ParsedQuery, blocks: readonly string[]): boolean {
  const title = blocks[0] ?? '';
  const matches = (part: QueryPart) =>
    part.terms.every((term) => (part.titleOnly ? title.includes(term) : blocks.some((block) => block.includes(term))));
  return (
    parsed.groups.length > 0 && parsed.groups.every((group) => group.some(matches)) && !parsed.excluded.some(matches)
  );
}

/**
 * Articles in every group (any part of it) and in no excluded part, in date order. A group of one
 * part is already in date order (Pagefind sorted it); when every group is an OR of several, the
 * order comes from one search for every page, sorted the same way.
 */
async function matchedInDateOrder(
  pagefind: PagefindApi,
  groups: readonly (readonly PagefindResult[][])[],
  excluded: readonly PagefindResult[][],
  filters: Filters,
  direction: 'asc' | 'desc',
): Promise<PagefindResult[]> {
  if (groups.length === 0) return [];
  const groupIds = groups.map((parts) => new Set(parts.flat().map((result) => result.id)));
  const excludedIds = new Set(excluded.flat().map((result) => result.id));
  const ordered =
    groups.find((parts) => parts.length === 1)?.[0] ?? (await resultsOf(pagefind, null, filters, direction));
  return ordered.filter((result) => !excludedIds.has(result.id) && groupIds.every((ids) => ids.has(result.id)));
}

function rankedResults(terms: string[], ranked: readonly PagefindResult[], simplified?: string): SearchResults {
  return {
    terms,
    ...(simplified === undefined ? {} : { simplified }),
    total: ranked.length,
    ids: ranked.map((result) => result.id),
    hits: (offset, limit) =>
      Promise.all(ranked.slice(offset, offset + limit).map(async (result) => toHit(await result.data(), terms))),
    narrowed: (keep) =>
      rankedResults(
        terms,
        ranked.filter((result) => keep(result.id)),
        simplified,
      ),
  };
}

async function resultsOf(
  pagefind: PagefindApi,
  phrase: string | null,
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
  terms: readonly string[],
  searched: (term: string, titleOnly: boolean) => Promise<PagefindResult[]>,
): Promise<Set<string>[]> {
  const perTerm = await Promise.all(terms.map((term) => searched(term, true)));
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
    excerpt: matchingExcerpt(fragment, title, terms),
    ...(fragment.meta.image ? { thumbnail: { src: fragment.meta.image, alt: fragment.meta.image_alt ?? '' } } : {}),
    subResults: sectionsWithMatches(fragment, title, terms),
  };
}

/**
 * The article's sub-headed sections whose text holds a term, in printed order, each with an
 * excerpt of its own. Pagefind's sub-results come from the places of the words it was last asked
 * for, which in a planned search (query-plan.ts) are windows of the query, not the query: they
 * named sections without the phrase and missed the one with it.
 */
function sectionsWithMatches(fragment: PagefindFragment, title: string, terms: readonly string[]): SubResult[] {
  const headings = (fragment.anchors ?? []).map((anchor) => ({ anchor, folded: recordBlocks(anchor.text)[0] ?? '' }));
  const sections: { anchor: PagefindAnchor; blocks: { stored: string; folded: string }[] }[] = [];
  // Split as stored (entities escaped, as excerptHtml takes its text), matched decoded.
  const stored = fragment.content.split(blockEnd).slice(0, -1);
  for (const text of stored) {
    const block = { stored: text, folded: recordBlocks(decodeEntities(`${text}${blockEnd}`))[0] ?? '' };
    const next = headings[0];
    if (next && block.folded === next.folded) {
      headings.shift();
      sections.push({ anchor: next.anchor, blocks: [] });
    }
    sections.at(-1)?.blocks.push(block);
  }
  return sections
    .filter(({ blocks }) => terms.some((term) => blocks.some((block) => block.folded.includes(term))))
    .map(({ anchor, blocks }) => ({
      title: shownText(anchor.text.split(blockEnd)[0] ?? ''),
      url: readableAnchor(`${fragment.url}#${anchor.id}`),
      excerpt: excerptHtml(blocks.map((block) => `${block.stored}${blockEnd}`).join(''), title, terms),
    }));
}

/**
 * Pagefind centres its excerpt on the first place of the words it was last asked for. A planned
 * search asks for windows of the query (query-plan.ts), whose first places may lie paragraphs
 * away from the whole phrase; the excerpt is then cut from the record's whole text around the match.
 */
function matchingExcerpt(fragment: PagefindFragment, title: string, terms: readonly string[]): string {
  const excerpt = excerptHtml(fragment.plain_excerpt, title, terms);
  if (terms.length === 0 || excerpt.includes('<mark>')) return excerpt;
  const whole = excerptHtml(fragment.content, title, terms);
  return whole.includes('<mark>') ? whole : excerpt;
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
/** How far the window may move to start or end at a clause boundary instead of cutting a clause. */
const clauseSlack = { before: 12, end: 28 } as const;
/** Characters after which a clause ends. */
const clauseEnd = /^[。，；：！？、,;:!?）)】」』”’]$/u;
/** Pagefind's seam between blocks (see readableBlocks); inside an excerpt it is a clause boundary. */
const blockSeam = '\n';

/**
 * Pagefind's plain excerpt → clean HTML: markers cut off, the original characters back, trimmed
 * to the excerpt window, every match of any term marked once. The window starts and ends at a
 * clause boundary (a block's edge or a clause's punctuation) when one is near; where it cuts a
 * clause it shows "…", and it never cuts a run of letters and digits (3.0, ISO, 2014-2020).
 * Pagefind is asked for a longer excerpt than shown (pagefindOptions) so that the window is
 * full even where the title markers at the end of a record took part of Pagefind's.
 */
export function excerptHtml(plainExcerpt: string, title: string, terms: readonly string[]): string {
  const { blocks, startsAtRecordStart, reachesRecordEnd } = excerptBlocks(plainExcerpt, title);
  const shownTitle = startsAtRecordStart && blocks[0] === title && blocks.length > 1;
  let chars = [...(shownTitle ? blocks.slice(1) : blocks).join(blockSeam)];
  let marked = markedCharacters(chars, terms);
  if (shownTitle && !marked.includes(true)) {
    // The match is in the title alone: keep the title, so that the excerpt shows the match.
    chars = [...blocks.join(blockSeam)];
    marked = markedCharacters(chars, terms);
  }
  const known = { start: startsAtRecordStart, end: reachesRecordEnd };
  const firstMatch = Math.max(0, marked.indexOf(true));
  let from = Math.max(0, Math.min(firstMatch - excerptWindow.before, chars.length - excerptWindow.characters));
  const origin = from;
  let firstMatchEnd = firstMatch;
  while (marked[firstMatchEnd]) firstMatchEnd++;
  // Never so early that the first match would fall out of the window.
  const earliest = Math.max(0, from - clauseSlack.before, firstMatchEnd - excerptWindow.characters);
  // The clause start nearest to where the window would start, not after the first match.
  const clauseStart = range(earliest, Math.min(firstMatch, from + clauseSlack.before))
    .sort((a, b) => Math.abs(a - origin) - Math.abs(b - origin) || a - b)
    .find((i) => startsClause(chars, i, known.start));
  const cutAtStart = clauseStart === undefined;
  from = clauseStart ?? uncut(chars, from, earliest, firstMatch);
  let to = Math.min(chars.length, from + excerptWindow.characters);
  const clauseEnding = range(Math.max(firstMatch + 1, to - clauseSlack.end), to)
    .reverse()
    .find((i) => endsClause(chars, i, known.end));
  const cutAtEnd = clauseEnding === undefined;
  to = clauseEnding ?? uncut(chars, to, firstMatch + 1, chars.length);
  // End before a match the window would cut in two, so that every mark is a whole match.
  while (to > firstMatch + 1 && marked[to - 1] && marked[to]) to--;
  while (from < firstMatch && (/\s/u.test(chars[from] ?? '') || clauseEnd.test(chars[from] ?? ''))) from++;
  return `${cutAtStart ? '…' : ''}${renderMarks(chars, marked, from, to)}${cutAtEnd ? '…' : ''}`;
}

/** Integers from … to, both included (empty when to < from). */
function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, k) => from + k);
}

/** Whether position i (before chars[i]) starts a clause; position 0 only when the record starts there. */
function startsClause(chars: readonly string[], i: number, recordStart: boolean): boolean {
  if (i === 0) return recordStart;
  const previous = chars[i - 1] ?? '';
  return previous === blockSeam || clauseEnd.test(previous);
}

/** Whether position i (after chars[i - 1]) ends a clause; the excerpt's end only when the record ends there. */
function endsClause(chars: readonly string[], i: number, recordEnd: boolean): boolean {
  if (i >= chars.length) return recordEnd;
  return chars[i] === blockSeam || clauseEnd.test(chars[i - 1] ?? '');
}

const runChar = /^[\p{Script=Latin}\p{N}]$/u;

/** Whether a cut at position i would split a run of letters and digits (with . - / + inside it). */
function cutsRun(chars: readonly string[], i: number): boolean {
  const inRun = (k: number) => {
    const char = chars[k] ?? '';
    if (runChar.test(char)) return true;
    return '.-/+'.includes(char) && char !== '' && runChar.test(chars[k - 1] ?? '') && runChar.test(chars[k + 1] ?? '');
  };
  return i > 0 && i < chars.length && inRun(i - 1) && inRun(i);
}

/** The cut at i moved back (not below min), else forward (not beyond max), until it splits no run; else i. */
function uncut(chars: readonly string[], i: number, min: number, max: number): number {
  for (let at = i; at >= min; at--) if (!cutsRun(chars, at)) return at;
  for (let at = i; at <= max; at++) if (!cutsRun(chars, at)) return at;
  return i;
}

/**
 * Pagefind's excerpt as the original text, one entry per block: Pagefind joins a record's blocks
 * with ". " and ends the last one with "."; every full stop of the text itself is tagged
 * (tokens.ts), so a plain one is a seam. Also tells whether the excerpt starts at the record's
 * start (with the title) and reaches its end (the title markers, or the last block's seam).
 */
function excerptBlocks(
  plainExcerpt: string,
  title: string,
): { blocks: string[]; startsAtRecordStart: boolean; reachesRecordEnd: boolean } {
  const seamed = decodeEntities(plainExcerpt).replace(/\.(?= |$)/g, blockSeam);
  const shown = shownText(seamed);
  const cut = withoutTitleMarkers(shown, title);
  const reachesRecordEnd = cut.length < shown.length || shown.trimEnd().endsWith(blockSeam);
  const blocks = cut
    .split(blockSeam)
    .map((block) => block.trim())
    .filter((block, index, all) => block !== '' || (index > 0 && index < all.length - 1));
  return { blocks, startsAtRecordStart: blocks[0] === title, reachesRecordEnd };
}

/**
 * Pagefind joins the record's blocks with ". ", and the record opens with the title the result
 * already shows. After Chinese text that dot is only a seam: it becomes a space, and a leading
 * copy of the title goes. (Kept for callers that have untagged text.)
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

/**
 * Which characters belong to a match, matching as the index does (tokens.ts foldChar): ignoring
 * whitespace, letter case and compatibility forms; one character may fold to several (㎡ → m2).
 * A block seam is never skipped, so no match runs from one block into the next.
 */
function markedCharacters(chars: readonly string[], terms: readonly string[]): boolean[] {
  const owners: number[] = [];
  const folded: string[] = [];
  chars.forEach((char, index) => {
    if (char !== blockSeam && /\s/u.test(char)) return;
    for (const unit of foldChar(char)) {
      owners.push(index);
      folded.push(unit);
    }
  });
  const marked = new Array<boolean>(chars.length).fill(false);
  for (const term of terms) {
    const termChars = [...term];
    for (let start = 0; start + termChars.length <= folded.length; start++) {
      if (!termChars.every((char, k) => folded[start + k] === char)) continue;
      const from = owners[start] ?? 0;
      const to = owners[start + termChars.length - 1] ?? from;
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
    const char = chars[index] === blockSeam ? ' ' : (chars[index] ?? '');
    html += `${opens ? '<mark>' : ''}${escapeHtml(char)}${closes ? '</mark>' : ''}`;
  }
  return html;
}
