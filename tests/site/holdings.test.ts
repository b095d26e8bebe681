import { describe, expect, it } from 'vitest';
import { holdings } from '../../src/site/holdings.ts';
import type { Issue } from '../../src/model.ts';
import { issue } from './fixtures.ts';

const without = (value: Issue): Issue => {
  const { cumulativeNumber: _none, ...rest } = value;
  return rest;
};
const cells = (rows: ReturnType<typeof holdings>['rows'], year: number) =>
  rows
    .find((row) => row.year === year)
    ?.cells.map((cell) => ('issue' in cell ? `${cell.number}` : `${cell.number}${cell.certain ? '缺' : '?'}`));

describe('holdings', () => {
  it('lays out years × numbers, newest year first, the gaps certain where running numbers count them', () => {
    const grid = holdings([issue(2019, 4, 13), issue(2019, 2, 11), issue(2018, 3, 9), issue(2018, 1, 7)]);
    expect(grid.rows.map((row) => row.year)).toEqual([2019, 2018]);
    expect(cells(grid.rows, 2019)).toEqual(['1?', '2', '3缺', '4']);
    // 总第7期 and 总第9期 leave 总第8期 for 第2期.
    expect(cells(grid.rows, 2018)).toEqual(['1', '2缺', '3']);
    expect(grid.columns).toEqual([1, 2, 3, 4]);
    expect(grid.missing).toBe(3);
    expect(grid.runsOn).toBe(false);
  });

  it('cannot be sure of a gap without running numbers, or when they do not count it', () => {
    expect(cells(holdings([without(issue(2024, 3, 0)), without(issue(2024, 1, 0))]).rows, 2024)).toEqual([
      '1',
      '2?',
      '3',
    ]);
    // 第1期 总第5期 and 第3期 总第6期: the bulletin skipped a number, no issue is missing.
    expect(cells(holdings([issue(2024, 3, 6), issue(2024, 1, 5)]).rows, 2024)).toEqual(['1', '2?', '3']);
  });

  it('spans only the numbers of each year when numbering runs on across years', () => {
    const grid = holdings([issue(2024, 14, 0), issue(2024, 13, 0), issue(2023, 12, 0), issue(2023, 10, 0)]);
    expect(grid.runsOn).toBe(true);
    expect(cells(grid.rows, 2024)).toEqual(['13', '14']);
    expect(cells(grid.rows, 2023)).toEqual(['10', '11?', '12']);
    expect(grid.columns).toEqual([]);
  });

  it('has no rows for an empty archive', () => {
    expect(holdings([])).toMatchObject({ rows: [], missing: 0 });
  });

  it('lists supplements apart from the numbers: no gap, no column of their number, a 增刊 column', () => {
    const special = (year: number, ordinal: number): Issue => ({
      ...without(issue(year, ordinal, 0)),
      id: `${year}-s${ordinal}`,
      url: `/${year}/s${ordinal}/`,
      special: { name: '增刊', ordinal },
    });
    const grid = holdings([
      special(2019, 2),
      special(2019, 1),
      issue(2019, 2, 11),
      issue(2019, 1, 10),
      special(2018, 1),
    ]);
    expect(grid.specials).toBe(true);
    expect(grid.runsOn).toBe(false);
    expect(cells(grid.rows, 2019)).toEqual(['1', '2']);
    expect(grid.rows[0]?.specials.map((s) => [s.name, s.issue.url, s.issue.label])).toEqual([
      ['增刊1', '/2019/s1/', '2019年增刊1'],
      ['增刊2', '/2019/s2/', '2019年增刊2'],
    ]);
    expect(grid.rows[0]?.held).toBe(4);
    // A year with only a supplement is a row without numbers, and makes no run-on numbering.
    expect(grid.rows[1]).toMatchObject({ year: 2018, cells: [], held: 1, missing: 0 });
    expect(grid.columns).toEqual([1, 2]);
    expect(grid.missing).toBe(0);
    expect(holdings([issue(2019, 1, 10)]).specials).toBe(false);
  });

  it('orders numbers above 99 numerically', () => {
    const grid = holdings([issue(2024, 100, 0), issue(2024, 9, 0), issue(2024, 10, 0)]);
    const row = cells(grid.rows, 2024);
    expect(row).toHaveLength(100);
    expect(row?.filter((cell) => !cell.endsWith('?'))).toEqual(['9', '10', '100']);
  });
});
