import { describe, expect, it } from 'vitest';
import { readContents } from '../../src/import/contents.ts';
import { toSourceLines } from '../../src/import/decode-input.ts';
import { subtitleText } from '../../src/core/content-format.ts';
import {
  contentsLine,
  isCaptionLike,
  isEnumeratedHeading,
  isPageFooter,
  markerTitle,
} from '../../src/import/line-kinds.ts';

describe('line kinds', () => {
  it.each(['【工作动态】', '[工作动态]', '［工作动态］', '〖工作动态〗', ' 【 工作动态 】 '])(
    '%s is a column marker',
    (line) => {
      expect(markerTitle(line)).toBe('工作动态');
    },
  );

  it('does not take bracketed text inside a sentence for a marker', () => {
    expect(markerTitle('【工作动态】泰州召开论证会')).toBeUndefined();
    expect(markerTitle('见[1]和[2]')).toBeUndefined();
  });

  it.each(['- 3 -', '‐ 3 ‐', '－3－', '— 12 —', '–７–'])('%s is a page footer', (line) => {
    expect(isPageFooter(line)).toBe(true);
  });

  it('keeps dashes that carry words', () => {
    expect(isPageFooter('——科技标准司党支部开展“大调研”活动')).toBe(false);
    expect(isPageFooter('2014-2020')).toBe(false);
  });

  it.each([
    ['本期论证的园区概况.....\t- 5 -', { title: '本期论证的园区概况', page: 5 }],
    ['本期论证的园区概况 ‐ 5 ‐', { title: '本期论证的园区概况', page: 5 }],
    ['本期论证的园区概况……………５', { title: '本期论证的园区概况', page: 5 }],
    ['【园区掠影】\t- 5 -', { title: '【园区掠影】', page: 5 }],
    ['本期论证的园区概况 第5页', { title: '本期论证的园区概况', page: 5 }],
    ['本期论证的园区概况第 5 页', { title: '本期论证的园区概况', page: 5 }],
  ])('%s is a contents line', (line, entry) => {
    expect(contentsLine(line)).toEqual(entry);
  });

  it('does not read a body sentence as a contents line', () => {
    expect(contentsLine('被《合肥市节能环保产业发展规划2014-2020》列为核心区')).toBeUndefined();
  });

  it('recognises subtitles by their double dash, in three spellings', () => {
    expect(subtitleText('——合肥高新技术产业开发区建设节能环保产业园')).toBe('合肥高新技术产业开发区建设节能环保产业园');
    expect(subtitleText('--合肥高新区')).toBe('合肥高新区');
    expect(subtitleText('－－合肥高新区')).toBe('合肥高新区');
    expect(subtitleText('——')).toBeUndefined();
    expect(subtitleText('合肥——高新区')).toBeUndefined();
  });

  it('recognises （一）-style sub-headings of either width, but not paragraphs that start that way', () => {
    expect(isEnumeratedHeading('（一）做优顶层设计')).toBe(true);
    expect(isEnumeratedHeading('(二)强化政策引导')).toBe(true);
    expect(isEnumeratedHeading('（四）做靓“环保管家”服务')).toBe(true);
    expect(isEnumeratedHeading('（一）做优顶层设计。为加强对全区节能环保产业发展的组织领导，成立领导小组。')).toBe(
      false,
    );
  });

  it('takes short lines without clause punctuation as caption candidates', () => {
    expect(isCaptionLike('调研现场')).toBe(true);
    expect(isCaptionLike('紧扣国家需求，发展节能环保产业')).toBe(false);
    expect(isCaptionLike('泰州医药高新技术产业开发区国家生态工业园区建设规划论证会在苏召开')).toBe(false);
  });
});

describe('readContents', () => {
  const read = (lines: string[]) => readContents('input.txt', toSourceLines(lines.join('\n')), 0);

  it('reads columns, titles and pages, and stops where the body begins', () => {
    const contents = read([
      '本期目录',
      '',
      '【工作动态】\t- 1 -',
      '甲文章标题.....\t- 1 -',
      '乙文章标题.....\t- 2 -',
      '[园区掠影]\t- 5 -',
      '丙文章标题..... ‐ 5 ‐',
      '',
      '【工作动态】',
      '',
      '甲文章标题',
    ]);
    expect(contents.sections).toEqual([
      { title: '工作动态', line: 3 },
      { title: '园区掠影', line: 6 },
    ]);
    expect(contents.articles).toEqual([
      { title: '甲文章标题', page: 1, section: '工作动态', line: 4 },
      { title: '乙文章标题', page: 2, section: '工作动态', line: 5 },
      { title: '丙文章标题', page: 5, section: '园区掠影', line: 7 },
    ]);
    expect(contents.end).toBe(7);
    expect(contents.diagnostics).toEqual([]);
  });

  it('joins a title the contents breaks over two lines', () => {
    const contents = read([
      '本期目录',
      '【工作动态】\t- 1 -',
      '上海市工业综合开发区和上海青浦工业园区',
      '通过国家生态工业园区技术核查.....\t- 2 -',
      '',
      '【工作动态】',
    ]);
    expect(contents.articles).toEqual([
      {
        title: '上海市工业综合开发区和上海青浦工业园区通过国家生态工业园区技术核查',
        page: 2,
        section: '工作动态',
        line: 3,
      },
    ]);
  });

  it('accepts column lines without a page when articles follow them', () => {
    const contents = read(['目 录', '【工作动态】', '甲文章标题.....- 1 -', '', '【工作动态】', '甲文章标题']);
    expect(contents.articles).toEqual([{ title: '甲文章标题', page: 1, section: '工作动态', line: 3 }]);
    expect(contents.end).toBe(3);
  });

  it('warns when there is no contents', () => {
    const contents = read(['【工作动态】', '', '甲文章标题', '', '正文。']);
    expect(contents.articles).toEqual([]);
    expect(contents.end).toBe(0);
    expect(contents.diagnostics).toMatchObject([{ line: 1, severity: 'warning', rule: 'import-no-contents' }]);
  });
});
