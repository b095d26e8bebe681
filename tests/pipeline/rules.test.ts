import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { diagnosticsOf } from '../../src/core/diagnostics.ts';
import { gazetteer, parseGazetteer } from '../../src/parks/gazetteer.ts';
import { unknownPark } from '../../src/parks/rules/unknown-park.ts';
import { lintIssue, type LintRule } from '../../src/pipeline/lint.ts';
import { examineMedia, noMedia } from '../../src/pipeline/media/examine.ts';
import { parseSource } from '../../src/pipeline/parse.ts';
import { issueRules } from '../../src/pipeline/rules/index.ts';
import { parseSectionTable } from '../../src/pipeline/section-kinds.ts';
import { structureIssue } from '../../src/pipeline/structure.ts';
import { bundledContent, makeContentDir, masthead, repoRoot } from '../helpers/content.ts';
import { pdf, png } from '../helpers/media-files.ts';

const { table } = parseSectionTable('sections.yaml', readFileSync(join(bundledContent, 'sections.yaml'), 'utf8'));
const parks = gazetteer(parseGazetteer('parks.yaml', readFileSync(join(bundledContent, 'parks.yaml'), 'utf8')).parks);
const parkRules = [unknownPark.configure({ matcher: parks.matcher })];
const allRules: readonly LintRule[] = [...issueRules, ...parkRules];

/** What an issue has beside its text: files of its content folder, fields of its front matter. */
interface Beside {
  /** Files by path in the content folder (the issue is `2018/2018-01.md` there); with them, media are examined. */
  files?: Record<string, string | Uint8Array>;
  /** Front-matter fields after the masthead's: each pushes the body one line down. */
  fields?: Record<string, string | number>;
}

/** The rules' findings on a file whose body (from line 9, after `masthead()`) is `body`. */
async function lint(body: string, rules = allRules, { files, fields }: Beside = {}) {
  const text = masthead(fields) + body;
  const parsed = parseSource('a.md', text);
  if (!parsed.ok) throw new Error(parsed.diagnostics[0]?.message);
  const { tree, frontMatter, frontMatterLines } = parsed.source;
  const media = files
    ? await examineMedia({
        path: 'a.md',
        sourcePath: '2018/2018-01.md',
        contentDir: makeContentDir(files),
        tree,
        frontMatter,
        frontMatterLines,
      })
    : noMedia;
  const file = new VFile({ path: 'a.md', value: text });
  lintIssue(tree, file, structureIssue(tree, table), table, rules, media);
  return diagnosticsOf(file).map(({ rule, severity, line, column }) => ({ rule, severity, line, column }));
}

const article = (title: string, body = '正文。') => `## 工作动态\n\n### ${title}\n\n${body}\n`;

const picture = (path: string, caption = '图') => article('甲', `见下图。\n\n![${caption}](${path})`);

/** One small file per rule that breaks it, with where the message must point. */
const cases: Record<string, { body: string; line: number; column: number } & Beside> = {
  'heading-level': { body: `# 第1期\n\n${article('甲')}`, line: 9, column: 1 },
  'unknown-section': { body: '## 政策解读\n\n### 甲\n\n正文。\n', line: 9, column: 1 },
  'duplicate-section': { body: `${article('甲')}\n${article('乙')}`, line: 15, column: 1 },
  'article-outside-section': { body: '### 甲\n\n正文。\n', line: 9, column: 1 },
  'outside-section': { body: `前言。\n\n${article('甲')}`, line: 9, column: 1 },
  'outside-article': { body: '## 工作动态\n\n前言。\n\n### 甲\n\n正文。\n', line: 11, column: 1 },
  'empty-section': { body: `## 经验交流\n\n${article('甲')}`, line: 9, column: 1 },
  'empty-title': { body: article('{#a}'), line: 11, column: 1 },
  // Attribute messages point at the `{`, wherever extra spaces or markup put it.
  'heading-attribute': { body: article('甲   **乙** {pages=3}'), line: 11, column: 15 },
  'article-id': { body: article('甲 {#泰州}'), line: 11, column: 7 },
  'duplicate-article-id': { body: `## 工作动态\n\n### 甲\n\n正文。\n\n### 甲\n\n正文。\n`, line: 15, column: 1 },
  'page-invalid': { body: article('甲 {page=三}'), line: 11, column: 7 },
  'page-order': {
    body: `## 工作动态\n\n### 甲 {page=3}\n\n正文。\n\n###    乙 {page=2}\n\n正文。\n`,
    line: 15,
    column: 10,
  },
  'empty-article': { body: '## 工作动态\n\n### 甲\n\n### 乙\n\n正文。\n', line: 11, column: 1 },
  'heading-order': { body: article('甲', '###### 细目\n\n正文。'), line: 13, column: 1 },
  'subtitle-position': { body: article('甲', '正文。\n\n――副标题'), line: 15, column: 1 },
  'raw-html': { body: article('甲', '正文<b>加粗</b>'), line: 13, column: 3 },
  'unsafe-url': { body: article('甲', '见[脚本](javascript:alert(1))。'), line: 13, column: 2 },
  'no-sections': { body: '', line: 9, column: 1 },
  // Messages about a picture point at its `![`, also inside a paragraph.
  'media-outside': { body: article('甲', '见图：![图](../../etc/passwd)'), files: {}, line: 13, column: 4 },
  'picture-scheme': { body: picture('javascript:alert(1)'), files: {}, line: 15, column: 1 },
  'picture-remote': { body: picture('https://example.com/a.jpg'), files: {}, line: 15, column: 1 },
  'picture-missing': { body: picture('2018-01/a.jpg'), files: {}, line: 15, column: 1 },
  'picture-format': {
    body: picture('2018-01/a.jpg'),
    files: { '2018/2018-01/a.jpg': '不是图片' },
    line: 15,
    column: 1,
  },
  'picture-too-large': {
    body: picture('2018-01/a.png'),
    files: { '2018/2018-01/a.png': png(100_000, 100_000, { declared: true }) },
    line: 15,
    column: 1,
  },
  'picture-narrow': {
    body: picture('2018-01/a.png'),
    files: { '2018/2018-01/a.png': png(399, 1) },
    line: 15,
    column: 1,
  },
  'picture-in-text': {
    body: article('甲', '见下图 ![图](2018-01/a.png) 。'),
    files: { '2018/2018-01/a.png': png(400, 1) },
    line: 13,
    column: 5,
  },
  'picture-caption': {
    body: picture('2018-01/a.png', ''),
    files: { '2018/2018-01/a.png': png(400, 1) },
    line: 15,
    column: 1,
  },
  // Messages about the original point at its `original:` value, or at the file's start when found by convention.
  'original-missing': { body: article('甲'), fields: { original: 'x.pdf' }, files: {}, line: 8, column: 11 },
  'original-format': { body: article('甲'), files: { '2018/2018-01.pdf': '不是 PDF' }, line: 1, column: 1 },
  'original-page': { body: article('甲 {page=2}'), files: { '2018/2018-01.pdf': pdf(1) }, line: 11, column: 7 },
  // Near misses: marks typed so that Markdown reads text; messages point at the line's first character.
  'heading-mark': { body: article('甲', '正文。\n\n＃＃ 园区掠影'), line: 15, column: 1 },
  'attribute-braces': { body: article('甲 ｛#a page=1｝'), line: 11, column: 7 },
  'title-length': { body: article('甲'.repeat(61)), line: 11, column: 1 },
  'subtitle-joined': { body: article('甲', '——副标题\n正文。'), line: 14, column: 1 },
  'subtitle-mark': { body: article('甲', '—副标题\n\n正文。'), line: 13, column: 1 },
  'blank-line-missing': { body: article('甲', '正文。\n图：现场'), line: 14, column: 1 },
  'caption-mark': { body: article('甲', '正文。\n\n图片：现场'), line: 15, column: 1 },
  'picture-mark': { body: article('甲', '正文。\n\n！[现场]（2018-01/a.jpg）'), line: 15, column: 1 },
  'unknown-park': { body: article('赴  **苏州**工业园区调研', '前往   无锡高新区考察。'), line: 11, column: 10 },
};

describe('every content rule, one per module', () => {
  it('has a case here, and a unique id', () => {
    const ids = allRules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(cases).sort()).toEqual([...ids].sort());
  });

  it('are each in the rule list editors read (docs/content-format.md)', () => {
    const docs = readFileSync(join(repoRoot, 'docs/content-format.md'), 'utf8');
    const list = docs.split('\n').find((line) => line.startsWith('规则一览'));
    expect(allRules.map((rule) => rule.id).filter((id) => !list?.includes(`\`${id}\``))).toEqual([]);
  });

  it.each(allRules.map((rule) => [rule.id, rule] as const))(
    '%s fires with its default severity at the place the nodes give',
    async (id, rule) => {
      const expected = cases[id];
      if (!expected) throw new Error(`no case for ${id}`);
      const found = (await lint(expected.body, allRules, expected)).filter((d) => d.rule === id);
      expect(found[0]).toEqual({ rule: id, severity: rule.severity, line: expected.line, column: expected.column });
    },
  );

  // With a picture and an original as they should be, so that the media rules have something to pass.
  const validFiles = { '2018/2018-01/a.png': png(400, 300), '2018/2018-01.pdf': pdf(1) };
  const valid = article(
    '甲 {#a page=1}',
    '——副标题\n\n正文，泰州医药高新区。\n\n#### （一）小标题\n\n正文。\n\n图：现场\n\n![会场](2018-01/a.png)',
  );
  it.each(allRules.map((rule) => rule.id))('%s is quiet on a valid issue', async (id) => {
    expect((await lint(valid, allRules, { files: validFiles })).filter((d) => d.rule === id)).toEqual([]);
  });

  it('finds a park-like name in the text with its own line and column', async () => {
    const found = (await lint(article('甲', '第一行，\n前往无锡高新区考察。'))).filter(
      (d) => d.rule === 'unknown-park',
    );
    expect(found).toEqual([{ rule: 'unknown-park', severity: 'warning', line: 14, column: 3 }]);
  });

  it('tells each unknown park-like name once per issue, where it first appears, with all its lines', async () => {
    const text = '前往无锡高新区考察。无锡高新区……\n\n再谈，无锡高新区与常州高新区。';
    const body = `${article('无锡高新区调研', text)}\n### 乙\n\n无锡高新区。\n`;
    const found = (await lint(body)).filter((d) => d.rule === 'unknown-park');
    expect(found.map(({ line, column }) => [line, column])).toEqual([
      [11, 5],
      [15, 10],
    ]);
    const file = new VFile({ path: 'a.md', value: masthead() + body });
    const parsed = parseSource('a.md', String(file.value));
    if (!parsed.ok) throw new Error('unparsed');
    lintIssue(parsed.source.tree, file, structureIssue(parsed.source.tree, table), table, parkRules);
    expect(file.messages.map((m) => m.reason)).toEqual([
      '“无锡高新区” 像是园区名称，但不在园区名录中。如是园区，请把它（或它的全称与简称）加到 content/parks.yaml。' +
        '本期共 5 处：第 11、13、15、19 行。',
      '“常州高新区” 像是园区名称，但不在园区名录中。如是园区，请把它（或它的全称与简称）加到 content/parks.yaml。',
    ]);
  });

  it('runs only the rules it is given', async () => {
    expect(await lint('### 甲\n\n正文。\n', [])).toEqual([]);
  });
});
