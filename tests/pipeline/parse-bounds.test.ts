import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/archive/load-archive.ts';
import type { Enrichment } from '../../src/pipeline/enrichment.ts';
import { processIssueFile } from '../../src/pipeline/issue-file.ts';
import { parseLimits } from '../../src/pipeline/parse-bounds.ts';
import { parseSectionTable } from '../../src/pipeline/section-kinds.ts';
import { articleHtml } from '../../src/site/article-html.ts';
import { readSettings } from '../../src/site/settings.ts';
import { bundledContent, makeContentDir, masthead, minimalBody } from '../helpers/content.ts';

const { table } = parseSectionTable('sections.yaml', readFileSync(join(bundledContent, 'sections.yaml'), 'utf8'));
const encoder = new TextEncoder();

/** The findings on an issue whose first article's body (from line 14) is `body`. */
function check(body: string, enrichments: readonly Enrichment[] = []) {
  const text = `${masthead()}\n## 工作动态\n\n### 标题\n\n${body}`;
  return processIssueFile('a.md', '2018/2018-01.md', encoder.encode(text), { table, enrichments, contentDir: '.' });
}
const found = async (body: string) =>
  (await check(body)).diagnostics.map(({ rule, line, column }) => ({ rule, line, column }));
const nested = (depth: number) => Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- 项\n`).join('');

describe('nesting depth', () => {
  const limit = parseLimits.nestingDepth;

  it(`allows ${limit} levels of quotes and lists, and the pages render them`, async () => {
    for (const body of ['> '.repeat(limit) + '正文。\n', nested(limit), '> - '.repeat(limit / 2) + '正文。\n']) {
      const result = await check(body);
      expect(result.diagnostics).toEqual([]);
      const article = result.issue?.sections[0]?.articles[0];
      if (!article) throw new Error('no article');
      expect(toHtml(article.body).match(/<(?:blockquote|li)>/g)).toHaveLength(limit);
      expect(articleHtml(article, 'page', readSettings({})).match(/<(?:blockquote|li)>/g)).toHaveLength(limit);
    }
  });

  it('reports the marker that goes one level deeper, on one line or line by line', async () => {
    expect(await found('> '.repeat(2000) + 'a\n')).toEqual([
      { rule: 'nesting-depth', line: 14, column: 2 * limit + 1 },
    ]);
    expect(await found('- '.repeat(10_000) + 'a\n')).toEqual([
      { rule: 'nesting-depth', line: 14, column: 2 * limit + 1 },
    ]);
    expect(await found('1. '.repeat(100) + 'a\n')).toEqual([
      { rule: 'nesting-depth', line: 14, column: 3 * limit + 1 },
    ]);
    expect(await found(nested(200))).toEqual([{ rule: 'nesting-depth', line: 14 + limit, column: 2 * limit + 1 }]);
    expect(await found('> \n'.repeat(3) + '>'.repeat(limit) + '- a\n')).toEqual([
      { rule: 'nesting-depth', line: 17, column: limit + 1 },
    ]);
  });

  it('does not count what only looks like nesting: code, a thematic break, escaped markers', async () => {
    const code = `\`\`\`\n${'> '.repeat(100)}\n\`\`\`\n\n    ${'- '.repeat(100)}a\n`;
    expect(await found(`正文。\n\n${code}\n${'- '.repeat(100)}-\n\n${'\\> '.repeat(100)}\n`)).toEqual([]);
  });

  it('checks the other files when one is too deep, which the old stack overflow made "unreadable"', async () => {
    const dir = makeContentDir({
      '2018/2018-01.md': masthead() + minimalBody + '\n' + '>'.repeat(2000) + ' a\n',
      '2018/2018-02.md': masthead({ number: 2, cumulativeNumber: 11, date: '2018-07-29' }) + minimalBody,
    });
    const archive = await loadArchive(dir);
    expect(archive.issues.map((i) => i.id)).toEqual(['2018-02']);
    expect(archive.diagnostics.map(({ rule, path }) => ({ rule, path }))).toEqual([
      { rule: 'nesting-depth', path: join(dir, '2018/2018-01.md') },
    ]);
  });
});

describe('inline markup in one paragraph', () => {
  const limit = parseLimits.paragraphDelimiters;

  it(`allows ${limit} emphasis, code and link marks in a paragraph, and counts each paragraph apart`, async () => {
    const paragraph = '**甲**'.repeat(limit / 4);
    // A title of 249 characters is too long for an editor's eyes (title-length), not for the parser.
    const title = `### ${'[a]'.repeat(limit / 2 - 1)}`;
    expect(await found(`${paragraph}\n\n${paragraph}\n\n${title}\n\n正文。\n`)).toEqual([
      { rule: 'title-length', line: 18, column: 1 },
    ]);
  });

  it('reports the mark that is one too many, a run of stars counted by its stars', async () => {
    expect(await found('*a'.repeat(50_000))).toEqual([{ rule: 'inline-markup', line: 14, column: 2 * limit + 1 }]);
    expect(await found(`前言\n${'*'.repeat(20_000)}a${'*'.repeat(20_000)}\n`)).toEqual([
      { rule: 'inline-markup', line: 15, column: limit + 1 },
    ]);
    expect(await found('[a'.repeat(limit) + '\n' + '_a'.repeat(10))).toEqual([
      { rule: 'inline-markup', line: 15, column: 1 },
    ]);
  });

  it('does not count escaped marks or code blocks', async () => {
    expect(await found(`${'\\*'.repeat(2 * limit)}\n\n\`\`\`\n${'*a'.repeat(2 * limit)}\n\`\`\`\n`)).toEqual([]);
  });
});

describe('the work of one file', () => {
  it(`reports line ${parseLimits.lines + 1}`, async () => {
    expect(await found('正文。\n\n'.repeat(parseLimits.lines / 2))).toEqual([
      { rule: 'file-too-complex', line: parseLimits.lines + 1, column: 1 },
    ]);
  });

  it(`reports the quote or list ending beyond ${parseLimits.blockEnds}, not the items of one list`, async () => {
    expect(await found('- 项\n'.repeat(2000) + '\n正文。\n')).toEqual([]);
    const quotes = '> 引文\n\n'.repeat(parseLimits.blockEnds + 1);
    expect(await found(quotes)).toEqual([
      { rule: 'file-too-complex', line: 15 + 2 * parseLimits.blockEnds, column: 1 },
    ]);
    expect(await found('甲\n===\n\n'.repeat(parseLimits.blockEnds + 1))).toEqual([
      { rule: 'file-too-complex', line: 15 + 3 * parseLimits.blockEnds, column: 1 },
    ]);
  });

  it('reports nested lines beyond the budget', async () => {
    const depth = 20;
    const lines = Math.ceil(parseLimits.nestedLines / depth) + 1;
    const result = await found(`${'> '.repeat(depth)}甲\n`.repeat(lines));
    expect(result).toEqual([
      { rule: 'file-too-complex', line: 14 + Math.floor(parseLimits.nestedLines / depth), column: 1 },
    ]);
  });

  it(`reports markup beyond ${parseLimits.markup} characters in the whole file`, async () => {
    const paragraph = '&amp;'.repeat(1000);
    const paragraphs = parseLimits.markup / 1000;
    expect(await found(`${paragraph}\n\n`.repeat(paragraphs) + '<\n')).toEqual([
      { rule: 'file-too-complex', line: 14 + 2 * paragraphs, column: 1 },
    ]);
  });

  it('reports front matter beyond its lines or characters', async () => {
    const long = async (extra: string) =>
      (
        await processIssueFile(
          'a.md',
          '2018/2018-01.md',
          encoder.encode(masthead().replace(/---\n$/, `${extra}---\n`)),
          {
            table,
            enrichments: [],
            contentDir: '.',
          },
        )
      ).diagnostics.map(({ rule, line }) => ({ rule, line }));
    expect(await long('# 备注\n'.repeat(parseLimits.frontMatterLines))).toEqual([
      { rule: 'file-too-complex', line: 1 },
    ]);
    expect(await long(`note: ${'['.repeat(parseLimits.frontMatterCharacters)}\n`)).toEqual([
      { rule: 'file-too-complex', line: 1 },
    ]);
  });

  it('reports a stack overflow anywhere in the file’s processing as its own error', async () => {
    const recurse = (n: number): number => (n > 0 ? recurse(n + 1) + 1 : 0);
    const overflowing: Enrichment = {
      name: 'deep',
      rules: [],
      enrichArticle: (article) => (recurse(1) ? article : article),
    };
    const result = await check('正文。\n', [overflowing]);
    expect(result.diagnostics.map(({ rule, severity, line }) => ({ rule, severity, line }))).toEqual([
      { rule: 'file-too-complex', severity: 'error', line: 1 },
    ]);
    expect(result.diagnostics[0]?.message).toContain('调用栈溢出');
    expect(result.diagnostics[0]?.message).not.toContain('权限');
  });
});
