import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { importDocx } from '../../src/import/import-docx.ts';
import type { ImportedIssue } from '../../src/import/imported-issue.ts';
import { makeContentDir, repoRoot } from '../helpers/content.ts';
import { table } from './helpers.ts';
import { runRealImport } from './imported-model.ts';

/**
 * The Word import given the PDF the .docx was printed to (`--pdf`, or a PDF of the same name beside
 * it): physical pages from where the PDF's titles stand, the PDF as the original; and a PDF that is
 * not this issue's, or no PDF at all, only a warning, the import going on with the contents' pages.
 */
const fixtures = join(repoRoot, 'tests/fixtures');
const seedDocx = readFileSync(join(fixtures, 'docx-import/seed-2018-01/bulletin-2018-01.docx'));
const seedPdf = readFileSync(join(fixtures, 'pdf-import/seed-2018-01/expected/2018/2018-01.pdf'));
const expected = readFileSync(join(fixtures, 'docx-import/seed-2018-01/expected/2018/2018-01.md'), 'utf8');
const otherIssuePdf = readFileSync(join(fixtures, 'pdf-import/lo-cover-2018-02/expected/2018/2018-02.pdf'));

const importWith = (pdf: Uint8Array, pdfPath = 'printed.pdf'): Promise<ImportedIssue> =>
  importDocx('bulletin.docx', new Uint8Array(seedDocx), table, { printedPdf: { path: pdfPath, bytes: pdf } });
const rules = (result: ImportedIssue) => result.diagnostics.map((d) => d.rule);

/** The seed PDF with an unnumbered blank page put in front, as a cover would be. */
async function withCover(pdf: Uint8Array): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf);
  const [width, height] = [document.getPage(0).getWidth(), document.getPage(0).getHeight()];
  document.insertPage(0, [width, height]);
  return document.save();
}

describe('the Word import with the PDF it was printed to', () => {
  it('finds every title on its contents page, so writes what the .docx alone gives, plus the original', async () => {
    const result = await importWith(seedPdf);
    expect(result.markdown).toBe(expected);
    expect(rules(result)).toEqual(['import-title-differs']);
    expect(Buffer.from(result.original ?? []).equals(seedPdf)).toBe(true);
  });

  it('takes the physical pages from the PDF: a cover in front shifts every article one page on', async () => {
    const covered = await withCover(seedPdf);
    const result = await importWith(covered);
    expect(result.markdown).toBe(expected.replace('date: 2018-06-29\n', 'date: 2018-06-29\noriginalPageOffset: 1\n'));
    expect(rules(result)).toEqual(['import-title-differs']);
    expect(result.original).toBe(covered);
  });

  it('says so when the PDF is another issue’s, and keeps the contents’ pages with no original', async () => {
    const result = await importWith(otherIssuePdf, '2018-02.pdf');
    expect(result.markdown).toBe(expected);
    expect(result.original).toBeUndefined();
    const warning = result.diagnostics.find((d) => d.rule === 'import-word-pdf');
    expect(warning?.message).toMatch(/^PDF 2018-02\.pdf 是 2018年第2期，Word 文件是 2018年第1期.*没有复制原刊 PDF。$/);
    expect(warning?.severity).toBe('warning');
  });

  it('says so when the PDF cannot be read, and goes on without it', async () => {
    const result = await importWith(new Uint8Array(seedDocx), 'not-a.pdf');
    expect(result.markdown).toBe(expected);
    expect(result.original).toBeUndefined();
    expect(result.diagnostics.find((d) => d.rule === 'import-word-pdf')?.message).toMatch(/^PDF not-a\.pdf 无法读取：/);
  });
});

describe('npm run import of a Word file and its PDF', () => {
  it('uses the PDF of the same name beside the .docx, and copies it in as the original', async () => {
    const dir = makeContentDir({ 'bulletin.docx': seedDocx, 'bulletin.pdf': seedPdf });
    const run = await runRealImport(dir, ['bulletin.docx']);
    expect(run.stderr).not.toMatch(/error/);
    expect(run.stdout).toMatch(/原刊 PDF bulletin\.pdf 复制为 2018\/2018-01\.pdf/);
    expect(readFileSync(join(dir, '2018/2018-01.pdf')).equals(seedPdf)).toBe(true);
    expect(run.code).toBe(0);
  });

  it('uses the PDF --pdf names instead, and warns when it is another issue’s', async () => {
    const dir = makeContentDir({ 'bulletin.docx': seedDocx, 'bulletin.pdf': seedPdf, 'other.pdf': otherIssuePdf });
    const run = await runRealImport(dir, ['bulletin.docx', '--pdf', 'other.pdf']);
    expect(run.stderr).toMatch(
      /^2018\/2018-01\.md:1:1 {2}warning {2}PDF other\.pdf 是 2018年第2期.* {2}\(import-word-pdf\)$/m,
    );
    expect(existsSync(join(dir, '2018/2018-01.md'))).toBe(true);
    expect(existsSync(join(dir, '2018/2018-01.pdf'))).toBe(false);
    expect(run.code).toBe(0);
  });

  it('refuses a --pdf that is missing, or given with a PDF or text input, writing nothing', async () => {
    const dir = makeContentDir({ 'bulletin.docx': seedDocx, 'bulletin.pdf': seedPdf });
    const missing = await runRealImport(dir, ['bulletin.docx', '--pdf', 'gone.pdf']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^gone\.pdf:1:1 {2}error {2}找不到或无法读取这个文件.* {2}\(file-not-found\)\n$/);
    const notWord = await runRealImport(dir, ['bulletin.pdf', '--pdf', 'bulletin.pdf']);
    expect(notWord.code).toBe(2);
    expect(notWord.stderr).toMatch(/^--pdf 只用于 Word 原文/);
    expect(readdirSync(dir).sort()).toEqual(['bulletin.docx', 'bulletin.pdf', 'sections.yaml']);
  });
});
