import { describe, expect, it } from 'vitest';
import { articlePages, cumulativeRedirects, issuePages, yearGroups } from '../../src/site/pages.ts';
import { issueLabel } from '../../src/site/labels.ts';
import { defined } from '../helpers/defined.ts';
import { issue } from './fixtures.ts';

// Newest first, as loadArchive returns them.
const issues = [
  issue(2019, 2, 12, { news: ['c'] }),
  issue(2019, 1, 11, { news: ['b'], talk: ['b2'] }),
  issue(2018, 1, 10, { news: ['a'] }),
];

describe('issueLabel', () => {
  it('prints the masthead line', () => {
    expect(issueLabel({ year: 2018, number: 1, cumulativeNumber: 10 })).toBe('2018年第1期(总第10期)');
  });
});

describe('yearGroups', () => {
  it('groups newest year first with issue and article counts', () => {
    const groups = yearGroups(issues);
    expect(groups.map((g) => [g.year, g.url, g.issues.map((i) => i.id), g.articleCount])).toEqual([
      [2019, '/2019/', ['2019-02', '2019-01'], 3],
      [2018, '/2018/', ['2018-01'], 1],
    ]);
  });

  it('links each year to the years before and after it', () => {
    expect(yearGroups(issues).map((g) => [g.older, g.newer])).toEqual([
      [{ url: '/2018/', title: '2018年' }, undefined],
      [undefined, { url: '/2019/', title: '2019年' }],
    ]);
  });

  it('is empty for an empty archive', () => {
    expect(yearGroups([])).toEqual([]);
  });
});

describe('issuePages', () => {
  it('links each issue to the one published before and after it', () => {
    const pages = issuePages(issues);
    expect(pages.map((p) => [p.issue.id, p.older?.url, p.newer?.url])).toEqual([
      ['2019-02', '/2019/01/', undefined],
      ['2019-01', '/2018/01/', '/2019/02/'],
      ['2018-01', undefined, '/2019/01/'],
    ]);
    expect('newer' in defined(pages[0], 'the newest issue page')).toBe(false);
  });
});

describe('articlePages', () => {
  it('runs in reading order across issues, oldest issue first', () => {
    const pages = articlePages(issues);
    expect(pages.map((p) => p.article.id)).toEqual(['a', 'b', 'b2', 'c']);
    expect(pages.map((p) => [p.previous?.url, p.next?.url])).toEqual([
      [undefined, '/2019/01/b/'],
      ['/2018/01/a/', '/2019/01/b2/'],
      ['/2019/01/b/', '/2019/02/c/'],
      ['/2019/01/b2/', undefined],
    ]);
    expect(pages[2]?.section).toEqual({ kind: 'talk', title: '栏目talk' });
  });
});

describe('cumulativeRedirects', () => {
  it('maps 总第N期 to the issue page', () => {
    expect(cumulativeRedirects(issues.slice(2))).toEqual([
      { url: '/no/10/', target: '/2018/01/', title: '2018年第1期(总第10期)' },
    ]);
  });
});
