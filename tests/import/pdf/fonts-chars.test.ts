import { describe, expect, it } from 'vitest';
import { cleanPageRuns, countGarbage, normaliseRadicals } from '../../../src/import/pdf/chars.ts';
import { decodeFontName, fontFamily, isBoldName } from '../../../src/import/pdf/fonts.ts';
import type { TextRun } from '../../../src/import/pdf/text-runs.ts';

/** GBK bytes as pdf.js hands them over: one Latin-1 character per byte. */
const latin1 = (hex: string) => String.fromCharCode(...(hex.match(/../g) ?? []).map((byte) => parseInt(byte, 16)));

describe('font names', () => {
  it('decodes GBK names and drops subset prefixes', () => {
    expect(decodeFontName(`${latin1('BADACCE5')},Bold`)).toBe('黑体,Bold');
    expect(decodeFontName(`${latin1('B7C2CBCE')}_GB2312`)).toBe('仿宋_GB2312');
    expect(decodeFontName('ABCDEF+FangSong_GB2312')).toBe('FangSong_GB2312');
    expect(decodeFontName('Times-Roman')).toBe('Times-Roman');
    expect(decodeFontName('Caf\u00e9')).toBe('Café'); // Latin-1 that is not valid GBK stays
  });

  it('tells the faces of Chinese documents apart', () => {
    const cases: [string, string][] = [
      ['方正小标宋简体', 'xiaobiaosong'],
      ['FZXBSJW--GB1-0', 'xiaobiaosong'],
      ['SimHei', 'hei'],
      ['黑体,Bold', 'hei'],
      ['NotoSansCJKsc-Bold', 'hei'],
      ['Noto Sans CJK SC', 'hei'],
      ['KaiTi_GB2312', 'kai'],
      ['楷体_GB2312', 'kai'],
      ['AR PL UKai CN', 'kai'],
      ['UKaiCN', 'kai'],
      ['FangSong_GB2312', 'fang'],
      ['仿宋_GB2312', 'fang'],
      ['SimSun', 'song'],
      ['宋体', 'song'],
      ['NotoSerifCJKjp-Regular-VKana', 'song'],
      ['Noto Serif CJK SC', 'song'],
      ['UMingCN', 'song'],
      ['TimesNewRomanPSMT', 'latin'],
      ['DejaVuSerif', 'latin'],
      ['NotoSerif-Regular', 'latin'],
      ['g_d0_f3', 'unknown'],
    ];
    expect(cases.map(([name]) => [name, fontFamily(name)])).toEqual(cases);
  });

  it('takes bold from the name as MinerU does', () => {
    for (const name of [
      '黑体,Bold',
      'Arial-BoldMT',
      'SourceHanSans-Heavy',
      'Foo-Bd',
      'Foo,BI',
      'Hiragino-W7',
      'X-Demi',
    ])
      expect(isBoldName(name), name).toBe(true);
    for (const name of ['SimHei', 'FangSong_GB2312', 'Times-Roman', 'Bdfont', 'W3'])
      expect(isBoldName(name), name).toBe(false);
  });
});

describe('characters', () => {
  it('folds Kangxi and supplement radicals to ideographs', () => {
    expect(normaliseRadicals('⼀⽇⻓⻔⻢，部首')).toEqual({ text: '一日长门马，部首', changed: 5 });
    expect(normaliseRadicals('正常文字')).toEqual({ text: '正常文字', changed: 0 });
  });

  it('counts text with no Unicode mapping', () => {
    expect(countGarbage('\uFFFD\uE001\u0001ab\t\n')).toBe(3);
  });

  it('warns in Chinese about garbage and folded radicals, per page', () => {
    const run = (text: string): TextRun => ({
      page: 4,
      x: 0,
      y: 0,
      width: 1,
      size: 1,
      fontName: 'F',
      family: 'song',
      bold: false,
      text,
      synthetic: false,
    });
    const garbled = cleanPageRuns([run('\uE001\uE002\uE003正文')], 4);
    expect(garbled.warnings).toHaveLength(1);
    expect(garbled.warnings[0]?.page).toBe(4);
    expect(garbled.warnings[0]?.message).toMatch(/^第 4 页有 60% 的文字无法识别/);
    const folded = cleanPageRuns([run('⽇期')], 4);
    expect(folded.runs[0]?.text).toBe('日期');
    expect(folded.warnings[0]?.message).toMatch(/康熙部首/);
    expect(cleanPageRuns([run('正文')], 4).warnings).toEqual([]);
  });
});
