import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/pipeline/parse.ts';
import { parseSectionTable } from '../../src/pipeline/section-kinds.ts';
import { VFile } from 'vfile';
import { diagnosticsOf } from '../../src/core/diagnostics.ts';
import { lintIssue } from '../../src/pipeline/lint.ts';
import { issueRules } from '../../src/pipeline/rules/index.ts';
import { structureIssue } from '../../src/pipeline/structure.ts';
import { bundledContent, masthead } from '../helpers/content.ts';
import { defined } from '../helpers/defined.ts';

const { table } = parseSectionTable('sections.yaml', readFileSync(join(bundledContent, 'sections.yaml'), 'utf8'));

/** Body lines start at line 9, after the eight lines of `masthead()`. */
function run(body: string) {
  const parsed = parseSource('a.md', masthead() + body);
  if (!parsed.ok) throw new Error(parsed.diagnostics[0]?.message);
  const draft = structureIssue(parsed.source.tree, table);
  const file = new VFile({ path: 'a.md', value: masthead() + body });
  lintIssue(parsed.source.tree, file, draft, table, issueRules);
  return { draft, diagnostics: diagnosticsOf(file) };
}

describe('structureIssue', () => {
  it('groups articles under sections and takes the —— line as subtitle', () => {
    const { draft, diagnostics } = run(
      '## 工作动态\n\n### 甲 {#a page=1}\n\n——副标题\n\n正文。\n\n### 乙\n\n正文。\n\n## 经验交流\n\n### 丙\n\n正文。\n',
    );
    expect(diagnostics).toEqual([]);
    expect(draft.sections.map((s) => [s.kind?.kind, s.articles.map((a) => a.title)])).toEqual([
      ['work-updates', ['甲', '乙']],
      ['experience-sharing', ['丙']],
    ]);
    const first = defined(draft.sections[0]?.articles[0], 'the first article');
    expect(first.subtitle).toMatchObject({
      text: '副标题',
      place: { line: 13, column: 1 },
      node: { type: 'paragraph' },
    });
    expect(first.body).toHaveLength(1);
    expect(first.attributes).toMatchObject({ id: 'a', page: '1' });
  });

  it('takes the printed 【栏目】 form of a column name', () => {
    const { draft, diagnostics } = run('## 【园区掠影】\n\n### 甲\n\n正文。\n');
    expect(diagnostics).toEqual([]);
    expect(draft.sections[0]).toMatchObject({ title: '园区掠影', kind: { kind: 'park-profiles' } });
  });
});

describe('content rules', () => {
  it.each([
    [
      'unknown column, naming the known ones and the table',
      '## 政策解读\n\n### 甲\n\n正文。\n',
      'unknown-section',
      9,
      '工作动态、园区掠影、经验交流',
    ],
    ['article before any column', '### 甲\n\n正文。\n', 'article-outside-section', 9, '## 工作动态'],
    ['text before any column', '正文。\n\n## 工作动态\n\n### 甲\n\n正文。\n', 'outside-section', 9, '###'],
    [
      'text in a column before any article',
      '## 工作动态\n\n正文。\n\n### 甲\n\n正文。\n',
      'outside-article',
      11,
      '###',
    ],
    ['a level-1 heading', '# 工作动态第1期\n\n## 工作动态\n\n### 甲\n\n正文。\n', 'heading-level', 9, '##'],
    ['an empty column', '## 工作动态\n\n## 经验交流\n\n### 甲\n\n正文。\n', 'empty-section', 9, '工作动态'],
    ['an empty article', '## 工作动态\n\n### 甲\n\n### 乙\n\n正文。\n', 'empty-article', 11, '甲'],
    ['an article with only a subtitle', '## 工作动态\n\n### 甲\n\n——副标题\n', 'empty-article', 11, '甲'],
    [
      'a subtitle after the first paragraph',
      '## 工作动态\n\n### 甲\n\n正文。\n\n——副标题\n',
      'subtitle-position',
      15,
      '紧跟',
    ],
    [
      'a page number going backwards',
      '## 工作动态\n\n### 甲 {page=3}\n\n正文。\n\n### 乙 {page=2}\n\n正文。\n',
      'page-order',
      15,
      '甲',
    ],
    ['a page number that is not a number', '## 工作动态\n\n### 甲 {page=三}\n\n正文。\n', 'page-invalid', 11, 'page=3'],
    ['an id that is not a URL slug', '## 工作动态\n\n### 甲 {#泰州}\n\n正文。\n', 'article-id', 11, '小写英文字母'],
    [
      'two articles with one id',
      '## 工作动态\n\n### 甲 {#a}\n\n正文。\n\n### 乙 {#a}\n\n正文。\n',
      'duplicate-article-id',
      15,
      '第 11 行',
    ],
    [
      'two articles with one title',
      '## 工作动态\n\n### 甲\n\n正文。\n\n### 甲\n\n正文。\n',
      'duplicate-article-id',
      15,
      '{#',
    ],
    ['an unknown heading attribute', '## 工作动态\n\n### 甲 {pages=3}\n\n正文。\n', 'heading-attribute', 11, 'pages'],
    [
      'a column twice',
      '## 工作动态\n\n### 甲\n\n正文。\n\n## 工作动态\n\n### 乙\n\n正文。\n',
      'duplicate-section',
      15,
      '第 9 行',
    ],
    ['an empty title', '## 工作动态\n\n### {#a}\n\n正文。\n', 'empty-title', 11, '###'],
  ])('%s', (_name, body, rule, line, mention) => {
    const { diagnostics } = run(body);
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ rule, line, severity: 'error', message: expect.stringContaining(mention) }),
    );
  });

  it('warns, without failing, about raw HTML', () => {
    const { diagnostics } = run('## 工作动态\n\n### 甲\n\n正文<b>加粗</b>。\n\n<div>块</div>\n');
    expect(diagnostics.map((d) => [d.rule, d.severity, d.line])).toEqual([
      ['raw-html', 'warning', 13],
      ['raw-html', 'warning', 13],
      ['raw-html', 'warning', 15],
    ]);
  });

  it('warns about links that are not web, mail or file addresses (pictures have the media rules)', () => {
    const { diagnostics } = run(
      '## 工作动态\n\n### 甲\n\n' +
        '见[网站](https://www.mee.gov.cn/)、[邮件](mailto:a@b.cn)与[脚本](javascript:alert(1))。\n\n' +
        '![图](data:image/png;base64,AAAA)\n',
    );
    expect(diagnostics.map((d) => [d.rule, d.severity, d.line])).toEqual([['unsafe-url', 'warning', 13]]);
  });

  it('allows two articles on one page', () => {
    expect(run('## 工作动态\n\n### 甲 {page=2}\n\n正文。\n\n### 乙 {page=2}\n\n正文。\n').diagnostics).toEqual([]);
  });
});
