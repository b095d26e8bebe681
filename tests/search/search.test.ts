import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facetCounts, loadFacets, passesSelection, type FacetIndex, type Selection } from '../../src/search/facets.ts';
import { searchArchive, type SearchContext, type SearchHit, type SortOrder } from '../../src/search/query.ts';
import type { IndexCosts } from '../../src/search/query-plan.ts';
import { titleMarkers } from '../../src/search/tokens.ts';
import { defined } from '../helpers/defined.ts';
import {
  articleEntries,
  buildFixture,
  oracleTerms,
  scanMatches,
  scanQuery,
  titleContains,
  type ArticleEntry,
  type Fixture,
} from './fixture.ts';

let fixture: Fixture;
let entries: ArticleEntry[];

beforeAll(async () => {
  // Written in three parts and joined, as a large archive on a small machine is: the oracle then
  // holds for the joined bundle (bundle-merge.test.ts shows it equals the one Pagefind writes at once).
  fixture = await buildFixture(30, 20180629, 3);
  entries = articleEntries(fixture.issues);
});

afterAll(async () => {
  await fixture?.dispose();
});

/** Every term searched in full (no index statistics), traditional characters read as simplified. */
function fullSearch(): SearchContext {
  const { simplifier } = fixture.loaded.context;
  return simplifier ? { simplifier } : {};
}

async function search(query: string, sort: SortOrder = 'relevance', filters = {}): Promise<SearchHit[]> {
  const results = await searchArchive(fixture.loaded.pagefind, { query, sort, filters }, fullSearch());
  const hits = await results.hits(0, results.total);
  expect(hits).toHaveLength(results.total);
  return hits;
}

/** [query, whether the fixture has matches]: the second column keeps the table honest about what it tests. */
const queries: [string, boolean][] = [
  // single characters
  ['园', true],
  ['泰', true],
  ['态', true],
  ['的', true],
  ['州', true],
  ['肥', true],
  ['调', true],
  ['巢', true],
  ['〇', false],
  ['鑫', false],
  // substrings across word boundaries
  ['态工', true],
  ['医药高新', true],
  ['高新区', true],
  ['工业园区', true],
  ['区建设', true],
  ['业园', true],
  ['技术产业开', true],
  ['生态文明建设', true],
  ['环保产业园', true],
  ['示范园区建设协调', true],
  ['产城融合', true],
  ['园区通过国家', true],
  ['家生态工', true],
  ['态工业园区建设规', true],
  ['工业示范园', true],
  ['区节能环保', true],
  // names and places
  ['泰州', true],
  ['合肥', true],
  ['刘启风', true],
  ['邹首民', true],
  ['贵阳', true],
  ['上海青浦', true],
  ['张家港', true],
  ['国祯环保', true],
  ['清华大学', true],
  ['南京师范大学', true],
  ['环巢湖', true],
  // numbers
  ['2018', true],
  ['141', true],
  ['1992', true],
  ['128', true],
  ['2015-2020', true],
  ['3.0', true],
  ['2+2', true],
  ['1000', true],
  ['9', true],
  ['2099', false],
  // Latin
  ['VOC', true],
  ['voc', true],
  ['Voc', true],
  ['ＶＯＣ', true],
  ['n', true],
  ['vocs', false],
  // several terms
  ['泰州 合肥', true],
  ['环保 VOC', true],
  ['园区 2018', true],
  ['生态 示范 验收', true],
  ['清华大学 贵阳', true],
  ['泰州 量子', false],
  // punctuation in the query separates terms
  ['泰州，合肥', true],
  ['“环保管家”', true],
  ['（一）做优', true],
  // no match: across punctuation, across blocks, unknown words, marker-like letters
  ['州合', false],
  ['开2018', false],
  ['计为', false],
  ['北京', false],
  ['量子计算', false],
  ['xyz', false],
  ['态工业园区泰州', false],
  [titleMarkers('泰').split(' ')[0] ?? 'tlio', false],
  ['，。', false],
  // compatibility characters, as pasted from a bulletin (NFKC on both sides)
  ['km²', true],
  ['5.6km²', true],
  ['3万㎡', true],
  ['30℃', true],
  ['水温不超过30℃', true],
  ['Ⅱ期', true],
  ['分①②两个阶段', true],
  ['SO₂', true],
  ['NH₃-N', true],
  ['PM2.5', true],
  ['ＣＯＤ', true],
  ['5.6km2', true],
  ['3万m2', true],
  // punctuation inside runs of letters and digits is part of the term
  ['3.0', true],
  ['环保3.0版', true],
  ['2014-2020', true],
  ['2015-2020', true],
  ['GB/T 7714', true],
  ['GB/T', true],
  ['TCP/IP', true],
  ['C++', true],
  ['2+2', true],
  ['3.05', false],
  ['NH3-NH', false],
  ['PM2.55', false],
  ['GB/T7714', true],
  ['2014-2020年', true],
  ['3.', true],
];

/** Queries with operators and traditional characters: compared with the oracle's own reading of them. */
const operatorQueries: [string, boolean][] = [
  ['泰州 -合肥', true],
  ['园区 -泰州 -合肥', true],
  ['-泰州', false],
  ['泰州 OR 合肥', true],
  ['量子 OR 合肥', true],
  ['量子 OR 北京', false],
  ['泰州 OR 合肥 -环保', true],
  ['泰州 OR 合肥 调研 OR 验收', true],
  ['title:泰州', true],
  ['标题:泰州 医药', true],
  ['title:园区 -title:泰州', true],
  ['"ISO 14001"', true],
  ['“ISO 14001”', true],
  ['"ISO 14001" 7714', true],
  ['ISO 14001', true],
  ['"生态 工业"', true],
  ['"泰州，合肥"', true],
  ['or', false],
  ['园區', true],
  ['生態工業園區', true],
  ['園區 -泰州', true],
  ['環保 OR 國際', true],
  ['title:園區', true],
];
/** The same, with the 只搜标题 checkbox on. */
const titleOnlyQueries: [string, boolean][] = [
  ['泰州', true],
  ['园区 -泰州', true],
  ['泰州 OR 合肥', true],
  ['Ⅱ期', true],
];

describe('matching: the search finds exactly the articles a substring scan finds', () => {
  const rows: { query: string; expected: number; found: number; recall: number; precision: number }[] = [];

  afterAll(() => {
    const ok = rows.filter((row) => row.recall === 1 && row.precision === 1).length;
    const withMatches = rows.filter((r) => r.expected > 0).length;
    const without = rows.filter((r) => r.expected === 0).length;
    console.log(
      `search recall/precision: ${ok}/${rows.length} queries exact; ${withMatches} with matches, ${without} without`,
    );
  });

  it('covers at least 60 queries of every kind', () => {
    expect(queries.length).toBeGreaterThanOrEqual(60);
  });

  /**
   * The same query four ways: every term searched in full (no statistics), as the site searches
   * (the statistics written with the index decide), and two forced plans: lists priced so high
   * that one window is searched and every candidate checked on its text, and priced so that
   * windows are searched until few candidates are left. All must give the same hits in the same order.
   */
  function plannedContext(costs: IndexCosts): SearchContext {
    return {
      indexStatistics: async () => {
        const statistics = await fixture.loaded.context.indexStatistics?.();
        return statistics && { characters: statistics.characters, costs };
      },
      ...fullSearch(),
    };
  }
  const ways: [string, () => SearchContext][] = [
    ['full', fullSearch],
    ['site', () => fixture.loaded.context],
    ['one window', () => plannedContext({ perOccurrence: 1e-6, chunk: 1e6, fragment: 1 })],
    ['narrowed', () => plannedContext({ perOccurrence: 1e-6, chunk: 1e6, fragment: 1e5 })],
  ];

  async function compare(query: string, hasMatches: boolean, expectedUrls: string[], titleOnly = false) {
    const expected = new Set(expectedUrls);
    expect(expected.size > 0).toBe(hasMatches);
    const byWay: Record<string, string[]> = {};
    for (const [way, context] of ways) {
      const results = await searchArchive(fixture.loaded.pagefind, { query, titleOnly }, context());
      byWay[way] = (await results.hits(0, results.total)).map((hit) => hit.url);
    }
    const found = byWay.full ?? [];
    expect(new Set(found).size).toBe(found.length);
    const hitsInExpected = found.filter((url) => expected.has(url)).length;
    const recall = expected.size === 0 ? 1 : hitsInExpected / expected.size;
    const precision = found.length === 0 ? 1 : hitsInExpected / found.length;
    rows.push({ query, expected: expected.size, found: found.length, recall, precision });
    expect({ recall, precision }).toEqual({ recall: 1, precision: 1 });
    for (const [way] of ways) expect({ way, urls: byWay[way] }).toEqual({ way, urls: found });
  }

  it.each(queries)('%s', async (query, hasMatches) => {
    await compare(
      query,
      hasMatches,
      scanMatches(entries, query).map(({ article }) => article.url),
    );
  });

  it.each(operatorQueries)('operators: %s', async (query, hasMatches) => {
    await compare(
      query,
      hasMatches,
      scanQuery(entries, query).map(({ article }) => article.url),
    );
  });

  it.each(titleOnlyQueries)('只搜标题: %s', async (query, hasMatches) => {
    await compare(
      query,
      hasMatches,
      scanQuery(entries, query, true).map(({ article }) => article.url),
      true,
    );
  });

  it('says when traditional characters were read as simplified', async () => {
    const context = fixture.loaded.context;
    expect((await searchArchive(fixture.loaded.pagefind, { query: '園區' }, context)).simplified).toBe('园区');
    expect((await searchArchive(fixture.loaded.pagefind, { query: '园区' }, context)).simplified).toBeUndefined();
  });

  it('searches traditional characters as typed when no conversion is at hand', async () => {
    const results = await searchArchive(fixture.loaded.pagefind, { query: '園區' });
    expect(results.simplified).toBeUndefined();
    expect(results.total).toBe(scanMatches(entries, '園區').length);
  });

  it('ranks and orders OR queries like the others: title matches first, then newest first', async () => {
    const query = '泰州 OR 合肥';
    const terms = ['泰州', '合肥'];
    const titleScore = (entry: ArticleEntry) => terms.filter((term) => titleContains(entry.article, term)).length;
    const order = scanQuery(entries, query)
      .sort(
        (a, b) =>
          titleScore(b) - titleScore(a) ||
          b.issue.date.localeCompare(a.issue.date) ||
          (b.issue.cumulativeNumber ?? 0) - (a.issue.cumulativeNumber ?? 0) ||
          a.position - b.position,
      )
      .map(({ article }) => article.url);
    expect((await search(query)).map((hit) => hit.url)).toEqual(order);
  });
});

/** The order the contract asks for: more terms in the title first, then newer issues, then printed order. */
function expectedOrder(query: string, sort: SortOrder): string[] {
  const terms = oracleTerms(query);
  const titleScore = (entry: ArticleEntry) =>
    sort === 'relevance' ? terms.filter((term) => titleContains(entry.article, term)).length : 0;
  const byDate = (a: ArticleEntry, b: ArticleEntry) =>
    b.issue.date.localeCompare(a.issue.date) ||
    (b.issue.cumulativeNumber ?? 0) - (a.issue.cumulativeNumber ?? 0) ||
    a.position - b.position;
  return scanMatches(entries, query)
    .sort((a, b) => titleScore(b) - titleScore(a) || (sort === 'oldest' ? byDate(b, a) : byDate(a, b)))
    .map(({ article }) => article.url);
}

describe('ranking', () => {
  it.each(['园区', '泰州', '合肥 环保', '生态 示范 验收', '调研', '高新区', 'VOC'])(
    '%s: title matches first, then newest first',
    async (query) => {
      const order = expectedOrder(query, 'relevance');
      expect(order.length).toBeGreaterThan(1);
      expect((await search(query)).map((hit) => hit.url)).toEqual(order);
    },
  );

  it('has title and body matches in the ranking tests', () => {
    const matches = scanMatches(entries, '园区');
    expect(matches.some(({ article }) => titleContains(article, '园区'))).toBe(true);
    expect(matches.some(({ article }) => !titleContains(article, '园区'))).toBe(true);
  });

  it.each<SortOrder>(['newest', 'oldest'])('sorts by date only when asked (%s)', async (sort) => {
    expect((await search('园区', sort)).map((hit) => hit.url)).toEqual(expectedOrder('园区', sort));
  });

  it('does not rank a title higher for characters that are only separated by punctuation there', async () => {
    // 紧扣国家需求，发展节能环保产业: 求 and 发 are in the title but not adjacent.
    const hits = await search('求发');
    expect(hits.map((hit) => hit.url)).toEqual(expectedOrder('求发', 'relevance'));
  });
});

describe('results', () => {
  it('has one record per article, with the issue pages indexing nothing', async () => {
    const entry = JSON.parse(await readFile(join(fixture.siteDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.values(entry.languages).map((language) => language.page_count)).toEqual([entries.length]);
    const hits = await search('的');
    const urls = hits.map((hit) => hit.url);
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls.every((url) => /^\/\d{4}\/\d{2}\/[a-z0-9-]+\/$/.test(url))).toBe(true);
  });

  it('carries issue label, section, title and date', async () => {
    const [hit] = await search('紧扣国家需求', 'relevance', { issue: '2018年第1期' });
    expect(hit).toMatchObject({
      url: '/2018/01/p6/',
      title: '紧扣国家需求，发展节能环保产业',
      issue: '2018年第1期',
      section: '经验交流',
      date: '2018-06-29',
    });
  });

  it('gives sub-results with the anchors of the article’s sub-headings', async () => {
    const [hit] = await search('做优顶层设计', 'relevance', { issue: '2018年第1期' });
    const p6 = entries.find(({ article }) => article.url === '/2018/01/p6/')?.article;
    const heading = p6?.headings.find((h) => h.text.includes('做优顶层设计'));
    expect(heading).toBeDefined();
    expect(hit?.subResults.map((sub) => sub.url)).toContain(`/2018/01/p6/#${heading?.id}`);
  });

  it('filters by year, section and issue', async () => {
    const inYear = await search('园区', 'newest', { year: '2018' });
    expect(inYear.length).toBeGreaterThan(0);
    expect(inYear.every((hit) => hit.url.startsWith('/2018/'))).toBe(true);
    const inSection = await search('园区', 'newest', { section: '园区掠影' });
    expect(inSection.length).toBeGreaterThan(0);
    expect(inSection.every((hit) => hit.section === '园区掠影')).toBe(true);
    const inIssue = await search('园区', 'newest', { issue: '2018年第1期' });
    expect(inIssue.map((hit) => hit.url)).toEqual(
      expectedOrder('园区', 'newest').filter((url) => url.startsWith('/2018/01/')),
    );
  });

  it('filters by park: the canonical names of the parks an article names', async () => {
    const park = defined(
      entries.find(({ article }) => article.parks.length > 0)?.article.parks[0],
      'a park an article names',
    ).name;
    const withPark = new Set(
      entries.filter(({ article }) => article.parks.some((p) => p.name === park)).map(({ article }) => article.url),
    );
    const inPark = await search('园区', 'newest', { park });
    expect(inPark.length).toBeGreaterThan(0);
    expect(inPark.map((hit) => hit.url)).toEqual(expectedOrder('园区', 'newest').filter((url) => withPark.has(url)));
  });
});

describe('filter counts', () => {
  const names = ['year', 'section', 'park'] as const;
  const sectionOf = (entry: ArticleEntry) =>
    defined(
      entry.issue.sections.find((section) => section.articles.includes(entry.article)),
      `the section of ${entry.article.url}`,
    ).title;
  const valuesOf = (entry: ArticleEntry, name: (typeof names)[number]) =>
    name === 'year'
      ? [String(entry.issue.year)]
      : name === 'section'
        ? [sectionOf(entry)]
        : entry.article.parks.map((park) => park.name);
  let facets: FacetIndex;
  beforeAll(async () => {
    facets = await loadFacets(fixture.loaded.pagefind, names);
  });

  /** The oracle: matching articles that pass the other selected filters, counted per value. */
  function expectedCounts(query: string, selection: Selection): Record<string, Record<string, number>> {
    return Object.fromEntries(
      names.map((name) => {
        const candidates = scanMatches(entries, query).filter((entry) =>
          Object.entries(selection).every(
            ([other, value]) => other === name || !value || valuesOf(entry, other as typeof name).includes(value),
          ),
        );
        const counts: Record<string, number> = { '': candidates.length };
        for (const entry of candidates)
          for (const value of valuesOf(entry, name)) counts[value] = (counts[value] ?? 0) + 1;
        if (selection[name]) counts[selection[name]] ??= 0;
        return [name, counts];
      }),
    );
  }

  it.each<[string, Selection]>([
    ['泰州', {}],
    ['合肥 环保', {}],
    ['园区', { year: '2018' }],
    ['泰州医药', { year: '2019' }],
    ['调研', { section: '工作动态', park: '泰州医药高新技术产业开发区' }],
    ['州合', { year: '2019' }],
  ])('%s %j: every value counts the results it leaves', async (query, selection) => {
    const results = await searchArchive(fixture.loaded.pagefind, { query });
    const counts = facetCounts(results.ids, facets, selection);
    const shown = Object.fromEntries(
      names.map((name) => {
        const { all, values } = defined(counts.get(name), `the ${name} counts`);
        return [name, Object.fromEntries([['', all], ...values.map(({ value, count }) => [value, count])])];
      }),
    );
    expect(shown).toEqual(expectedCounts(query, selection));
    const narrowed = results.narrowed((id) => passesSelection(id, facets, selection));
    expect(narrowed.total).toBe(
      scanMatches(entries, query).filter((entry) =>
        names.every((name) => !selection[name] || valuesOf(entry, name).includes(selection[name])),
      ).length,
    );
  });
});

describe('excerpts', () => {
  const plain = (html: string) => html.replace(/<\/?mark>/g, '');
  const marks = (html: string) =>
    [...html.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => (m[1] ?? '').replace(/\s+/g, '').toLowerCase());

  it.each(['医药高新', 'VOC', '生态文明建设', '泰州 合肥', '态工'])(
    '%s: each match is one mark, with 50–100 characters of context',
    async (query) => {
      const terms = oracleTerms(query);
      const hits = await search(query);
      expect(hits.length).toBeGreaterThan(0);
      for (const hit of hits) {
        expect(hit.excerpt).not.toMatch(/<\/mark>\s*<mark>/);
        expect(hit.excerpt).not.toContain('\u200b');
        expect(hit.excerpt).not.toContain(titleMarkers(hit.title).split(' ')[0]);
        const found = marks(hit.excerpt);
        expect(found.length).toBeGreaterThan(0);
        // A mark is one match, or matches that touch or overlap: made only of the terms' text.
        for (const mark of found) expect(terms.some((term) => mark.includes(term))).toBe(true);
        const length = [...plain(hit.excerpt).replace(/&[a-z]+;/g, '.')].length;
        expect(length).toBeLessThanOrEqual(100);
        const article = entries.find((e) => e.article.url === hit.url)?.article;
        if (article && [...article.text].length > 200) expect(length).toBeGreaterThanOrEqual(50);
      }
    },
  );
});

describe('excerpt boundaries', () => {
  const decode = (html: string) =>
    html
      .replace(/<\/?mark>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
  const clausePunctuation = /[。，；：！？、,;:!?）)】」』”’]/u;
  const latin = /[A-Za-z0-9０-９Ａ-Ｚａ-ｚ]/u;

  /** Every place `piece` occurs in the article's blocks (generated articles repeat sentences). */
  function locate(entry: ArticleEntry, piece: string): { block: string; at: number }[] {
    const { article } = entry;
    return [article.title, article.subtitle ?? '', ...article.text.split('\n')].flatMap((block) => {
      const places: { block: string; at: number }[] = [];
      for (let at = block.indexOf(piece); at >= 0; at = block.indexOf(piece, at + 1)) places.push({ block, at });
      return places;
    });
  }

  it.each(['VOC', '3.0', '泰州', '态工', '生态文明建设', '调研现场', 'km²', '2014-2020', '合肥 环保'])(
    '%s: starts and ends at a clause boundary or with “…”, never inside a run of letters and digits, no stray seam',
    async (query) => {
      const hits = await search(query);
      expect(hits.length).toBeGreaterThan(0);
      let checked = 0;
      for (const hit of hits) {
        const entry = defined(
          entries.find((e) => e.article.url === hit.url),
          hit.url,
        );
        const text = decode(hit.excerpt);
        expect(text).not.toMatch(/[^\x00-\x7f]\.(\s|…|$)/u);
        const head = /^…?([^\s…]{2,8})/u.exec(text)?.[1];
        const starts = head ? locate(entry, head) : [];
        if (starts.length > 0) {
          const fits = starts.some(({ block, at }) => {
            const before = block[at - 1] ?? '';
            const clean = !(latin.test(before) && latin.test(block[at] ?? ''));
            return clean && (text.startsWith('…') || at === 0 || clausePunctuation.test(before));
          });
          expect({ hit: hit.url, text, fits }).toMatchObject({ fits: true });
          checked++;
        }
        const tail = /([^\s…]{2,8})…?$/u.exec(text)?.[1];
        const ends = tail ? locate(entry, tail) : [];
        if (tail && ends.length > 0) {
          const fits = ends.some(({ block, at }) => {
            const end = at + tail.length;
            const last = block[end - 1] ?? '';
            const clean = !(latin.test(last) && latin.test(block[end] ?? ''));
            return clean && (text.endsWith('…') || end === block.length || clausePunctuation.test(last));
          });
          expect({ hit: hit.url, text, fits }).toMatchObject({ fits: true });
        }
      }
      expect(checked).toBeGreaterThan(0);
    },
  );
});
