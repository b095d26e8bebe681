import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImportCommand } from '../../src/cli/import-command.ts';
import { PdfImportError } from '../../src/core/errors.ts';
import { importBulletin } from '../../src/import/import-bulletin.ts';
import { importDocx } from '../../src/import/import-docx.ts';
import type { ImportedIssue } from '../../src/import/imported-issue.ts';
import type { Importer } from '../../src/import/importer.ts';
import { importText } from '../../src/import/importer.ts';
import { detectInputKind } from '../../src/import/input-kind.ts';
import { makeContentDir, repoRoot, seedTextPath } from '../helpers/content.ts';
import { defined } from '../helpers/defined.ts';
import { table } from './helpers.ts';

/**
 * `npm run import` in-process with stand-in importers: what the command does around the PDF
 * importer (kinds, messages, writing all or nothing, --force, --out), independent of how the PDF
 * is read. The stand-in gives what a perfect import of the seed PDF gives: the fixture's expected
 * issue file, its two photos and the PDF itself.
 */
const seed = join(repoRoot, 'tests/fixtures/pdf-import/seed-2018-01/expected/2018');
const seedPdf = readFileSync(join(seed, '2018-01.pdf'));
const seedMarkdown = readFileSync(join(seed, '2018-01.md'), 'utf8');
const photo = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(join(seed, '2018-01', name))) });
/** The seed's columns and articles, as the outline the summary counts. */
const seedOutline = defined(importBulletin('seed.txt', readFileSync(seedTextPath), table).outline, 'the seed outline');

const perfectImport = (path: string, changes: Partial<ImportedIssue> = {}): ImportedIssue => {
  const text = importBulletin(path, readFileSync(seedTextPath), table);
  return {
    markdown: seedMarkdown,
    masthead: defined(text.masthead, 'the seed masthead'),
    outline: seedOutline,
    diagnostics: [
      {
        path,
        line: 16,
        column: 1,
        severity: 'warning',
        rule: 'import-caption-distance',
        message: '图注离图片较远（第 2 页）',
      },
    ],
    pictures: [photo('p2-1.jpg'), photo('p5-1.jpg')],
    original: new Uint8Array(seedPdf),
    ...changes,
  };
};

const unexpected: Importer = () => Promise.reject(new Error('this importer must not be called'));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function runImport(
  dir: string,
  argv: string[],
  pdf: Importer = (path) => Promise.resolve(perfectImport(path)),
  word: Importer = importDocx,
): Promise<Run> {
  const run = { stdout: '', stderr: '' };
  const code = await runImportCommand({
    argv,
    contentDir: dir,
    cwd: dir,
    importers: { pdf, text: importText, word },
    write: (text) => (run.stdout += text),
    writeError: (text) => (run.stderr += text),
  });
  return { code, ...run };
}

/** Every file under `dir` (hidden ones too), relative, sorted: what a run left behind. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** Every entry, folders included: a run that fails must not leave an empty folder either. */
const entries = (dir: string) => (readdirSync(dir, { recursive: true }) as string[]).sort();

const stackTrace = /\n\s+at /;
const diagnosticLine = /^\S+:\d+:\d+ {2}(error|warning) {2}.+ {2}\([a-z-]+\)$/;

/** A minimal .docx as far as kind detection goes: a zip whose first member is word/document.xml. */
const docx = Buffer.concat([
  Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]),
  Buffer.alloc(16),
  Buffer.from([17, 0, 0, 0]),
  Buffer.from('word/document.xml'),
  Buffer.from('compressed xml…'),
]);

describe('the input kind, by bytes', () => {
  it('tells PDF, Word and text apart whatever the file is called', () => {
    expect(detectInputKind(seedPdf)).toBe('pdf');
    expect(detectInputKind(Buffer.concat([Buffer.from('junk before the header\n'), seedPdf]))).toBe('pdf');
    expect(detectInputKind(docx)).toBe('word');
    expect(detectInputKind(readFileSync(seedTextPath))).toBe('text');
    // A zip that is no Word document, and a text that mentions %PDF- later on, are text (and fail as such).
    expect(detectInputKind(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x78, 0x6c]))).toBe('text');
    expect(detectInputKind(Buffer.concat([Buffer.alloc(1100, 0x20), Buffer.from('%PDF-1.7')]))).toBe('text');
    expect(detectInputKind(new Uint8Array())).toBe('text');
  });
});

describe('npm run import on what it cannot import', () => {
  it('reads a Word file as Word whatever it is called, and says once that a damaged one cannot be opened', async () => {
    const dir = makeContentDir({ '原稿.docx': docx, '原稿.pdf': docx });
    for (const name of ['原稿.docx', '原稿.pdf']) {
      const run = await runImport(dir, [name], unexpected);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(
        new RegExp(`^${name}:1:1 {2}error {2}这个 Word 文件已损坏.*另存为 \\.docx.* {2}\\(import-word\\)\\n$`),
      );
    }
    expect(files(dir)).toEqual(['sections.yaml', '原稿.docx', '原稿.pdf']);
  });

  it('writes a Word import as the issue file and its pictures, with no original', async () => {
    const dir = makeContentDir({ '原稿.docx': docx });
    const word: Importer = (path) => {
      const { original: _, ...issue } = perfectImport(path);
      return Promise.resolve(issue);
    };
    const run = await runImport(dir, ['原稿.docx'], unexpected, word);
    expect(run.stderr).not.toMatch(stackTrace);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/2 张图片写入 2018\/2018-01\//);
    expect(run.stdout).not.toContain('原刊 PDF');
    expect(files(dir)).toEqual([
      '2018/2018-01.md',
      '2018/2018-01/p2-1.jpg',
      '2018/2018-01/p5-1.jpg',
      'sections.yaml',
      '原稿.docx',
    ]);
  });

  it('stops after an encoding error with that one message (no masthead message after it)', async () => {
    const dir = makeContentDir({ 'binary.txt': Uint8Array.from([0x41, 0, 0x42, 0xff]) });
    const run = await runImport(dir, ['binary.txt'], unexpected);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^binary\.txt:1:1 {2}error {2}文件含有二进制数据.* {2}\(import-encoding\)\n$/);
    expect(run.stderr).not.toContain('刊头');
    expect(files(dir)).toEqual(['binary.txt', 'sections.yaml']);
  });

  it('still says the masthead is incomplete when that is what failed', async () => {
    const dir = makeContentDir({ 'no-masthead.txt': '只有一行正文。\n' });
    const run = await runImport(dir, ['no-masthead.txt'], unexpected);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('导入失败：刊头信息不全');
  });

  it('prints a PDF the importer cannot read as one clean error, thrown or reported, and writes nothing', async () => {
    const dir = makeContentDir({ 'scan.pdf': seedPdf });
    const message = 'PDF 里没有任何可读取的文字，可能是扫描件或图片。本工具不做文字识别（OCR）。';
    const thrown = await runImport(dir, ['scan.pdf'], () => Promise.reject(new PdfImportError(message)));
    expect(thrown.code).toBe(1);
    expect(thrown.stderr).toBe(`scan.pdf:1:1  error  ${message}  (import-pdf)\n`);
    const reported = await runImport(dir, ['scan.pdf'], (path) =>
      Promise.resolve({
        pictures: [],
        diagnostics: [{ path, line: 1, column: 1, severity: 'error', rule: 'pdf-no-text', message }],
      }),
    );
    expect(reported.code).toBe(1);
    expect(reported.stderr).toBe(`scan.pdf:1:1  error  ${message}  (pdf-no-text)\n`);
    // An error beside a finished issue still stops the import: errors mean "do not write".
    const both = await runImport(dir, ['scan.pdf'], (path) =>
      Promise.resolve(
        perfectImport(path, {
          diagnostics: [
            { path, line: 3, column: 1, severity: 'error', rule: 'pdf-damaged-font', message: '字体已损坏' },
          ],
        }),
      ),
    );
    expect(both.code).toBe(1);
    const bug = await runImport(dir, ['scan.pdf'], () => Promise.reject(new TypeError('x is undefined')));
    expect(bug.code).toBe(1);
    expect(bug.stderr).toMatch(/^程序内部出错（TypeError: x is undefined）/);
    for (const run of [thrown, reported, both, bug]) expect(run.stderr).not.toMatch(stackTrace);
    expect(files(dir)).toEqual(['scan.pdf', 'sections.yaml']);
  });

  it('mentions PDF and Word in its usage, and wants a .md name for --out of either', async () => {
    const dir = makeContentDir({ '2018年第1期.pdf': seedPdf });
    const usage = await runImport(dir, []);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^用法：npm run import -- <原刊\.pdf、Word 原文\.docx 或 原文\.txt>/);
    const badOut = await runImport(dir, ['2018年第1期.pdf', '--out', 'draft'], unexpected);
    expect(badOut.code).toBe(2);
    expect(badOut.stderr).toContain('--out 须是 .md 文件');
    writeFileSync(join(dir, '原稿.docx'), docx);
    const badWordOut = await runImport(dir, ['原稿.docx', '--out', 'draft'], unexpected, unexpected);
    expect(badWordOut.code).toBe(2);
    expect(badWordOut.stderr).toContain('--out 须是 .md 文件');
  });
});

describe('npm run import of a PDF', () => {
  it('writes the issue, its pictures into the media folder and the original beside it, then checks them', async () => {
    const dir = makeContentDir({ '2018年第1期.pdf': seedPdf });
    const run = await runImport(dir, ['2018年第1期.pdf']);
    expect(run.stderr).not.toMatch(/error/);
    expect(run.code).toBe(0);
    expect(files(dir)).toEqual([
      '2018/2018-01.md',
      '2018/2018-01.pdf',
      '2018/2018-01/p2-1.jpg',
      '2018/2018-01/p5-1.jpg',
      '2018年第1期.pdf',
      'sections.yaml',
    ]);
    expect(readFileSync(join(dir, '2018/2018-01.md'), 'utf8')).toBe(seedMarkdown);
    expect(readFileSync(join(dir, '2018/2018-01.pdf')).equals(seedPdf)).toBe(true);
    expect(readFileSync(join(dir, '2018/2018-01/p2-1.jpg'))).toEqual(Buffer.from(photo('p2-1.jpg').bytes));
    expect(run.stderr).toBe('2018年第1期.pdf:16:1  warning  图注离图片较远（第 2 页）  (import-caption-distance)\n');
    expect(run.stdout).toContain(
      '已写入 2018/2018-01.md：3 个栏目，5 篇文章，2 幅插图有图片，0 处图片待补；' +
        '2 张图片写入 2018/2018-01/，原刊 PDF 复制为 2018/2018-01.pdf；1 个导入警告。',
    );
    expect(run.stdout).toContain('检查通过。');
    expect(run.stdout).not.toContain('补上图片');
  });

  it('counts captions still without pictures, and prints the checker’s findings as path:line:col', async () => {
    const dir = makeContentDir({ 'in.pdf': seedPdf });
    const captionOnly = seedMarkdown.replace('![调研现场](2018-01/p5-1.jpg)', '图：调研现场');
    const run = await runImport(dir, ['in.pdf'], (path) =>
      Promise.resolve(perfectImport(path, { markdown: captionOnly, pictures: [photo('p2-1.jpg')] })),
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1 幅插图有图片，1 处图片待补；1 张图片写入');
    expect(run.stdout).toContain('并补上图片');
    expect(
      run.stderr
        .trim()
        .split('\n')
        .every((line) => diagnosticLine.test(line)),
    ).toBe(true);
  });

  it('refuses, without --force, to overwrite the issue, a picture of that name or the PDF, naming each', async () => {
    const dir = makeContentDir({
      'in.pdf': seedPdf,
      '2018/2018-01/p5-1.jpg': 'the editor’s photo',
      '2018/2018-01.pdf': 'old',
    });
    const run = await runImport(dir, ['in.pdf']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^2018\/2018-01\/p5-1\.jpg:1:1 {2}error {2}文件已存在.*--force.* {2}\(output-exists\)$/m,
    );
    expect(run.stderr).toMatch(/^2018\/2018-01\.pdf:1:1 {2}error {2}文件已存在.* {2}\(output-exists\)$/m);
    expect(run.stderr).toContain('没有写出任何文件。');
    expect(run.stdout).toBe('');
    expect(files(dir)).toEqual(['2018/2018-01.pdf', '2018/2018-01/p5-1.jpg', 'in.pdf', 'sections.yaml']);
    expect(readFileSync(join(dir, '2018/2018-01/p5-1.jpg'), 'utf8')).toBe('the editor’s photo');

    const issueOnly = makeContentDir({ 'in.pdf': seedPdf, '2018/2018-01.md': '编辑改过的文字\n' });
    const refused = await runImport(issueOnly, ['in.pdf']);
    expect(refused.stderr).toMatch(/^2018\/2018-01\.md:1:1 {2}error {2}文件已存在.* {2}\(output-exists\)$/m);
    expect(files(issueOnly)).toEqual(['2018/2018-01.md', 'in.pdf', 'sections.yaml']);
  });

  it('with --force replaces only the files the import writes: other files in the media folder stay', async () => {
    const dir = makeContentDir({
      'in.pdf': seedPdf,
      '2018/2018-01.md': '编辑改过的文字\n',
      '2018/2018-01.pdf': 'old pdf',
      '2018/2018-01/p2-1.jpg': 'old photo',
      '2018/2018-01/editor-added.jpg': 'the editor’s own photo',
      '2018/2018-01/notes.txt': '编辑的笔记',
    });
    const run = await runImport(dir, ['in.pdf', '--force']);
    expect(run.stderr).not.toMatch(/error/);
    expect(files(dir)).toEqual([
      '2018/2018-01.md',
      '2018/2018-01.pdf',
      '2018/2018-01/editor-added.jpg',
      '2018/2018-01/notes.txt',
      '2018/2018-01/p2-1.jpg',
      '2018/2018-01/p5-1.jpg',
      'in.pdf',
      'sections.yaml',
    ]);
    expect(readFileSync(join(dir, '2018/2018-01.md'), 'utf8')).toBe(seedMarkdown);
    expect(readFileSync(join(dir, '2018/2018-01.pdf')).equals(seedPdf)).toBe(true);
    expect(readFileSync(join(dir, '2018/2018-01/p2-1.jpg'))).toEqual(Buffer.from(photo('p2-1.jpg').bytes));
    expect(readFileSync(join(dir, '2018/2018-01/editor-added.jpg'), 'utf8')).toBe('the editor’s own photo');
    expect(readFileSync(join(dir, '2018/2018-01/notes.txt'), 'utf8')).toBe('编辑的笔记');
  });

  it('never replaces a folder where a file goes, nor a file where the media folder goes', async () => {
    const dir = makeContentDir({ 'in.pdf': seedPdf, '2018/2018-01': 'a file, not a folder' });
    const run = await runImport(dir, ['in.pdf', '--force']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^2018\/2018-01:1:1 {2}error {2}这里已有同名的文件夹或文件.* {2}\(output-exists\)$/m);
    expect(files(dir)).toEqual(['2018/2018-01', 'in.pdf', 'sections.yaml']);
  });

  it('leaves nothing behind when a write fails midway, not even the folders it made', async () => {
    const dir = makeContentDir({ 'in.pdf': seedPdf });
    const before = entries(dir);
    // The first picture takes its place; the second's name is longer than a file system allows.
    const tooLong = `${'长'.repeat(100)}.jpg`;
    const run = await runImport(dir, ['in.pdf'], (path) =>
      Promise.resolve(perfectImport(path, { pictures: [photo('p2-1.jpg'), { ...photo('p5-1.jpg'), name: tooLong }] })),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /:1:1 {2}error {2}无法写入这个文件：文件名或路径太长.*ENAMETOOLONG.*已撤回.* {2}\(output-write\)$/m,
    );
    expect(run.stderr).toContain('没有写出任何文件。');
    expect(run.stderr).not.toMatch(stackTrace);
    expect(run.stdout).toBe('');
    expect(entries(dir)).toEqual(before);
  });

  it('with --force, a file that cannot be written leaves every file as it was', async () => {
    const old = {
      '2018/2018-01.md': '编辑改过的文字\n',
      '2018/2018-01/p2-1.jpg': 'old photo',
      '2018/2018-01.pdf': 'old',
    };
    const dir = makeContentDir({ 'in.pdf': seedPdf, ...old });
    const before = entries(dir);
    const run = await runImport(dir, ['in.pdf', '--force'], (path) =>
      Promise.resolve(
        perfectImport(path, {
          pictures: [photo('p2-1.jpg'), { ...photo('p5-1.jpg'), name: `${'x'.repeat(300)}.jpg` }],
        }),
      ),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/ENAMETOOLONG.*原有的文件保持不变/);
    expect(entries(dir)).toEqual(before);
    for (const [path, text] of Object.entries(old)) expect(readFileSync(join(dir, path), 'utf8')).toBe(text);
  });

  it('puts the media folder and the PDF beside --out with its name; the Markdown refers to them there', async () => {
    const dir = makeContentDir({ 'in.pdf': seedPdf });
    const drafts = makeContentDir({}, { withSectionTable: false });
    const run = await runImport(dir, ['in.pdf', '--out', join(drafts, '试导入 一.md')]);
    expect(run.stderr).not.toMatch(/error/);
    expect(run.code).toBe(0);
    expect(files(drafts)).toEqual(['试导入 一.md', '试导入 一.pdf', '试导入 一/p2-1.jpg', '试导入 一/p5-1.jpg']);
    const written = readFileSync(join(drafts, '试导入 一.md'), 'utf8');
    expect(written).toContain(`![调研现场](${encodeURIComponent('试导入 一')}/p5-1.jpg)`);
    expect(written.replaceAll(encodeURIComponent('试导入 一'), '2018-01')).toBe(seedMarkdown);
    expect(files(dir)).toEqual(['in.pdf', 'sections.yaml']);
    // A name the Markdown can take as it is stays readable.
    const plain = await runImport(dir, ['in.pdf', '--out', join(drafts, '第一期.md')]);
    expect(plain.code).toBe(0);
    expect(readFileSync(join(drafts, '第一期.md'), 'utf8')).toContain('![调研现场](第一期/p5-1.jpg)');
    expect(existsSync(join(drafts, '第一期.pdf'))).toBe(true);
  });

  it('writes a text import as before: the issue file only', async () => {
    const dir = makeContentDir({});
    writeFileSync(join(dir, 'seed.txt'), readFileSync(seedTextPath));
    const run = await runImport(dir, ['seed.txt'], unexpected);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('（原文编码 UTF-8）：3 个栏目，5 篇文章，0 幅插图有图片，2 处图片待补；7 个导入警告');
    expect(files(dir)).toEqual(['2018/2018-01.md', 'sections.yaml', 'seed.txt']);
  });
});
