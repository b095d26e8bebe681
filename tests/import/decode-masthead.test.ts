import { describe, expect, it } from 'vitest';
import { findChineseDate, parseChineseNumber } from '../../src/core/chinese-numbers.ts';
import { decodeInput, toSourceLines } from '../../src/import/decode-input.ts';
import { findIssueLine, readPrintedMasthead } from '../../src/import/masthead.ts';
import { importBulletin } from '../../src/import/import-bulletin.ts';
import { mastheadLines, table, utf8 } from './helpers.ts';

/** 国家生态 in GB18030 (the same bytes as GBK for these characters). */
const gbBytes = new Uint8Array([0xb9, 0xfa, 0xbc, 0xd2, 0xc9, 0xfa, 0xcc, 0xac]);

describe('decodeInput', () => {
  it('reads UTF-8 without and with a BOM, dropping the BOM', () => {
    expect(decodeInput(utf8('国家生态'))).toEqual({ ok: true, text: '国家生态', encoding: 'UTF-8' });
    expect(decodeInput(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('国家生态')]))).toEqual({
      ok: true,
      text: '国家生态',
      encoding: 'UTF-8',
    });
  });

  it('falls back to GB18030 when the bytes are not UTF-8', () => {
    expect(decodeInput(gbBytes)).toEqual({ ok: true, text: '国家生态', encoding: 'GB18030' });
  });

  it('normalises CRLF and CR line ends', () => {
    const decoded = decodeInput(utf8('甲\r\n乙\r丙'));
    expect(decoded.ok && toSourceLines(decoded.text)).toEqual([
      { no: 1, text: '甲' },
      { no: 2, text: '乙' },
      { no: 3, text: '丙' },
    ]);
  });

  it('refuses binary data with a message, not an exception', () => {
    const result = importBulletin('scan.pdf', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2]), table);
    expect(result.markdown).toBeUndefined();
    expect(result.diagnostics).toMatchObject([
      { path: 'scan.pdf', line: 1, severity: 'error', rule: 'import-encoding' },
    ]);
  });
});

describe('Chinese numbers and dates', () => {
  it.each([
    ['二〇一八', 2018],
    ['二○一八', 2018],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十九', 29],
    ['６', 6],
    ['10', 10],
  ])('%s → %i', (text, value) => {
    expect(parseChineseNumber(text)).toBe(value);
  });

  it('rejects what is not a number', () => {
    expect(parseChineseNumber('十十')).toBeUndefined();
    expect(parseChineseNumber('期')).toBeUndefined();
  });

  it('reads the masthead date in Chinese numerals, in Arabic digits, and flags impossible dates', () => {
    expect(findChineseDate('二〇一八年六月二十九日')).toEqual({ iso: '2018-06-29', index: 0, length: 11, real: true });
    expect(findChineseDate('2018年6月29日')?.iso).toBe('2018-06-29');
    expect(findChineseDate('二〇一八年二月三十日')).toMatchObject({ iso: '2018-02-30', real: false });
    expect(findChineseDate('本期目录')).toBeUndefined();
  });
});

describe('the issue line', () => {
  it.each([
    '2018年第1期(总第10期)',
    '2018年第1期（总第10期）',
    '2018 年 第 1 期 （ 总第 10 期 ）',
    '２０１８年第１期（总第１０期）',
    '2018年第一期(总第十期)',
  ])('reads %s', (line) => {
    expect(findIssueLine(line)).toEqual({ year: 2018, number: 1, cumulativeNumber: 10 });
  });

  it('notices a missing cumulative number', () => {
    expect(findIssueLine('2018年第1期')).toEqual({ year: 2018, number: 1 });
  });

  it.each<[string, number, number | undefined]>([
    ['2019年增刊', 1, undefined],
    ['2019年增刊1', 1, undefined],
    ['2019年增刊2', 2, undefined],
    ['2019年增刊二', 2, undefined],
    ['2019年增刊第2期（总第30期）', 2, 30],
    ['２０１９年增刊１(总第30期)', 1, 30],
  ])('reads the supplement %s', (line, number, cumulativeNumber) => {
    expect(findIssueLine(line)).toEqual({
      year: 2019,
      number,
      special: true,
      ...(cumulativeNumber === undefined ? {} : { cumulativeNumber }),
    });
  });
});

describe('readPrintedMasthead', () => {
  const read = (lines: string[]) => readPrintedMasthead('input.txt', toSourceLines(lines.join('\n')));

  it('turns the masthead block into front matter fields and stops at the contents', () => {
    const result = read([...mastheadLines, '本期目录', '【工作动态】\t- 1 -']);
    expect(result.masthead).toEqual({
      series: '国家生态工业园区 工作动态',
      publisher: '国家生态工业园区建设协调领导小组办公室',
      year: 2018,
      number: 1,
      cumulativeNumber: 10,
      date: '2018-06-29',
    });
    expect(result.diagnostics).toEqual([]);
    expect(result.end).toBe(7);
  });

  it('reads the publisher and the date from one line, as a PDF sets them', () => {
    const result = read([
      '国家生态工业园区 工作动态',
      '2018年第1期(总第10期)',
      '国家生态工业园区建设协调领导小组办公室 二〇一八年六月二十九日',
      '本期目录',
    ]);
    expect(result.masthead?.publisher).toBe('国家生态工业园区建设协调领导小组办公室');
    expect(result.masthead?.date).toBe('2018-06-29');
    expect(result.diagnostics).toEqual([]);
  });

  it('accepts the issue line and date in another order', () => {
    const result = read([
      '国家生态工业园区 工作动态',
      '二〇一八年六月二十九日',
      '国家生态工业园区建设协调领导小组办公室',
      '2018年第1期（总第10期）',
    ]);
    expect(result.masthead?.date).toBe('2018-06-29');
    expect(result.masthead?.publisher).toBe('国家生态工业园区建设协调领导小组办公室');
  });

  it('says which field is missing, with the line to look at', () => {
    const result = read([
      '国家生态工业园区 工作动态',
      '',
      '国家生态工业园区建设协调领导小组办公室',
      '',
      '2018年第1期',
      '',
      '【工作动态】',
    ]);
    expect(result.masthead).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.line, d.rule, d.severity])).toEqual([
      [5, 'import-no-cumulative', 'warning'],
      [1, 'import-date', 'error'],
    ]);
    expect(result.diagnostics[0]?.message).toContain('总期号');
  });

  it('imports an issue without a running number, as many bulletins print it, with a warning', () => {
    const lines = mastheadLines.map((line) => (line.startsWith('2018年') ? '2018年第1期' : line));
    const result = read([...lines, '本期目录']);
    expect(result.masthead).toEqual({
      series: '国家生态工业园区 工作动态',
      publisher: '国家生态工业园区建设协调领导小组办公室',
      year: 2018,
      number: 1,
      date: '2018-06-29',
    });
    expect(result.diagnostics.map((d) => `${d.line} ${d.rule} ${d.severity}`)).toEqual([
      '5 import-no-cumulative warning',
    ]);
  });

  it('imports a supplement as a special issue', () => {
    const lines = mastheadLines.map((line) => (line.startsWith('2018年') ? '2018年增刊2（总第12期）' : line));
    const result = read([...lines, '本期目录']);
    expect(result.masthead).toMatchObject({ year: 2018, number: 2, special: { name: '增刊', ordinal: 2 } });
    expect(result.masthead?.cumulativeNumber).toBe(12);
    expect(result.diagnostics).toEqual([]);
  });

  it('reports an impossible date and a masthead line it does not know', () => {
    const result = read([
      '国家生态工业园区 工作动态',
      '国家生态工业园区建设协调领导小组办公室',
      '内部资料',
      '2018年第1期(总第10期)',
      '二〇一八年二月三十日',
      '本期目录',
    ]);
    expect(result.diagnostics.map((d) => `${d.line} ${d.rule} ${d.severity}`)).toEqual([
      '5 import-date error',
      '1 import-date error',
      '3 import-masthead-extra warning',
    ]);
  });
});
