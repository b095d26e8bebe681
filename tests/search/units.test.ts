import { describe, expect, it } from 'vitest';
import { facetCounts, passesSelection, type FacetIndex } from '../../src/search/facets.ts';
import {
  excerptHtml,
  highlightTerms,
  intersectInOrder,
  matchRanges,
  rankByTitleMatches,
  readableBlocks,
  withoutTitleMarkers,
} from '../../src/search/query.ts';
import { issueShortLabel } from '../../src/core/content-format.ts';
import { articleRecord, bodyHtml, dateSortKey } from '../../src/search/records.ts';
import {
  phraseQuery,
  queryTerms,
  shownText,
  spaceTokens,
  titleMarkers,
  titlePhraseQuery,
  zeroWidthSpace,
} from '../../src/search/tokens.ts';
import type { Article, Issue, Section } from '../../src/model.ts';
import { thumbnailFileName } from '../../src/core/picture-recipe.ts';
import { routes } from '../../src/core/routes.ts';

const z = zeroWidthSpace;

describe('query terms', () => {
  it.each([
    ['泰州', ['泰州']],
    ['  泰州   合肥 ', ['泰州', '合肥']],
    ['泰州，合肥', ['泰州', '合肥']],
    ['“环保管家”', ['环保管家']],
    ['VOC', ['voc']],
    ['ＶＯＣ２０１８', ['voc2018']],
    ['3.0', ['3.0']],
    ['3.', ['3']],
    ['km²', ['km2']],
    ['3万㎡', ['3万m2']],
    ['30℃', ['30', 'c']],
    ['Ⅱ期', ['ii期']],
    ['NH₃-N', ['nh3-n']],
    ['GB/T 7714', ['gb/t', '7714']],
    ['泰州-合肥', ['泰州', '合肥']],
    ['泰州 泰州', ['泰州']],
    ['，。！', []],
  ])('%s → %j', (query, terms) => {
    expect(queryTerms(query)).toEqual(terms);
  });

  it('phrase queries separate characters by spaces, inside quotes', () => {
    expect(phraseQuery('泰州')).toBe('"泰 州"');
    expect(phraseQuery('voc')).toBe('"v o c"');
  });
});

describe('index text', () => {
  const tag = (text: string) => [...text].map((char) => String.fromCodePoint(0xe0000 + char.charCodeAt(0))).join('');

  it('puts a zero-width space between any two adjacent characters, not at spaces', () => {
    expect(spaceTokens('泰州，合肥 VOC')).toBe(`泰${z}州${z}，${z}合${z}肥 V${z}O${z}C`);
  });

  it('writes . - / + inside a run of letters and digits as code words that carry the original', () => {
    expect(spaceTokens('3.0')).toBe(`3${z}pd${tag('2e;2')}${z}0`);
    expect(spaceTokens('2014-2020')).toBe(`2${z}0${z}1${z}4${z}ph${tag('2d;2')}${z}2${z}0${z}2${z}0`);
    expect(spaceTokens('完。')).toBe(`完${z}。`);
  });

  it('folds compatibility characters (NFKC) and keeps Chinese punctuation', () => {
    expect(spaceTokens('ＶＯＣ，')).toBe(`v${tag('ff36;1')}${z}o${tag('ff2f;1')}${z}c${tag('ff23;1')}${z}，`);
    expect(spaceTokens('㎡')).toBe(`m${tag('33a1;1')}${z}2${tag('~;1')}`);
  });

  it.each(['5.6km²，3万㎡ 30℃ Ⅱ期 分①②两个阶段', 'SO₂、NH₃-N 和 PM2.5，ＣＯＤ……', 'a.b. pｐ GB/T 7714'])(
    'shows the original text again from the indexed words: %s',
    (text) => {
      expect(shownText(spaceTokens(text))).toBe(text);
    },
  );

  it('writes title markers that keep punctuation between them', () => {
    expect(titleMarkers('泰州，V 1')).toBe('tlio tiji ， t3a t1d');
    expect(titlePhraseQuery('泰州')).toBe('"tlio tiji"');
  });
});

const article: Article = {
  id: 'p6',
  title: '紧扣国家需求，发展<节能>环保产业',
  subtitle: '合肥高新区',
  url: '/2018/01/p6/',
  headings: [{ text: '（一）做优顶层设计', depth: 4, id: '一做优顶层设计' }],
  figures: [],
  parks: [],
  body: { type: 'root', children: [] },
  text: '——合肥高新区\n第一段。\n（一）做优顶层设计\n第二段 & 第三句。',
};
const section: Section = { kind: 'experience-sharing', title: '经验交流', articles: [article] };
const issue = {
  id: '2018-01',
  year: 2018,
  number: 1,
  cumulativeNumber: 10,
  date: '2018-06-29',
  sections: [section],
} as Issue;

describe('search records', () => {
  it('labels issues as printed', () => {
    expect(issueShortLabel({ year: 2018, number: 12 })).toBe('2018年第12期');
  });

  it('sorts by date, then running number, then printed order (newest first)', () => {
    const keys = [
      dateSortKey(issue, 1),
      dateSortKey({ date: '2019-01-01', cumulativeNumber: 11 }, 0),
      dateSortKey(issue, 0),
    ];
    expect([...keys].sort().reverse()).toEqual([keys[1], keys[2], keys[0]]);
  });

  it('gives sub-headings their anchor ids and escapes text', () => {
    const html = bodyHtml(article);
    expect(html).toContain('<h2 id="一做优顶层设计">');
    expect(html).toContain('&amp;');
    expect(html.match(/<h2/g)).toHaveLength(1);
  });

  it('gives an article one park filter value per park it names, and none without parks', () => {
    const parks = [
      { id: 'taizhou', name: '泰州医药高新技术产业开发区' },
      { id: 'hefei', name: '合肥高新技术产业开发区' },
    ];
    const { content } = articleRecord(issue, section, { ...article, parks }, 0);
    expect([...content.matchAll(/<span data-pagefind-filter="park">(.*?)<\/span>/g)].map((match) => match[1])).toEqual(
      parks.map((park) => park.name),
    );
    expect(articleRecord(issue, section, article, 0).content).not.toContain('data-pagefind-filter="park"');
  });

  it('shows the article’s first picture file as its thumbnail, whichever figure or place it has', () => {
    const image = (digest: string) => ({
      sourcePath: '/c/x.jpg',
      relativePath: 'x.jpg',
      format: 'jpeg' as const,
      width: 800,
      height: 600,
      bytes: 1,
      digest,
    });
    const meta = (figures: Article['figures']) => {
      const { content } = articleRecord(issue, section, { ...article, figures }, 0);
      const value = (key: string) => new RegExp(`data-pagefind-meta="${key}">([^<]*)<`).exec(content)?.[1];
      return [value('image'), value('image_alt')];
    };
    const first = meta([
      { caption: '甲', pictures: [] },
      {
        caption: '乙',
        pictures: [
          { src: 'a.jpg', image: image('a') },
          { src: 'b.jpg', image: image('b') },
        ],
      },
    ]);
    expect(first[0]).toBe(routes.picture(thumbnailFileName(image('a'))));
    expect(first[1]).toBe('乙');
    // A remote first picture has no file: the second's, with its own text, is the thumbnail.
    const second = meta([
      { caption: '丙', pictures: [{ src: 'https://x.example/a.jpg' }, { src: 'b.jpg', alt: '丁', image: image('b') }] },
    ]);
    expect(second).toEqual([routes.picture(thumbnailFileName(image('b'))), '丁']);
    expect(meta([{ caption: '戊', pictures: [] }])).toEqual([undefined, undefined]);
  });

  it('is a zh-CN page with meta, filters and sort key outside the indexed text', () => {
    const { url, content } = articleRecord(issue, section, article, 0);
    expect(url).toBe('/2018/01/p6/');
    expect(content).toContain('<html lang="zh-CN">');
    expect(content).toMatch(
      /<div data-pagefind-ignore>.*data-pagefind-meta="title">紧扣国家需求，发展&lt;节能&gt;环保产业</,
    );
    expect(content).toContain('<span data-pagefind-filter="issue">2018年第1期</span>');
    expect(content).toContain('<span data-pagefind-filter="section">经验交流</span>');
    expect(content).toContain(`<span data-pagefind-sort="date">${dateSortKey(issue, 0)}</span>`);
    expect(content).not.toContain('图片暂缺');
  });
});

describe('excerpts', () => {
  it('marks a multi-character match once, across whitespace and letter case', () => {
    expect(highlightTerms('白色家电 VOC 治理，泰 州', ['voc', '泰州'])).toBe(
      '白色家电 <mark>VOC</mark> 治理，<mark>泰 州</mark>',
    );
  });

  it('merges overlapping and touching matches into one mark', () => {
    expect(highlightTerms('区区域', ['区'])).toBe('<mark>区区</mark>域');
    expect(highlightTerms('高新区', ['高新', '新区'])).toBe('<mark>高新区</mark>');
  });

  it('gives match ranges in UTF-16 offsets for marking page text, one per stretch', () => {
    expect(matchRanges('𠀀泰州，泰 州泰州', ['泰州'])).toEqual([
      [2, 4],
      [5, 10],
    ]);
    expect(matchRanges('无', ['泰州'])).toEqual([]);
  });

  it('escapes the text around the marks', () => {
    expect(highlightTerms('a<b & 泰', ['泰'])).toBe('a&lt;b &amp; <mark>泰</mark>');
  });

  it('drops the leading title and turns block seams after Chinese text into spaces', () => {
    expect(
      readableBlocks('本期论证的园区概况. 泰州医药高新技术产业开发区. 泰州医药高新区位于', '本期论证的园区概况'),
    ).toBe('泰州医药高新技术产业开发区 泰州医药高新区位于');
    expect(readableBlocks('环保 3.0 版. VOC. 实验室', '标题')).toBe('环保 3.0 版 VOC. 实验室');
  });

  it('shows where the excerpt was cut', () => {
    const long = '甲'.repeat(50) + '泰州' + '乙'.repeat(80);
    expect(excerptHtml(long, '标题', ['泰州'])).toBe(`…${'甲'.repeat(30)}<mark>泰州</mark>${'乙'.repeat(58)}…`);
  });

  it('cuts the title markers off and removes zero-width spaces', () => {
    const title = '泰州医药';
    expect(withoutTitleMarkers(`研究泰州. ${titleMarkers(title)}`, title)).toBe('研究泰州.');
    // The last block's seam is not shown: the excerpt reaches the record's end, so no "…" either.
    expect(excerptHtml(`泰${z}州 &lt;x&gt;. ${titleMarkers(title)}`, title, ['泰州'])).toBe(
      '…<mark>泰州</mark> &lt;x&gt;',
    );
    expect(excerptHtml(`${title}. 调${z}研${z}现${z}场. ${titleMarkers(title)}`, title, ['调研'])).toBe(
      '<mark>调研</mark>现场',
    );
  });
});

describe('ranking', () => {
  const ids = (items: { id: string }[]) => items.map((item) => item.id);
  const list = (...names: string[]) => names.map((id) => ({ id }));

  it('keeps the first list order, for ids present in every list', () => {
    expect(ids(intersectInOrder([list('a', 'b', 'c', 'd'), list('d', 'b', 'x'), list('b', 'd')]))).toEqual(['b', 'd']);
    expect(intersectInOrder([])).toEqual([]);
  });

  it('puts more title matches first and keeps date order otherwise', () => {
    const ranked = rankByTitleMatches(list('a', 'b', 'c', 'd'), [new Set(['c', 'd']), new Set(['d'])]);
    expect(ids(ranked)).toEqual(['d', 'c', 'a', 'b']);
  });
});

describe('filter counts', () => {
  const facets: FacetIndex = new Map([
    [
      'year',
      new Map([
        ['2018', new Set(['a', 'b'])],
        ['2019', new Set(['c', 'd'])],
      ]),
    ],
    [
      'park',
      new Map([
        ['泰州', new Set(['a', 'c'])],
        ['合肥', new Set(['a', 'd', 'x'])],
      ]),
    ],
  ]);
  const asObject = (counts: ReturnType<typeof facetCounts>) =>
    Object.fromEntries(
      [...counts].map(([name, { all, values }]) => [
        name,
        { all, values: Object.fromEntries(values.map((v) => [v.value, v.count])) },
      ]),
    );

  it('counts each value among the results the other filters leave', () => {
    expect(asObject(facetCounts(['a', 'b', 'c', 'd'], facets, { year: '2019' }))).toEqual({
      year: { all: 4, values: { 2018: 2, 2019: 2 } },
      park: { all: 2, values: { 泰州: 1, 合肥: 1 } },
    });
  });

  it('leaves out values without results, except the selected one', () => {
    expect(asObject(facetCounts(['b'], facets, { park: '泰州' }))).toEqual({
      year: { all: 0, values: {} },
      park: { all: 1, values: { 泰州: 0 } },
    });
  });

  it('passes a page that has every selected value', () => {
    expect(
      ['a', 'b', 'c', 'd'].filter((id) =>
        passesSelection(id, facets, { year: '2018', park: '合肥', section: undefined }),
      ),
    ).toEqual(['a']);
  });
});
