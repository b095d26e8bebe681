import { describe, expect, it } from 'vitest';
import { headOf, type IssueHead } from '../../src/import/issue-heads.ts';
import { planNewIssue, skeletonMarkdown } from '../../src/import/new-issue.ts';
import { processIssueFile } from '../../src/pipeline/issue-file.ts';
import { table, utf8 } from '../import/helpers.ts';
import { bundledContent } from '../helpers/content.ts';

const head = (path: string, year: number, number: number, cumulativeNumber: number): IssueHead => ({
  path,
  year,
  number,
  cumulativeNumber,
  series: '国家生态工业园区 工作动态',
  publisher: '国家生态工业园区建设协调领导小组办公室',
});
const first = head('2018/2018-01.md', 2018, 1, 10);

describe('planNewIssue', () => {
  it('counts on past 99 and names the file with three digits', () => {
    expect(planNewIssue([head('2019/2019-99.md', 2019, 99, 500)], {})).toMatchObject({
      ok: true,
      relativePath: '2019/2019-100.md',
      masthead: { number: 100, cumulativeNumber: 501 },
    });
  });

  it('leaves supplements out of the next regular number and running number', () => {
    const supplement: IssueHead = {
      ...head('2018/2018-s1.md', 2018, 1, 11),
      cumulativeNumber: undefined,
      special: { name: '增刊', ordinal: 1 },
    };
    expect(planNewIssue([first, supplement], {})).toMatchObject({
      ok: true,
      relativePath: '2018/2018-02.md',
      masthead: { number: 2, cumulativeNumber: 11 },
    });
    expect(planNewIssue([first, supplement], { special: true })).toMatchObject({
      ok: true,
      relativePath: '2018/2018-s2.md',
      masthead: { number: 2, special: { name: '增刊', ordinal: 2 } },
    });
    const plan = planNewIssue([first, supplement], { special: true });
    expect(plan.ok && plan.masthead).not.toHaveProperty('cumulativeNumber');
  });

  it('infers year, number, cumulative number, series and publisher from the latest issue', () => {
    const plan = planNewIssue([first], {});
    expect(plan).toMatchObject({
      ok: true,
      relativePath: '2018/2018-02.md',
      masthead: {
        series: '国家生态工业园区 工作动态',
        publisher: '国家生态工业园区建设协调领导小组办公室',
        year: 2018,
        number: 2,
        cumulativeNumber: 11,
      },
    });
    expect(plan.ok && plan.masthead.date).toBeUndefined();
    expect(plan.ok && plan.notes.join('\n')).toContain('2018/2018-01.md');
  });

  it('starts a new year at number 1 and counts the cumulative number on', () => {
    expect(planNewIssue([first], { year: 2019 })).toMatchObject({
      ok: true,
      relativePath: '2019/2019-01.md',
      masthead: { number: 1, cumulativeNumber: 11 },
    });
    expect(planNewIssue([first], { date: '2019-03-01' })).toMatchObject({
      ok: true,
      masthead: { year: 2019, number: 1, date: '2019-03-01' },
    });
  });

  it('counts the cumulative number from the issue just before the requested one', () => {
    const heads = [first, head('2018/2018-02.md', 2018, 2, 11), head('2018/2018-05.md', 2018, 5, 14)];
    expect(planNewIssue(heads, { number: 3 })).toMatchObject({
      ok: true,
      masthead: { number: 3, cumulativeNumber: 12 },
    });
    expect(planNewIssue(heads, {})).toMatchObject({ ok: true, masthead: { number: 6, cumulativeNumber: 15 } });
  });

  it('uses what the editor gives over what it would infer', () => {
    const plan = planNewIssue([first], {
      year: 2018,
      number: 4,
      cumulativeNumber: 20,
      date: '2018-12-30',
      series: '刊',
      publisher: '办',
    });
    expect(plan).toMatchObject({
      ok: true,
      masthead: { year: 2018, number: 4, cumulativeNumber: 20, date: '2018-12-30', series: '刊', publisher: '办' },
      notes: [],
    });
  });

  it('refuses a date outside the year, which check would refuse', () => {
    expect(planNewIssue([first], { year: 2018, date: '2019-01-05' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('--date 2019-01-05 不在 2018 年') as unknown,
    });
  });

  it('refuses an issue that exists, a cumulative number in use, and a date that does not exist', () => {
    expect(planNewIssue([first], { number: 1 })).toMatchObject({
      ok: false,
      message: expect.stringContaining('已经存在（2018/2018-01.md），不会覆盖'),
    });
    expect(planNewIssue([first], { cumulativeNumber: 10 })).toMatchObject({
      ok: false,
      message: expect.stringContaining('总第10期已是 2018/2018-01.md'),
    });
    expect(planNewIssue([first], { date: '2018-02-30' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('不是有效日期'),
    });
  });

  it('asks for what it cannot infer in an empty archive', () => {
    expect(planNewIssue([], {})).toMatchObject({ ok: false, message: expect.stringContaining('--year') });
    expect(planNewIssue([], { year: 2018 })).toMatchObject({
      ok: false,
      message: expect.stringContaining('--cumulative-number'),
    });
    expect(planNewIssue([], { year: 2018, cumulativeNumber: 1 })).toMatchObject({
      ok: false,
      message: expect.stringContaining('--series'),
    });
    expect(planNewIssue([], { year: 2018, cumulativeNumber: 1, series: '刊', publisher: '办' })).toMatchObject({
      ok: true,
      masthead: { number: 1 },
    });
  });
});

describe('headOf', () => {
  it('reads the fields it can from a skeleton whose date is not filled in', () => {
    const text =
      '---\nseries: 刊\npublisher: 办\nyear: 2018\nnumber: 2\ncumulativeNumber: 11\ndate: YYYY-MM-DD\n---\n\n## 工作动态\n';
    expect(headOf('2018/2018-02.md', utf8(text))).toEqual({
      path: '2018/2018-02.md',
      series: '刊',
      publisher: '办',
      year: 2018,
      number: 2,
      cumulativeNumber: 11,
    });
  });

  it('gives only the path for a file it cannot read', () => {
    expect(headOf('x.md', new Uint8Array([0xff, 0xfe]))).toEqual({ path: 'x.md' });
    expect(headOf('y.md', utf8('没有刊头'))).toEqual({ path: 'y.md' });
  });
});

describe('skeletonMarkdown', () => {
  const masthead = {
    series: '国家生态工业园区 工作动态',
    publisher: '国家生态工业园区建设协调领导小组办公室',
    year: 2018,
    number: 2,
    cumulativeNumber: 11,
  };

  it('lists every known column, and the pipeline reports only what the editor has to fill in', async () => {
    const markdown = skeletonMarkdown(masthead, table);
    expect(markdown.match(/^## .+$/gm)).toEqual(['## 工作动态', '## 园区掠影', '## 经验交流']);
    const result = await processIssueFile('2018/2018-02.md', '2018/2018-02.md', utf8(markdown), {
      table,
      enrichments: [],
      contentDir: bundledContent,
    });
    expect(result.diagnostics.map((d) => `${d.line} ${d.rule}`)).toEqual([
      '8 date-invalid',
      '11 empty-section',
      '13 empty-section',
      '15 empty-section',
    ]);
  });

  it('passes once the date is given and an article is written under each column', async () => {
    const filled = skeletonMarkdown({ ...masthead, date: '2018-09-30' }, table).replace(
      /^(## .+)$/gm,
      (heading, _h, offset: number) => `${heading}\n\n### 文章${offset} {page=1}\n\n正文。`,
    );
    const result = await processIssueFile('2018/2018-02.md', '2018/2018-02.md', utf8(filled), {
      table,
      enrichments: [],
      contentDir: bundledContent,
    });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.issue?.date).toBe('2018-09-30');
  });
});
