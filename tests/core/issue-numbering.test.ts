import { describe, expect, it } from 'vitest';
import { issueFilePath } from '../../src/core/content-format.ts';
import {
  compareIssues,
  issueId,
  issueNumberLabel,
  issueShortLabel,
  type IssueNumbering,
} from '../../src/core/issue-numbering.ts';
import { routes } from '../../src/core/routes.ts';
import { dateSortKey } from '../../src/search/records.ts';

const regular = (number: number, date = '2019-06-30'): IssueNumbering & { date: string } => ({
  year: 2019,
  number,
  date,
});
const special = (ordinal: number, date = '2019-06-30'): IssueNumbering & { date: string } => ({
  year: 2019,
  number: ordinal,
  special: { name: '增刊', ordinal },
  date,
});

describe('issue numbering', () => {
  it('writes ids, files and addresses with at least two digits, three from 第100期 on', () => {
    expect([9, 10, 100, 1234].map((n) => issueId(regular(n)))).toEqual(['2019-09', '2019-10', '2019-100', '2019-1234']);
    expect(issueFilePath(regular(100))).toBe('2019/2019-100.md');
    expect(routes.issue(regular(9))).toBe('/2019/09/');
    expect(routes.issue(regular(100))).toBe('/2019/100/');
    expect(routes.original(regular(100))).toBe('/2019/100/2019-100.pdf');
    expect(routes.article(regular(100), 'p3')).toBe('/2019/100/p3/');
  });

  it('gives a supplement its own id, file and addresses, apart from the regular issue of its number', () => {
    expect(issueId(special(1))).toBe('2019-s1');
    expect(issueId(special(1))).not.toBe(issueId(regular(1)));
    expect(issueFilePath(special(2))).toBe('2019/2019-s2.md');
    expect(routes.issue(special(1))).toBe('/2019/s1/');
    expect(routes.article(special(1), 'p3')).toBe('/2019/s1/p3/');
    expect(routes.citation(special(1), 'p3', 'ris')).toBe('/2019/s1/p3/cite.ris');
    expect(routes.original(special(1))).toBe('/2019/s1/2019-s1.pdf');
  });

  it('names a supplement 增刊N, also the only one of its year', () => {
    expect(issueShortLabel(special(1))).toBe('2019年增刊1');
    expect(issueShortLabel(special(2))).toBe('2019年增刊2');
    expect(issueNumberLabel(special(1))).toBe('增刊1');
    expect(issueShortLabel(regular(100))).toBe('2019年第100期');
  });

  it('orders numerically, and a supplement after the regular issues of its date', () => {
    const issues = [regular(100), special(1), regular(9), regular(10), special(2), regular(11, '2019-07-01')];
    const order = (list: typeof issues) => list.map((issue) => issueId(issue));
    expect(order([...issues].sort(compareIssues))).toEqual([
      '2019-09',
      '2019-10',
      '2019-100',
      '2019-s1',
      '2019-s2',
      '2019-11',
    ]);
  });

  it('gives search sort keys in the same order (they compare as text)', () => {
    const issues = [regular(100), special(1), regular(9), regular(10)];
    const sorted = [...issues].sort(compareIssues).map((issue) => dateSortKey(issue, 0));
    expect([...sorted].sort()).toEqual(sorted);
  });
});
