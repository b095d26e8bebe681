import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Issue } from '../../src/model.ts';
import { importDocx } from '../../src/import/import-docx.ts';
import type { ImportedIssue } from '../../src/import/imported-issue.ts';
import { repoRoot } from '../helpers/content.ts';
import { importFixture, issueModel, picturesOf } from './imported-model.ts';

/**
 * Each Word fixture imported (issue 15), written as `npm run import` writes it, read back by the
 * pipeline and compared with the fixture's expected archive: the same model, field for field, and
 * the same pictures in the same order, byte for byte (a .docx stores its photos as files, and the
 * import hands them over unchanged). A .docx has no pages: printed pages come from the contents,
 * and there is no original, unless the PDF it was printed to is given: then the physical pages
 * come from that PDF and it is the original (the expected archive gets a copy of it).
 */
const fixtureDir = join(repoRoot, 'tests/fixtures/docx-import');

interface Case {
  name: string;
  /** The Word file, relative to the fixture folder. */
  docx: string;
  /** The expected issue file, relative to the fixture's `expected/`. */
  issue: string;
  /** The import's warnings, by rule: each is a decision the editor should check. */
  warnings: string[];
  /** The PDF the Word file was printed to, relative to tests/fixtures: given as `printedPdf`. */
  pdf?: string;
}

const cases: Case[] = [
  { name: 'seed-2018-01', docx: 'bulletin-2018-01.docx', issue: '2018/2018-01', warnings: ['import-title-differs'] },
  {
    name: 'seed-2018-01',
    docx: 'bulletin-2018-01.docx',
    issue: '2018/2018-01',
    warnings: ['import-title-differs'],
    pdf: 'pdf-import/seed-2018-01/expected/2018/2018-01.pdf',
  },
  { name: 'lo-cover-2018-02', docx: 'lo-cover-2018-02.docx', issue: '2018/2018-02', warnings: [] },
  {
    name: 'lo-cover-2018-02',
    docx: 'lo-cover-2018-02.docx',
    issue: '2018/2018-02',
    warnings: [],
    pdf: 'pdf-import/lo-cover-2018-02/expected/2018/2018-02.pdf',
  },
  { name: 'lo-dots-2019-01', docx: 'lo-dots-2019-01.docx', issue: '2019/2019-01', warnings: ['import-title-differs'] },
  {
    name: 'lo-dots-2019-01',
    docx: 'lo-dots-2019-01.docx',
    issue: '2019/2019-01',
    warnings: ['import-title-differs', 'import-page-mismatch'],
    pdf: 'pdf-import/lo-dots-2019-01/expected/2019/2019-01.pdf',
  },
  { name: 'docxjs-styles-2020-02', docx: 'docxjs-styles-2020-02.docx', issue: '2020/2020-02', warnings: [] },
  {
    name: 'docxjs-direct-2021-01',
    docx: 'docxjs-direct-2021-01.docx',
    issue: '2021/2021-01',
    // The text box: where it stood on the page is unknown.
    warnings: ['import-word-file'],
  },
];

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe.each(cases)(
  'importing the $name fixture Word file (PDF: $pdf)',
  ({ name, docx, issue: issuePath, warnings, pdf }) => {
    const contentDir = mkdtempSync(join(tmpdir(), `import-docx-${name}-`));
    made.push(contentDir);
    const printed = pdf === undefined ? undefined : new Uint8Array(readFileSync(join(repoRoot, 'tests/fixtures', pdf)));
    const expectedDir = printed
      ? expectedWithOriginal(join(fixtureDir, name), issuePath, printed)
      : join(fixtureDir, name, 'expected');
    let result: ImportedIssue;
    let imported: Issue;
    let expected: Issue;
    let importedDiagnostics: { severity: string; rule: string }[];

    beforeAll(async () => {
      ({
        result,
        imported,
        expected,
        diagnostics: importedDiagnostics,
      } = await importFixture(
        importDocx,
        { name: docx, bytes: new Uint8Array(readFileSync(join(fixtureDir, name, docx))) },
        expectedDir,
        contentDir,
        printed ? { printedPdf: { path: 'printed.pdf', bytes: printed } } : {},
      ));
    });

    it('gives the expected model, field for field', () => {
      expect(issueModel(imported)).toEqual(issueModel(expected));
    });

    it('writes the expected issue file itself', () => {
      expect(result.markdown).toBe(readFileSync(join(expectedDir, `${issuePath}.md`), 'utf8'));
    });

    it('passes the checker with no error and no warning beyond unknown parks', () => {
      expect(importedDiagnostics.filter((d) => d.rule !== 'unknown-park')).toEqual([]);
    });

    it('reports exactly the decisions it was unsure of, each at a line of the written file', () => {
      expect(result.diagnostics.map((d) => d.rule)).toEqual(warnings);
      expect(result.linesIn).toBe('markdown');
      const lines = result.markdown?.split('\n') ?? [];
      for (const d of result.diagnostics) {
        const line = lines[d.line - 1];
        expect(line, d.message).toBeDefined();
        if (/^import-(title-differs|page-mismatch)$/.test(d.rule)) expect(line).toMatch(/^### /);
      }
    });

    it('hands over the Word file’s own pictures, in order, byte for byte', () => {
      const ours = picturesOf(imported, contentDir);
      const theirs = picturesOf(expected, expectedDir);
      expect(ours.length).toBe(theirs.length);
      expect(ours.length).toBeGreaterThan(0);
      for (const [index, path] of ours.entries())
        expect(readFileSync(path).equals(readFileSync(theirs[index] ?? '')), path).toBe(true);
    });

    it('has the printed PDF as its original when given one, and none otherwise', () => {
      if (printed) {
        expect(Buffer.from(result.original ?? []).equals(Buffer.from(printed))).toBe(true);
        expect(imported.original?.pages).toBeGreaterThan(0);
      } else {
        expect(result.original).toBeUndefined();
        expect(existsSync(join(contentDir, `${issuePath}.pdf`))).toBe(false);
      }
    });
  },
);

/**
 * The fixture's expected archive with the PDF beside its issue file as the original, in a folder of
 * its own: `expected/`, with the issue file of `expected-with-pdf/` in place of its own where the
 * PDF's pages change it (an unnumbered cover, an out-of-date contents entry).
 */
function expectedWithOriginal(fixture: string, issuePath: string, pdf: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'import-docx-expected-'));
  made.push(dir);
  cpSync(join(fixture, 'expected'), dir, { recursive: true });
  if (existsSync(join(fixture, 'expected-with-pdf')))
    cpSync(join(fixture, 'expected-with-pdf'), dir, { recursive: true });
  writeFileSync(join(dir, `${issuePath}.pdf`), pdf);
  return dir;
}
