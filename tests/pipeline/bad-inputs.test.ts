import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/archive/load-archive.ts';
import { makeContentDir, masthead, minimalBody } from '../helpers/content.ts';

const issue = (fields: Partial<Record<string, string | number>> = {}, body = minimalBody) => masthead(fields) + body;
const utf8 = (text: string) => new TextEncoder().encode(text);

/** Each case: files of a content folder → the rule that must fire, in which file, at which line. */
const cases: { name: string; files: Record<string, string | Uint8Array>; rule: string; file: string; line: number }[] =
  [
    { name: 'empty file', files: { '2018/2018-01.md': '' }, rule: 'empty-file', file: '2018/2018-01.md', line: 1 },
    {
      name: 'no front matter',
      files: { '2018/2018-01.md': minimalBody },
      rule: 'front-matter-missing',
      file: '2018/2018-01.md',
      line: 1,
    },
    {
      name: 'bad YAML',
      files: { '2018/2018-01.md': `---\nseries: 国家生态工业园区 工作动态\nyear: [2018\n---\n${minimalBody}` },
      rule: 'front-matter-syntax',
      file: '2018/2018-01.md',
      line: 3,
    },
    {
      name: 'missing field',
      files: { '2018/2018-01.md': issue({ publisher: undefined }) },
      rule: 'front-matter-field',
      file: '2018/2018-01.md',
      line: 1,
    },
    {
      name: 'wrong type',
      files: { '2018/2018-01.md': issue({ year: '二〇一八' }) },
      rule: 'front-matter-field',
      file: '2018/2018-01.md',
      line: 4,
    },
    {
      name: 'impossible date',
      files: { '2018/2018-01.md': issue({ date: '2018-02-30' }) },
      rule: 'date-invalid',
      file: '2018/2018-01.md',
      line: 7,
    },
    {
      name: 'unknown section',
      files: { '2018/2018-01.md': issue({}, '## 政策解读\n\n### 甲\n\n正文。\n') },
      rule: 'unknown-section',
      file: '2018/2018-01.md',
      line: 9,
    },
    {
      name: 'article outside a section',
      files: { '2018/2018-01.md': issue({}, '### 甲\n\n正文。\n') },
      rule: 'article-outside-section',
      file: '2018/2018-01.md',
      line: 9,
    },
    {
      name: 'empty section',
      files: { '2018/2018-01.md': issue({}, `## 经验交流\n\n${minimalBody}`) },
      rule: 'empty-section',
      file: '2018/2018-01.md',
      line: 9,
    },
    {
      name: 'subtitle in the wrong place',
      files: { '2018/2018-01.md': issue({}, `${minimalBody}\n——副标题\n`) },
      rule: 'subtitle-position',
      file: '2018/2018-01.md',
      line: 15,
    },
    {
      name: 'page number zero',
      files: { '2018/2018-01.md': issue({}, `${minimalBody}\n### 乙 {page=0}\n\n正文。\n`) },
      rule: 'page-invalid',
      file: '2018/2018-01.md',
      line: 15,
    },
    {
      name: 'page going backwards',
      files: {
        '2018/2018-01.md': issue({}, minimalBody.replace('page=1', 'page=4') + '\n### 乙 {page=3}\n\n正文。\n'),
      },
      rule: 'page-order',
      file: '2018/2018-01.md',
      line: 15,
    },
    {
      name: 'file not named after its issue',
      files: { '2018/2018-1.md': issue() },
      rule: 'file-name',
      file: '2018/2018-1.md',
      line: 1,
    },
    {
      name: 'file in the wrong year folder',
      files: { '2019/2018-01.md': issue() },
      rule: 'file-name',
      file: '2019/2018-01.md',
      line: 1,
    },
    {
      name: 'duplicate year and number',
      files: { '2018/2018-01.md': issue(), 'misc/copy.md': issue({ cumulativeNumber: 11 }) },
      rule: 'duplicate-issue',
      file: 'misc/copy.md',
      line: 5,
    },
    {
      name: 'duplicate cumulative number',
      files: { '2018/2018-01.md': issue(), '2018/2018-02.md': issue({ number: 2, date: '2018-09-01' }) },
      rule: 'duplicate-cumulative-number',
      file: '2018/2018-02.md',
      line: 6,
    },
    {
      name: 'cumulative numbers not increasing with date',
      files: {
        '2018/2018-01.md': issue(),
        '2018/2018-02.md': issue({ number: 2, cumulativeNumber: 9, date: '2018-09-01' }),
      },
      rule: 'cumulative-order',
      file: '2018/2018-02.md',
      line: 6,
    },
    {
      name: 'invalid UTF-8',
      files: { '2018/2018-01.md': new Uint8Array([...utf8(issue()), 0xc4, 0xe3]) },
      rule: 'encoding',
      file: '2018/2018-01.md',
      line: 14,
    },
    {
      name: 'binary garbage',
      files: { '2018/2018-01.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]) },
      rule: 'binary-file',
      file: '2018/2018-01.md',
      line: 3,
    },
    { name: 'no issues at all', files: {}, rule: 'no-issues', file: '', line: 1 },
  ];

describe('bad content is reported with its rule and line, never thrown', () => {
  it.each(cases)('$name → $rule at $file:$line', async ({ files, rule, file, line }) => {
    const dir = makeContentDir(files);
    const archive = await loadArchive(dir);
    expect(archive.diagnostics).toContainEqual(
      expect.objectContaining({ rule, line, severity: 'error', path: file === '' ? dir : join(dir, file) }),
    );
  });

  it('names the content folder as the editor gave it in the file-name hint', async () => {
    const dir = makeContentDir({ '2018/2018-1.md': issue() });
    const archive = await loadArchive(dir, 'archive/bulletin');
    const misnamed = archive.diagnostics.find((d) => d.rule === 'file-name');
    expect(misnamed?.path).toBe('archive/bulletin/2018/2018-1.md');
    expect(misnamed?.message).toContain('应保存为 archive/bulletin/2018/2018-01.md');
  });

  it('reports a missing column table', async () => {
    const dir = makeContentDir({ '2018/2018-01.md': issue() }, { withSectionTable: false });
    const archive = await loadArchive(dir);
    expect(archive.diagnostics).toContainEqual(
      expect.objectContaining({ rule: 'section-table', path: join(dir, 'sections.yaml') }),
    );
  });

  it('accepts a BOM and CRLF line ends', async () => {
    const text = issue().replace(/\n/g, '\r\n');
    const dir = makeContentDir({ '2018/2018-01.md': new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]) });
    const archive = await loadArchive(dir);
    expect(archive.diagnostics).toEqual([]);
    expect(archive.issues[0]?.sections[0]?.articles[0]?.text).toBe('正文第一段。');
  });

  it('keeps a valid issue out of the archive only when it has errors', async () => {
    const dir = makeContentDir({
      '2018/2018-01.md': issue(),
      '2018/2018-02.md': issue({ number: 2, cumulativeNumber: 11, date: '2018-13-01' }),
    });
    const archive = await loadArchive(dir);
    expect(archive.issues.map((i) => i.id)).toEqual(['2018-01']);
  });
});
