import { describe, expect, it } from 'vitest';
import { readArticleBody } from '../../src/import/article-body.ts';
import { readBodyLines, type BodyLine } from '../../src/import/body-lines.ts';
import { toSourceLines } from '../../src/import/decode-input.ts';
import { editDistance } from '../../src/core/edit-distance.ts';
import { matchTitles } from '../../src/import/titles.ts';

/** Body lines from text as the PDF gives it: blank lines, footers and all. */
const body = (lines: string[]): BodyLine[] =>
  readBodyLines('input.txt', toSourceLines(lines.join('\n')), 0, '国家生态工业园区 工作动态').lines;

describe('matchTitles', () => {
  it('finds a title the body breaks with a space or over lines', () => {
    const lines = body([
      '【工作动态】',
      '',
      '泰州医药高新技术产业开发区国家生态工业园区 建设规划论证会在苏召开',
      '',
      '正文。',
      '',
      '上海市工业综合开发区和上海青浦工业园区',
      '通过国家生态工业园区技术核查',
      '',
      '正文。',
    ]);
    expect(
      matchTitles(lines, [
        '泰州医药高新技术产业开发区国家生态工业园区建设规划论证会在苏召开',
        '上海市工业综合开发区和上海青浦工业园区通过国家生态工业园区技术核查',
      ]),
    ).toEqual([
      { start: 1, end: 2, distance: 0 },
      { start: 3, end: 5, distance: 0 },
    ]);
  });

  it('tolerates a small insertion and reports its distance', () => {
    const lines = body(['上海市工业综合开发区和上海青浦工业园区 通过国家生态工业示范园区技术核查', '', '正文。']);
    expect(matchTitles(lines, ['上海市工业综合开发区和上海青浦工业园区通过国家生态工业园区技术核查'])).toEqual([
      { start: 0, end: 1, distance: 2 },
    ]);
  });

  it('folds full-width and half-width variants', () => {
    expect(matchTitles(body(['紧扣国家需求, 发展节能环保产业']), ['紧扣国家需求，发展节能环保产业'])).toEqual([
      { start: 0, end: 1, distance: 0 },
    ]);
  });

  it('finds nothing for a title the body does not have, and does not take a paragraph for it', () => {
    const lines = body(['开展专题调研', '', '调研发现，目前大部分工业园区达不到国家生态工业园区的水平。']);
    expect(matchTitles(lines, ['国家生态工业园区的水平'])).toEqual([undefined]);
  });

  it('looks for a loosely matching title only between its exactly matched neighbours', () => {
    const lines = body([
      '甲篇标题',
      '',
      '正文。',
      '',
      '乙篇标题示范',
      '',
      '正文。',
      '',
      '丙篇标题',
      '',
      '正文。',
      '',
      '乙篇标题',
    ]);
    expect(matchTitles(lines, ['甲篇标题', '乙篇标题', '丙篇标题']).map((m) => m?.start)).toEqual([0, 2, 4]);
  });

  it('counts edits over characters, not UTF-16 units', () => {
    expect(editDistance('园区', '示范园区')).toBe(2);
    expect(editDistance('𠀀区', '区')).toBe(1);
  });
});

describe('readBodyLines', () => {
  it('drops page footers and running headers, counting blank lines afresh after them', () => {
    const { lines, diagnostics } = readBodyLines(
      'input.txt',
      toSourceLines(['正文上半', '', '- 3 -', '', '国家生态工业园区  工作动态', '', '下半。'].join('\n')),
      0,
      '国家生态工业园区 工作动态',
    );
    expect(lines).toEqual([
      { no: 1, text: '正文上半', blanksBefore: 0 },
      { no: 7, text: '下半。', blanksBefore: 1 },
    ]);
    expect(diagnostics).toMatchObject([{ line: 5, rule: 'import-running-header', severity: 'warning' }]);
  });
});

describe('readArticleBody', () => {
  const read = (lines: string[]) => readArticleBody('input.txt', body(lines));
  const rules = (result: ReturnType<typeof read>) => result.diagnostics.map((d) => `${d.line} ${d.rule}`);

  it('takes a leading —— line as the subtitle', () => {
    const result = read(['——科技标准司党支部开展“大调研”活动', '', '正文。']);
    expect(result.subtitle).toBe('科技标准司党支部开展“大调研”活动');
    expect(result.blocks).toEqual([{ kind: 'paragraph', text: '正文。', line: 3 }]);
  });

  it('joins a paragraph the page broke, across a footer, and says so', () => {
    const result = read([
      '调研报告建议中指出：将生态工业园区建设纳入污染防治攻坚战',
      '',
      '‐ 3 ‐',
      '',
      '计划，强化生态工业园区建设力度。',
      '',
      '下一段。',
    ]);
    expect(result.blocks.map((b) => b.kind === 'paragraph' && b.text)).toEqual([
      '调研报告建议中指出：将生态工业园区建设纳入污染防治攻坚战计划，强化生态工业园区建设力度。',
      '下一段。',
    ]);
    expect(rules(result)).toEqual(['5 import-page-join']);
  });

  it('keeps a space where the break fell between Latin words', () => {
    const result = read(['联合实验室，名为 VOC', '', 'treatment lab。']);
    expect(result.blocks).toEqual([{ kind: 'paragraph', text: '联合实验室，名为 VOC treatment lab。', line: 1 }]);
  });

  it('keeps paragraphs apart when the first ends a sentence', () => {
    expect(read(['第一段。', '', '第二段。']).blocks).toHaveLength(2);
    expect(read(['他说：', '', '第二段。']).blocks).toHaveLength(2);
  });

  it('turns （一）…（五） lines into sub-headings without a warning', () => {
    const result = read(['引言。', '', '（一）做优顶层设计', '', '正文。', '', '(二)强化政策引导', '', '正文。']);
    expect(result.blocks.filter((b) => b.kind === 'heading').map((b) => b.kind === 'heading' && b.text)).toEqual([
      '（一）做优顶层设计',
      '(二)强化政策引导',
    ]);
    expect(result.diagnostics).toEqual([]);
  });

  it('turns a caption over two lines, after a picture gap, into one figure and reports it', () => {
    const result = read([
      '正文。',
      '',
      '',
      '',
      '泰州医药高新技术产业开发区',
      '国家生态工业园区建设规划会',
      '',
      '下文。',
    ]);
    expect(result.blocks[1]).toEqual({
      kind: 'figure',
      caption: '泰州医药高新技术产业开发区国家生态工业园区建设规划会',
      line: 5,
    });
    expect(rules(result)).toEqual(['5 import-figure']);
  });

  it('takes a short line between paragraphs for a caption, and says it might be a heading', () => {
    const result = read(['正文。', '', '调研现场', '', '下文。']);
    expect(result.blocks[1]).toEqual({ kind: 'figure', caption: '调研现场', line: 3 });
    expect(result.diagnostics[0]?.message).toContain('也可能是小标题');
  });

  it('takes a short line opening the article for a sub-heading, and says it might be a caption', () => {
    const result = read(['泰州医药高新技术产业开发区', '', '泰州医药高新区位于泰州市城区南部。']);
    expect(result.blocks[0]).toEqual({ kind: 'heading', text: '泰州医药高新技术产业开发区', line: 1 });
    expect(rules(result)).toEqual(['1 import-heading-guess']);
  });

  it('does not join a caption after a picture gap to an unfinished paragraph', () => {
    const result = read(['正文，没有句号', '', '', '调研现场', '', '下文。']);
    expect(result.blocks.map((b) => b.kind)).toEqual(['paragraph', 'figure', 'paragraph']);
  });
});
