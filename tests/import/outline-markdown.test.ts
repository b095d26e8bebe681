import { describe, expect, it } from 'vitest';
import { issueFileText, writeIssue } from '../../src/core/content-format.ts';
import { processIssueFile } from '../../src/pipeline/issue-file.ts';
import { bundledContent } from '../helpers/content.ts';
import { bulletin, findings, importText, table, utf8 } from './helpers.ts';

const check = (markdown: string) =>
  processIssueFile('out.md', '2018/2018-01.md', utf8(markdown), { table, enrichments: [], contentDir: bundledContent });

/** A value the test goes on to read; a step that gave none fails the test here. */
function present<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`expected ${what}, got undefined`);
  return value;
}

describe('importing small bulletins', () => {
  it('reads half-width markers, full-width brackets and ‐ 3 ‐ footers alike', async () => {
    const text = bulletin(
      ['[工作动态]\t‐ 1 ‐', '甲文章标题.....\t‐ 1 ‐', '［经验交流］\t－2－', '乙文章标题.....\t－2－'],
      [
        '[工作动态]',
        '',
        '甲文章标题',
        '',
        '甲文正文。',
        '',
        '‐ 1 ‐',
        '',
        '［经验交流］',
        '',
        '乙文章标题',
        '',
        '乙文正文。',
        '',
        '－2－',
      ],
    ).replace('2018年第1期(总第10期)', '2018年第1期（总第10期）');
    const result = importText(text);
    expect(result.diagnostics).toEqual([]);
    expect(
      result.outline?.sections.map((s) => [s.title, s.articles.map((a) => [a.id, a.title, a.page, a.blocks.length])]),
    ).toEqual([
      ['工作动态', [['p1', '甲文章标题', 1, 1]]],
      ['经验交流', [['p2', '乙文章标题', 2, 1]]],
    ]);
    expect((await check(present(result.markdown, 'the Markdown'))).diagnostics).toEqual([]);
  });

  it('reports a contents entry the body lacks and keeps its text in the article before', () => {
    const result = importText(
      bulletin(
        ['【工作动态】\t- 1 -', '甲文章标题.....\t- 1 -', '完全不同的标题.....\t- 2 -'],
        ['【工作动态】', '', '甲文章标题', '', '甲文正文。', '', '乙文正文。'],
      ),
    );
    expect(findings(result)).toEqual(['13 import-contents-unmatched']);
    expect(result.outline?.sections[0]?.articles.map((a) => a.blocks.length)).toEqual([2]);
  });

  it('imports an article the contents does not list, when a subtitle follows its title', async () => {
    const result = importText(
      bulletin(
        ['【工作动态】\t- 1 -', '甲文章标题.....\t- 1 -'],
        ['【工作动态】', '', '甲文章标题', '', '甲文正文。', '', '目录漏掉的文章', '', '——副标题', '', '正文。'],
      ),
    );
    expect(findings(result)).toEqual(['20 import-not-in-contents']);
    const [first, second] = present(result.outline?.sections[0], 'a column').articles;
    expect(second).toMatchObject({ id: 'extra-1', title: '目录漏掉的文章', subtitle: '副标题' });
    expect(first?.id).toBe('p1');
    expect((await check(present(result.markdown, 'the Markdown'))).diagnostics).toEqual([]);
  });

  it('takes columns from the contents when the body has no markers', async () => {
    const result = importText(
      bulletin(
        ['【工作动态】\t- 1 -', '甲文章标题.....\t- 1 -', '【经验交流】\t- 2 -', '乙文章标题.....\t- 2 -'],
        ['甲文章标题', '', '甲文正文。', '', '乙文章标题', '', '乙文正文。'],
      ),
    );
    expect(result.outline?.sections.map((s) => s.title)).toEqual(['工作动态', '经验交流']);
    expect((await check(present(result.markdown, 'the Markdown'))).diagnostics).toEqual([]);
  });

  it('warns about a column the section table does not know, and the checker says why the file fails', async () => {
    const result = importText(
      bulletin(['【政策解读】\t- 1 -', '甲文章标题.....\t- 1 -'], ['【政策解读】', '', '甲文章标题', '', '正文。']),
    );
    expect(findings(result)).toEqual(['14 import-unknown-section']);
    const { diagnostics } = await check(present(result.markdown, 'the Markdown'));
    expect(diagnostics.map((d) => d.rule)).toEqual(['unknown-section']);
  });

  it('writes page numbers, the contents title and a subtitle into the heading and body', async () => {
    const result = importText(
      bulletin(
        ['【工作动态】\t- 1 -', '上海园区通过国家生态工业园区技术核查.....\t- 2 -'],
        ['【工作动态】', '', '上海园区 通过国家生态工业示范园区技术核查', '', '——副标题', '', '正文。'],
      ),
    );
    expect(result.markdown).toContain(
      '### 上海园区通过国家生态工业示范园区技术核查 {#p2 page=2 contents="上海园区通过国家生态工业园区技术核查"}\n\n——副标题\n\n正文。\n',
    );
    const article = (await check(present(result.markdown, 'the Markdown'))).issue?.sections[0]?.articles[0];
    expect(article).toMatchObject({
      page: 2,
      contentsTitle: '上海园区通过国家生态工业园区技术核查',
      subtitle: '副标题',
    });
  });

  it('stops with errors, and writes nothing, when the masthead cannot be read', () => {
    const result = importText('本期目录\n\n【工作动态】\t- 1 -\n');
    expect(result.markdown).toBeUndefined();
    expect(result.diagnostics.every((d) => d.severity === 'error')).toBe(true);
  });
});

describe('writing paragraphs with remark-stringify', () => {
  it.each([
    '2018. 年度总结',
    '# 不是标题',
    '- 不是列表',
    '> 不是引用',
    '含有 *星号* 和 _下划线_ 的文字',
    '<b>不是标签</b> &amp; [不是链接](x)',
    '反斜杠 \\ 和 `代码`',
    '+ 加号',
  ])('the pipeline reads %s back as written', async (text) => {
    const markdown =
      '---\nseries: 刊\npublisher: 办\nyear: 2018\nnumber: 1\ncumulativeNumber: 10\ndate: 2018-06-29\n---\n\n' +
      `## 工作动态\n\n### 标题 {#a page=1}\n\n${issueFileText([writeIssue.paragraph(text)])}`;
    const result = await check(markdown);
    expect(result.diagnostics).toEqual([]);
    expect(result.issue?.sections[0]?.articles[0]?.text).toBe(text);
  });
});
