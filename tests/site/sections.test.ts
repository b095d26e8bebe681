import { describe, expect, it } from 'vitest';
import { routes } from '../../src/core/routes.ts';
import { chunk, sectionPages, sectionSummaries } from '../../src/site/sections.ts';
import { issue } from './fixtures.ts';

const kinds = [
  { kind: 'news', title: '动态', aliases: [] },
  { kind: 'unused', title: '未用', aliases: [] },
];
const issues = [issue(2019, 1, 11, { news: ['c', 'd'] }), issue(2018, 1, 10, { news: ['a', 'b'] })];

describe('chunk', () => {
  it('splits into pages of the given size, last page shorter', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });
  it('gives one empty page for no items', () => {
    expect(chunk([], 3)).toEqual([[]]);
  });
  it('rejects a page size below 1', () => {
    expect(() => chunk([1], 0)).toThrow(RangeError);
  });
});

describe('sectionPages', () => {
  it('lists a column newest issue first, paginated with prev/next', () => {
    const pages = sectionPages(issues, kinds, 3);
    const news = pages.filter((p) => p.kind === 'news');
    expect(
      news.map((p) => [p.url, p.pageNumber, p.pageCount, p.entries.map((e) => e.article.id), p.previousUrl, p.nextUrl]),
    ).toEqual([
      ['/sections/news/', 1, 2, ['c', 'd', 'a'], undefined, '/sections/news/2/'],
      ['/sections/news/2/', 2, 2, ['b'], '/sections/news/', undefined],
    ]);
    expect(news[1]?.pages).toEqual([
      { number: 1, url: '/sections/news/' },
      { number: 2, url: '/sections/news/2/' },
    ]);
  });

  it('gives an unused column one empty page', () => {
    const unused = sectionPages(issues, kinds, 3).filter((p) => p.kind === 'unused');
    expect(unused.map((p) => [p.url, p.entries.length, p.pageCount])).toEqual([['/sections/unused/', 0, 1]]);
  });

  it('counts articles per column', () => {
    expect(sectionSummaries(issues, kinds).map((s) => [s.url, s.articleCount])).toEqual([
      ['/sections/news/', 4],
      ['/sections/unused/', 0],
    ]);
  });

  it('puts page 1 at the column address', () => {
    expect([routes.section('x'), routes.section('x', 3)]).toEqual(['/sections/x/', '/sections/x/3/']);
  });
});
