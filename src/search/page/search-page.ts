/**
 * The search page (/search/), bundled into assets/search.js. Our own UI on Pagefind's JS API
 * rather than Pagefind's default or component UI: those send the reader's words to Pagefind as
 * typed, which segments Chinese into dictionary words, while this archive's index needs every
 * query to go through query.ts (one exact phrase per term, intersected, title matches first,
 * excerpts cleaned and marked) and its filter counts need facets.ts.
 *
 * The page's HTML (templates/search.njk) holds the form, the controls and the empty result list;
 * this script fills them. State lives in the URL (?q=泰州&sort=newest&year=2018&section=…&park=…)
 * so a search can be shared and reloaded; it is replaced, not pushed, so Back leaves the page.
 */
import { toChineseDate } from '../../core/dates.ts';
import { prefixed, routes } from '../../core/routes.ts';
import {
  facetCounts,
  loadFacets,
  passesSelection,
  type FacetCount,
  type FacetIndex,
  type PagefindWithFilters,
  type Selection,
} from '../facets.ts';
import {
  highlightTerms,
  pagefindOptions,
  searchArchive,
  type SearchContext,
  type SearchHit,
  type SearchResults,
  type SortOrder,
} from '../query.ts';
import { characterStatsFile, fetchIndexStatistics, type IndexStatistics } from '../character-stats.ts';
import { parseQuery } from '../query-syntax.ts';
import {
  editsAmending,
  editsManifestFile,
  editsMarkerName,
  entryHash,
  withEdits,
  type EditsManifest,
} from '../edits-merge.ts';
import { searchStrings } from './strings.ts';

const pageSize = 10;
/** Long articles have many sub-headings near a match; a few keep the list easy to scan. */
const subResultsShown = 3;
const sortOrders: readonly SortOrder[] = ['relevance', 'newest', 'oldest'];

interface FilterSpec {
  name: string;
  /** What the filter chooses, as the page names it: 年份. */
  label: string;
  /** First option: no narrowing. */
  allLabel: string;
  optionLabel(value: string): string;
  order(a: string, b: string): number;
}

const collator = new Intl.Collator('zh-CN');
const filterSpecs: readonly FilterSpec[] = [
  {
    name: 'year',
    label: '年份',
    allLabel: '全部年份',
    optionLabel: (value) => `${value}年`,
    order: (a, b) => Number(b) - Number(a),
  },
  {
    name: 'section',
    label: '栏目',
    allLabel: '全部栏目',
    optionLabel: (value) => value,
    order: (a, b) => collator.compare(a, b),
  },
  {
    name: 'park',
    // The archive's own name for its index (园区, 企业…): the page gives it on the select.
    label: '',
    allLabel: '',
    optionLabel: (value) => value,
    order: (a, b) => collator.compare(a, b),
  },
];

interface PageState {
  query: string;
  sort: SortOrder;
  selection: Selection;
  /** 只搜标题 */
  titleOnly: boolean;
}

interface Engine {
  pagefind: PagefindWithFilters;
  context: SearchContext;
  /** The filter index, loaded when first asked for: after the first results are drawn. */
  facets(): Promise<FacetIndex>;
}

function required<T extends Element>(selector: string): T {
  const element = document.querySelector<T>(selector);
  if (!element) throw new Error(`search page: missing ${selector}`);
  return element;
}

const form = required<HTMLFormElement>('#search-form');
const input = required<HTMLInputElement>('#search-query');
const controls = required<HTMLElement>('#search-controls');
const sortSelect = required<HTMLSelectElement>('#search-sort');
const titleOnlyBox = required<HTMLInputElement>('#search-title-only');
const status = required<HTMLElement>('#search-status');
const hint = required<HTMLElement>('#search-hint');
const list = required<HTMLOListElement>('#search-results');
const more = required<HTMLButtonElement>('#search-more');
/** The filters this archive has: the page leaves out what it does not track (no gazetteer, no park filter). */
const filters = filterSpecs.flatMap((spec) => {
  const select = document.querySelector<HTMLSelectElement>(`#search-filter-${spec.name}`);
  if (!select) return [];
  const { label, allLabel } = select.dataset;
  return [{ spec: { ...spec, ...(label ? { label } : {}), ...(allLabel ? { allLabel } : {}) }, select }];
});
const presentFilters = filters.map(({ spec }) => spec);
/** Site root under the path prefix the page was built with (`/` or `/bulletin/`). */
const pathPrefix = form.dataset.pathPrefix ?? '/';
const baseTitle = document.title;

let engine: Promise<Engine> | undefined;
/** Unfiltered results of the current query; filters narrow them without a new search. */
let allResults: SearchResults | undefined;
let facets: FacetIndex | undefined;
let shown: SearchResults | undefined;
/** Each search or redraw takes a number; a slower earlier one finishing late draws nothing. */
let generation = 0;
/** A second click on "更多结果" while a page of hits loads would append that page twice. */
let loadingMore = false;

type LoadedPagefind = PagefindWithFilters & { options(options: Record<string, unknown>): Promise<void> };

/** Imports a Pagefind bundle's module; `version` (the preview's) makes a fresh instance for a new bundle. */
async function importPagefind(folder: string, version?: string): Promise<LoadedPagefind> {
  const url = `${prefixed(folder, { pathPrefix })}pagefind.js${version === undefined ? '' : `?v=${version}`}`;
  const pagefind = (await import(url)) as LoadedPagefind;
  // Result URLs are stored as site paths (/2018/01/p3/); baseUrl puts the prefix in front.
  await pagefind.options({ ...pagefindOptions, baseUrl: pathPrefix });
  return pagefind;
}

/** Pagefind and the filter values, loaded on the first search (the index is only fetched when needed). */
function loadEngine(indexes?: PreviewIndexes): Promise<Engine> {
  engine ??= (async () => {
    const full = await importPagefind(routes.searchIndex, indexes?.full);
    const manifest = indexes?.edits;
    const pagefind = manifest
      ? withEdits(
          full,
          manifest.pages > 0 ? await importPagefind(routes.searchEdits, manifest.stamp) : undefined,
          manifest,
        )
      : full;
    let facetIndex: Promise<FacetIndex> | undefined;
    let statistics: Promise<IndexStatistics | undefined> | undefined;
    const statisticsUrl = `${prefixed(routes.searchIndex, { pathPrefix })}${characterStatsFile}`;
    const simplifiedUrl = prefixed(routes.scripts.simplified, { pathPrefix });
    return {
      pagefind,
      context: {
        indexStatistics: () => (statistics ??= fetchIndexStatistics(statisticsUrl)),
        simplifier: async () => {
          const module = (await import(simplifiedUrl)) as { toSimplified: (text: string) => string };
          return module.toSimplified;
        },
      },
      facets: () =>
        (facetIndex ??= loadFacets(
          pagefind,
          presentFilters.map((spec) => spec.name),
        )),
    };
  })();
  return engine;
}

/** In the preview: which full index is served and which edits bundle amends it. */
interface PreviewIndexes {
  full: string;
  edits?: EditsManifest;
}

/** Set in the preview only (src/preview/notice-html.ts): a published site asks for no edits bundle. */
const inPreview = document.querySelector(`meta[name="${editsMarkerName}"]`) !== null;
let loadedIndexes: string | undefined;

/**
 * The engine for the indexes served now. The preview rewrites its edits bundle after every save
 * (and at times the full index) while this page stays open: each search asks which are current,
 * two small files, and loads them anew when they changed.
 */
async function currentEngine(): Promise<Engine> {
  if (!inPreview) return loadEngine();
  const fetchJson = async (url: string): Promise<unknown> => {
    const response = await fetch(url, { cache: 'no-store' });
    return response.ok ? ((await response.json()) as unknown) : undefined;
  };
  const [entry, edits] = await Promise.all([
    fetchJson(`${prefixed(routes.searchIndex, { pathPrefix })}pagefind-entry.json`),
    fetchJson(`${prefixed(routes.searchEdits, { pathPrefix })}${editsManifestFile}`).catch(() => undefined),
  ]);
  const full = entryHash(entry) ?? '';
  const manifest = editsAmending(entry, edits);
  const indexes = { full, ...(manifest ? { edits: manifest } : {}) };
  const key = `${full} ${indexes.edits?.stamp ?? ''}`;
  if (key !== loadedIndexes) engine = undefined;
  loadedIndexes = key;
  return loadEngine(indexes);
}

function stateFromUrl(): PageState {
  const params = new URLSearchParams(location.search);
  const sort = params.get('sort');
  const selection: Selection = {};
  for (const spec of presentFilters) selection[spec.name] = params.get(spec.name) || undefined;
  return {
    query: params.get('q') ?? '',
    sort: isSortOrder(sort) ? sort : 'relevance',
    selection,
    titleOnly: params.get('title') === '1',
  };
}

function stateFromForm(): PageState {
  const selection: Selection = {};
  for (const { spec, select } of filters) selection[spec.name] = select.value || undefined;
  return {
    query: input.value.trim(),
    sort: isSortOrder(sortSelect.value) ? sortSelect.value : 'relevance',
    selection,
    titleOnly: titleOnlyBox.checked,
  };
}

function isSortOrder(value: string | null): value is SortOrder {
  return sortOrders.some((order) => order === value);
}

/** Only what differs from the defaults goes into the address. */
function writeUrl(state: PageState): void {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.titleOnly) params.set('title', '1');
  for (const spec of presentFilters) {
    const value = state.selection[spec.name];
    if (value) params.set(spec.name, value);
  }
  const search = params.toString();
  history.replaceState(null, '', `${location.pathname}${search ? `?${search}` : ''}`);
  document.title = state.query ? `“${state.query}” - ${baseTitle}` : baseTitle;
}

function showForm(state: PageState): void {
  input.value = state.query;
  sortSelect.value = state.sort;
  titleOnlyBox.checked = state.titleOnly;
  for (const { spec, select } of filters) fillFilter(select, spec, [], 0, state.selection[spec.name]);
}

function setMessage(text: string, hintText = ''): void {
  status.textContent = text;
  hint.textContent = hintText;
  hint.hidden = hintText === '';
}

async function runSearch(state: PageState): Promise<void> {
  const run = ++generation;
  list.replaceChildren();
  more.hidden = true;
  allResults = undefined;
  if (state.query === '') {
    controls.hidden = true;
    setMessage('', '输入检索词后按回车。');
    return;
  }
  setMessage('正在检索……');
  let loaded: Engine;
  let results: SearchResults;
  try {
    loaded = await currentEngine();
    results = await searchArchive(
      loaded.pagefind,
      { query: state.query, sort: state.sort, titleOnly: state.titleOnly },
      loaded.context,
    );
  } catch {
    engine = undefined;
    if (run === generation)
      setMessage('检索暂时无法使用：未能载入检索索引。', '请稍后刷新页面重试，或按年份、栏目浏览。');
    return;
  }
  if (run !== generation) return;
  allResults = results;
  facets = undefined;
  // The filter counts need one search per filter value; the results do not wait for them unless
  // a filter is selected (then only the counts tell which results pass).
  const selected = presentFilters.some((spec) => state.selection[spec.name]);
  if (!selected) await showResults(state, run);
  let index: FacetIndex;
  try {
    index = await loaded.facets();
  } catch {
    engine = undefined;
    return;
  }
  if (run !== generation) return;
  facets = index;
  if (selected) await showResults(state, run);
  else showFilters(state);
}

/** The filters with the counts of the current results (once the filter index has loaded). */
function showFilters(state: PageState): void {
  if (!allResults || !facets) return;
  const counts = facetCounts(allResults.ids, facets, state.selection);
  for (const { spec, select } of filters) {
    const entry = counts.get(spec.name);
    fillFilter(select, spec, entry?.values ?? [], entry?.all ?? 0, state.selection[spec.name]);
  }
  controls.hidden = allResults.total === 0;
}

/** Draws the filters with counts and the first page of results that pass the selected filters. */
async function showResults(state: PageState, run = ++generation): Promise<void> {
  if (!allResults) return;
  const index = facets;
  showFilters(state);
  if (!index) controls.hidden = allResults.total === 0;
  shown = index ? allResults.narrowed((id) => passesSelection(id, index, state.selection)) : allResults;
  list.replaceChildren();
  if (shown.total === 0) {
    const filtered = presentFilters.some((spec) => state.selection[spec.name]);
    const parsed = parseQuery(state.query);
    if (parsed.groups.length === 0 && parsed.excluded.length > 0) {
      setMessage(searchStrings.onlyExcluded);
      return;
    }
    setMessage(
      `没有找到${state.titleOnly ? searchStrings.inTitles : ''}包含“${state.query}”的文章${filtered ? '（在所选范围内）' : ''}。`,
      filtered
        ? `可以把${presentFilters
            .map((spec) => spec.label)
            .join('、')
            .replace(/、([^、]*)$/, '或$1')}改回“全部”再看。`
        : '检索按字面查找连续出现的字；可以换用更短的词，或用空格分开几个词。',
    );
    more.hidden = true;
    return;
  }
  await appendHits(run);
}

async function appendHits(run: number): Promise<void> {
  const results = shown;
  if (!results) return;
  const offset = list.children.length;
  const hits = await results.hits(offset, pageSize);
  if (run !== generation) return;
  const items = hits.map((hit) => resultItem(hit, results.terms));
  list.append(...items);
  const count = list.children.length;
  more.hidden = count >= results.total;
  setMessage(
    count < results.total ? `共 ${results.total} 篇，已显示 ${count} 篇。` : `共 ${results.total} 篇。`,
    results.simplified === undefined ? '' : searchStrings.simplified(results.simplified),
  );
  if (offset > 0) items[0]?.querySelector('a')?.focus();
}

function fillFilter(
  select: HTMLSelectElement,
  spec: FilterSpec,
  values: readonly FacetCount[],
  all: number,
  selected: string | undefined,
): void {
  const options = [new Option(all > 0 ? `${spec.allLabel}（${all}）` : spec.allLabel, '')];
  // Before the first search (or a value from an old link) the selected value has no count yet, but stays selected.
  const listed =
    selected && !values.some((entry) => entry.value === selected) ? [...values, { value: selected, count: 0 }] : values;
  for (const { value, count } of [...listed].sort((a, b) => spec.order(a.value, b.value))) {
    options.push(new Option(`${spec.optionLabel(value)}（${count}）`, value));
  }
  select.replaceChildren(...options);
  select.value = selected ?? '';
}

/** The article link carries the terms, so the article page can mark them (article-highlight.ts). */
function withHighlight(url: string, terms: readonly string[]): string {
  const hash = url.indexOf('#');
  const [path, fragment] = hash < 0 ? [url, ''] : [url.slice(0, hash), url.slice(hash)];
  return `${path}?highlight=${encodeURIComponent(terms.join(' '))}${fragment}`;
}

/**
 * One result. Text from the index goes in as text; only query.ts's excerpts and marked titles go
 * in as HTML, and query.ts escapes everything in them but its own <mark> elements.
 */
function resultItem(hit: SearchHit, terms: readonly string[]): HTMLLIElement {
  const item = element('li', 'search-result');
  const heading = element('h2', 'search-result-title');
  const link = element('a');
  link.href = withHighlight(hit.url, terms);
  link.innerHTML = highlightTerms(hit.title, terms);
  heading.append(link);

  const meta = element('p', 'search-result-meta');
  const date = element('time');
  date.dateTime = hit.date;
  date.textContent = toChineseDate(hit.date);
  meta.append(`${hit.issue} · ${hit.section} · `, date);

  const excerpt = element('p', 'search-result-excerpt');
  excerpt.innerHTML = hit.excerpt;
  if (hit.thumbnail) {
    // The stylesheet gives it a fixed box, so results do not move as thumbnails arrive.
    const thumbnail = element('img', 'search-result-thumbnail');
    thumbnail.src = prefixed(hit.thumbnail.src, { pathPrefix });
    thumbnail.alt = hit.thumbnail.alt;
    thumbnail.loading = 'lazy';
    thumbnail.decoding = 'async';
    item.append(thumbnail);
  }
  item.append(heading, meta, excerpt);

  const subResults = hit.subResults.slice(0, subResultsShown);
  if (subResults.length > 0) {
    const subList = element('ul', 'search-subresults');
    for (const sub of subResults) {
      const subItem = element('li');
      const subLink = element('a');
      subLink.href = withHighlight(sub.url, terms);
      subLink.textContent = sub.title;
      const subExcerpt = element('p', 'search-result-excerpt');
      subExcerpt.innerHTML = sub.excerpt;
      subItem.append(subLink, subExcerpt);
      subList.append(subItem);
    }
    item.append(subList);
  }
  return item;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (className) created.className = className;
  return created;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const state = stateFromForm();
  writeUrl(state);
  void runSearch(state);
});

// A new order needs a new search (Pagefind sorts, and only relevance ranks titles first).
sortSelect.addEventListener('change', () => {
  const state = stateFromForm();
  writeUrl(state);
  void runSearch(state);
});

titleOnlyBox.addEventListener('change', () => {
  const state = stateFromForm();
  writeUrl(state);
  if (state.query) void runSearch(state);
});

// Filters narrow the results already found; no new search.
for (const { select } of filters) {
  select.addEventListener('change', () => {
    const state = stateFromForm();
    writeUrl(state);
    void showResults(state);
  });
}

more.addEventListener('click', () => {
  if (loadingMore) return;
  loadingMore = true;
  void appendHits(generation).finally(() => (loadingMore = false));
});

// `/` goes to the search box from anywhere on the page, except while typing in a field.
document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target instanceof HTMLElement ? event.target : undefined;
  if (target?.closest('input, textarea, select') || target?.isContentEditable) return;
  event.preventDefault();
  input.focus();
  input.select();
});

const initial = stateFromUrl();
showForm(initial);
void runSearch(initial);
