import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importPdf } from '../../src/import/import-pdf.ts';
import { pdfMessages } from '../../src/import/pdf/open-pdf.ts';
import { readPdfLayout } from '../../src/import/pdf/read-pdf.ts';
import { makeContentDir, repoRoot } from '../helpers/content.ts';
import { table } from './helpers.ts';
import { runRealImport } from './imported-model.ts';
import { makeBulletin, type BulletinSpec } from './pdf/make-bulletin.ts';
import { firstExtra, makePdf, text, ucs2 } from './pdf/make-pdf.ts';

/**
 * The PDF importer on hand-made bulletins, for what the writer-made fixtures never show: pictures
 * without a caption or outside every article, page numbers that disagree, and hostile files
 * (JavaScript actions, remote references, a damaged font, an image declaring gigapixels).
 */
const paragraph =
  '前身为泰州经济开发区，经江苏省人民政府批准为省级开发区，经国务院批准为国家级高新技术产业开发区，定名现名，是我国首家国家级医药高新区。';

const bulletin = (changes: Partial<BulletinSpec> = {}): Uint8Array =>
  makeBulletin({
    contents: [
      { title: '泰州医药高新区通过论证', page: 1 },
      { title: '开展专题调研', page: 2 },
    ],
    pages: [
      { title: '泰州医药高新区通过论证', paragraphs: [paragraph, paragraph], pictures: [{ after: 0 }], mark: 1 },
      { title: '开展专题调研', paragraphs: [paragraph], pictures: [{ after: 0, caption: '调研现场' }], mark: 2 },
    ],
    ...changes,
  });

const run = (bytes: Uint8Array) => importPdf('test.pdf', bytes, table);

const rules = (diagnostics: readonly { rule: string; line: number }[]) => diagnostics.map((d) => `${d.line} ${d.rule}`);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('pictures and pages of a hand-made bulletin', () => {
  it('puts a picture without a caption in its article, says so, and leaves out one outside every article', async () => {
    const result = await run(bulletin({ mastheadPicture: true }));
    const lines = (result.markdown ?? '').split('\n');
    const uncaptioned = lines.indexOf('![](2018-01/p2-1.jpg)') + 1;
    expect(uncaptioned).toBeGreaterThan(0);
    // Between the two paragraphs it stood between on the page.
    expect(lines[uncaptioned - 3]).toBe(paragraph);
    expect(lines[uncaptioned + 1]).toBe(paragraph);
    expect(lines).toContain('![调研现场](2018-01/p3-1.jpg)');
    expect(result.markdown).not.toContain('p1-1');
    expect(result.pictures.map((p) => p.name)).toEqual(['p2-1.jpg', 'p3-1.jpg']);
    expect(rules(result.diagnostics)).toEqual([`1 import-picture-dropped`, `${uncaptioned} import-picture-caption`]);
    expect(result.diagnostics[0]?.message).toMatch(/不在任何文章之中.*（PDF 第 1 页）$/);
    expect(result.diagnostics[1]?.message).toMatch(/没有找到图片说明.*（PDF 第 2 页）$/);
  });

  it('writes the offset an unnumbered cover makes, and pdf= with a warning where the contents is wrong', async () => {
    const result = await run(bulletin());
    // The masthead page has no number, the article pages say 1 and 2: PDF page = printed page + 1.
    expect(result.markdown).toMatch(/^originalPageOffset: 1$/m);
    expect(result.markdown).toMatch(/^### 泰州医药高新区通过论证 \{#p1 page=1\}$/m);
    const stale = await run(
      bulletin({
        contents: [
          { title: '泰州医药高新区通过论证', page: 1 },
          { title: '开展专题调研', page: 5 },
        ],
      }),
    );
    expect(stale.markdown).toMatch(/^### 开展专题调研 \{#p5 page=5 pdf=3\}$/m);
    const mismatch = stale.diagnostics.find((d) => d.rule === 'import-page-mismatch');
    expect(mismatch?.message).toMatch(/^目录说 “开展专题调研” 在第 5 页，它的标题却在 PDF 第 3 页（该页页码印为 2）。/);
    expect((stale.markdown ?? '').split('\n')[(mismatch?.line ?? 0) - 1]).toMatch(/^### 开展专题调研/);
  });

  it('without page marks, takes the offset from where the contents’ titles stand', async () => {
    const unmarked = bulletin({
      pages: [
        { title: '泰州医药高新区通过论证', paragraphs: [paragraph] },
        { title: '开展专题调研', paragraphs: [paragraph] },
      ],
    });
    const result = await run(unmarked);
    expect(result.markdown).toMatch(/^originalPageOffset: 1$/m);
    expect(result.diagnostics.filter((d) => d.rule === 'import-page-mismatch')).toEqual([]);
  });
});

describe('hostile PDFs', () => {
  it('never runs the JavaScript of an action nor fetches anything a PDF names', async () => {
    const fetched = vi.spyOn(globalThis, 'fetch');
    const plain = await run(bulletin());
    const scripted = await run(
      bulletin({
        extra: {
          catalog:
            '/OpenAction << /S /JavaScript ' +
            '/JS (globalThis.__pdfScriptRan = 1; app.launchURL\\("http://example.com/x"\\)) >> ' +
            '/AA << /WC << /S /URI /URI (http://example.com/closed) >> >> ' +
            '/Names << /JavaScript << /Names [(a) << /S /JavaScript /JS (globalThis.__pdfScriptRan = 2) >>] >> >>',
        },
      }),
    );
    expect(scripted.markdown).toBe(plain.markdown);
    expect((globalThis as { __pdfScriptRan?: number }).__pdfScriptRan).toBeUndefined();
    expect(fetched).not.toHaveBeenCalled();
  });

  it('skips an image that declares gigapixels without decoding it, with a warning', async () => {
    const giant =
      '<< /Type /XObject /Subtype /Image /Width 50000 /Height 40000 /ColorSpace /DeviceRGB /BitsPerComponent 8 ' +
      '/Length 3 >>\nstream\nabc\nendstream';
    const pdf = makePdf({
      pages: [
        {
          content: `${text('F1', 12, 72, 780, '(Giant) Tj')}\nq 400 0 0 300 100 300 cm /Im1 Do Q`,
          xobjects: `/Im1 ${firstExtra} 0 R`,
        },
      ],
      objects: [giant],
    });
    // No masthead, so no issue: but the picture's fate is said, not thrown.
    const result = await run(pdf);
    expect(result.markdown).toBeUndefined();
    expect(result.pictures).toEqual([]);
    expect(result.diagnostics.some((d) => /50000×40000 像素的图片远超像素上限，没有解码/.test(d.message))).toBe(true);
  });

  it('reads around a damaged embedded font: never a crash', async () => {
    const damaged = [
      '<< /Type /Font /Subtype /TrueType /BaseFont /Broken /FirstChar 32 /LastChar 126 /Widths [' +
        `${'500 '.repeat(95)}] /FontDescriptor ${firstExtra + 1} 0 R /Encoding /WinAnsiEncoding >>`,
      '<< /Type /FontDescriptor /FontName /Broken /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800 ' +
        `/Descent -200 /CapHeight 700 /StemV 80 /FontFile2 ${firstExtra + 2} 0 R >>`,
      '<< /Length 64 >>\nstream\n' + 'garbage!'.repeat(8) + '\nendstream',
    ];
    const pdf = makePdf({
      pages: [
        {
          content:
            'BT /F3 12 Tf 72 780 Td (Damaged font text) Tj ET\n' +
            text('F2', 12, 72, 760, `${ucs2('国家生态工业园区')} Tj`),
        },
      ],
      objects: damaged,
      fonts: `/F3 ${firstExtra} 0 R`,
    });
    // pdf.js falls back on a standard font for the broken program; the codes still map through the encoding.
    const layout = await readPdfLayout(pdf);
    expect(layout.blocks.map((block) => (block.kind === 'text' ? block.text : block.kind))).toEqual([
      'Damaged font text国家生态工业园区',
    ]);
    // Without a masthead the import stops with its errors, not a crash.
    const result = await run(pdf);
    expect(result.markdown).toBeUndefined();
    expect(result.diagnostics.map((d) => d.rule)).toContain('import-masthead');
  });
});

describe('npm run import with the real PDF importer', () => {
  const tiny = join(repoRoot, 'tests/fixtures/pdf-import/tiny');

  it.each([
    ['truncated.pdf', /^truncated\.pdf:1:1 {2}error {2}PDF 文件已损坏/],
    [
      'encrypted-password.pdf',
      new RegExp(`^encrypted-password\\.pdf:1:1  error  ${pdfMessages.encrypted.slice(0, 12)}`),
    ],
    ['scanned-page.pdf', /^scanned-page\.pdf:1:1 {2}error {2}.*OCR/],
    ['no-unicode-mapping.pdf', /^no-unicode-mapping\.pdf:1:1 {2}error {2}PDF 里的文字没有 Unicode 字符映射/],
  ])('refuses %s with one clear error and writes nothing', async (name, message) => {
    const dir = makeContentDir({ [name]: readFileSync(join(tiny, name)) });
    const { code, stderr } = await runRealImport(dir, [name]);
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(readdirSync(dir).sort()).toEqual([name, 'sections.yaml'].sort());
  });

  it('names the written issue file in a PDF import’s findings, not the PDF', async () => {
    const dir = makeContentDir({
      'stale.pdf': bulletin({
        contents: [
          { title: '泰州医药高新区通过论证', page: 1 },
          { title: '开展专题调研', page: 5 },
        ],
      }),
    });
    const { code, stderr } = await runRealImport(dir, ['stale.pdf']);
    expect(code).toBe(0);
    const line = /^2018\/2018-01\.md:(\d+):1 {2}warning {2}目录说 “开展专题调研”.*\(import-page-mismatch\)$/m.exec(
      stderr,
    );
    expect(line, stderr).not.toBeNull();
    const written = readFileSync(join(dir, '2018/2018-01.md'), 'utf8').split('\n');
    expect(written[Number(line?.[1]) - 1]).toMatch(/^### 开展专题调研 \{#p5 page=5 pdf=3\}$/);
  });
});
