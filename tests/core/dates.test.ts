import { describe, expect, it } from 'vitest';
import { isRealDate, toChineseDate, toChineseNumber } from '../../src/core/dates.ts';

describe('toChineseDate', () => {
  it.each([
    ['2018-06-29', '二〇一八年六月二十九日'],
    ['2020-10-10', '二〇二〇年十月十日'],
    ['2019-01-20', '二〇一九年一月二十日'],
    ['2000-12-31', '二〇〇〇年十二月三十一日'],
    ['2021-11-01', '二〇二一年十一月一日'],
  ])('%s → %s', (iso, chinese) => {
    expect(toChineseDate(iso)).toBe(chinese);
  });

  it('writes 1–99 as dates do', () => {
    expect([1, 10, 11, 19, 20, 21, 30, 99].map(toChineseNumber)).toEqual([
      '一',
      '十',
      '十一',
      '十九',
      '二十',
      '二十一',
      '三十',
      '九十九',
    ]);
    expect(() => toChineseNumber(0)).toThrow(RangeError);
  });
});

describe('isRealDate', () => {
  it.each([
    ['2018-06-29', true],
    ['2020-02-29', true],
    ['2018-02-29', false],
    ['2018-02-30', false],
    ['2018-13-01', false],
    ['2018-00-10', false],
    ['2018-6-29', false],
    ['not a date', false],
  ])('%s → %s', (iso, real) => {
    expect(isRealDate(iso)).toBe(real);
  });
});
