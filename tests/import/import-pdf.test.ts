import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Issue } from '../../src/model.ts';
import { importPdf } from '../../src/import/import-pdf.ts';
import type { ImportedIssue } from '../../src/import/imported-issue.ts';
import { repoRoot } from '../helpers/content.ts';
import { importFixture, issueModel, picturesOf } from './imported-model.ts';

/**
 * Each PDF fixture imported (issue 14), written as `npm run import` writes it, read back by the
 * pipeline and compared with the fixture's expected archive: the same model, field for field, and
 * the same pictures in the same order (JPEGs byte for byte where the PDF stores one, else pixel
 * for pixel within JPEG's loss). The fixtures come from two PDF writers (LibreOffice and
 * Chromium's print) with different fonts, page marks, contents layouts, subtitles and captions.
 */
const fixtureDir = join(repoRoot, 'tests/fixtures/pdf-import');

interface Case {
  name: string;
  /** The expected issue file, relative to the fixture folder. */
  issue: string;
  /** The import's warnings, as `rule@PDF page`: each is a decision the editor should check. */
  warnings: string[];
}

const cases: Case[] = [
  { name: 'seed-2018-01', issue: '2018/2018-01', warnings: ['import-title-differs@2'] },
  { name: 'lo-cover-2018-02', issue: '2018/2018-02', warnings: [] },
  {
    name: 'lo-dots-2019-01',
    issue: '2019/2019-01',
    warnings: ['import-title-differs@1', 'import-page-mismatch@6'],
  },
  {
    name: 'chromium-dash-2019-02',
    issue: '2019/2019-02',
    warnings: ['import-pdf-page', 'import-pdf-page', 'import-pdf-page'],
  },
  {
    name: 'chromium-header-2020-01',
    issue: '2020/2020-01',
    warnings: ['import-pdf-page', 'import-pdf-page', 'import-pdf-page', 'import-title-differs@3'],
  },
];

/**
 * LibreOffice drops a space the author typed where the line broke (`1996 年` at a line end), and
 * nothing in the PDF says it was there: text is compared with spaces between Chinese and Latin
 * folded. docs/import.md tells editors so.
 */
const fold = (text: string) =>
  text.replace(/(?<=[\p{Script=Han}，。])\s+(?=[0-9A-Za-z])|(?<=[0-9A-Za-z])\s+(?=[\p{Script=Han}])/gu, '');

async function pixels(path: string) {
  return sharp(readFileSync(path)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe.each(cases)('importing the $name fixture PDF', ({ name, issue: issuePath, warnings }) => {
  const expectedDir = join(fixtureDir, name, 'expected');
  const pdfPath = join(expectedDir, `${issuePath}.pdf`);
  const contentDir = mkdtempSync(join(tmpdir(), `import-pdf-${name}-`));
  made.push(contentDir);
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
      importPdf,
      { name: `${name}.pdf`, bytes: new Uint8Array(readFileSync(pdfPath)) },
      expectedDir,
      contentDir,
    ));
  });

  it('gives the expected model, field for field', () => {
    expect(issueModel(imported, { text: fold })).toEqual(issueModel(expected, { text: fold }));
  });

  it('passes the checker with no error and no warning beyond unknown parks', () => {
    expect(importedDiagnostics.filter((d) => d.rule !== 'unknown-park')).toEqual([]);
  });

  it('reports exactly the decisions it was unsure of, each with its PDF page and a line of the written file', () => {
    const found = result.diagnostics.map((d) => {
      const page = /（PDF 第 (\d+) 页）$/.exec(d.message)?.[1];
      return page === undefined ? d.rule : `${d.rule}@${page}`;
    });
    expect(found).toEqual(warnings);
    expect(result.linesIn).toBe('markdown');
    const lines = result.markdown?.split('\n') ?? [];
    for (const d of result.diagnostics) {
      const line = lines[d.line - 1];
      expect(line, d.message).toBeDefined();
      // A finding about a title points at the title's heading in the written file.
      if (d.rule === 'import-title-differs' || d.rule === 'import-page-mismatch') expect(line).toMatch(/^### /);
    }
  });

  it('extracts the expected pictures in order: stored JPEGs byte for byte, others of like pixels', async () => {
    const ours = picturesOf(imported, contentDir);
    const theirs = picturesOf(expected, expectedDir);
    expect(ours.length).toBe(theirs.length);
    for (const [index, path] of ours.entries()) {
      const reference = theirs[index] ?? '';
      const bytes = readFileSync(path);
      expect(bytes.subarray(0, 3), `${path} is a JPEG`).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
      const original = readFileSync(reference);
      // A JPEG the PDF stores (LibreOffice's and Chromium's, ICC profile or not) is handed over as it is.
      if (original[0] === 0xff && original[1] === 0xd8) {
        expect(bytes.equals(original), `${path}: the PDF's JPEG byte for byte`).toBe(true);
        continue;
      }
      const [a, b] = await Promise.all([pixels(path), pixels(reference)]);
      expect([a.info.width, a.info.height], path).toEqual([b.info.width, b.info.height]);
      let difference = 0;
      for (let i = 0; i < a.data.length; i++) difference += Math.abs((a.data[i] ?? 0) - (b.data[i] ?? 0));
      // JPEG at quality 90 of a photo is off by a level or two per channel on average; another picture is dozens.
      expect(difference / a.data.length, path).toBeLessThan(4);
    }
  });

  it('keeps the PDF itself as the original, byte for byte', () => {
    expect(Buffer.from(result.original ?? new Uint8Array()).equals(readFileSync(pdfPath))).toBe(true);
    const copied = readFileSync(join(dirname(join(contentDir, `${issuePath}.md`)), `${issuePath.split('/')[1]}.pdf`));
    expect(copied.equals(readFileSync(pdfPath))).toBe(true);
  });
});
