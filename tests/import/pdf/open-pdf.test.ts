import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PdfImportError } from '../../../src/core/errors.ts';
import { pdfMessages } from '../../../src/import/pdf/open-pdf.ts';
import { readPdfLayout } from '../../../src/import/pdf/read-pdf.ts';
import { makePdf, text } from './make-pdf.ts';

const seed = new Uint8Array(readFileSync('tests/fixtures/pdf-import/seed-2018-01/expected/2018/2018-01.pdf'));
const hello = makePdf({ pages: [{ content: text('F1', 12, 72, 700, '(Hello) Tj') }] });

async function failure(bytes: Uint8Array, limits = {}): Promise<PdfImportError> {
  const error: unknown = await readPdfLayout(bytes, { limits }).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(PdfImportError);
  return error as PdfImportError;
}

describe('readPdfLayout refuses what it cannot read, saying what to do', () => {
  it('reads a minimal PDF', async () => {
    const layout = await readPdfLayout(hello);
    expect(layout.blocks.map((block) => block.kind === 'text' && block.text)).toEqual(['Hello']);
  });

  it('says a file that is not a PDF is not one', async () => {
    const error = await failure(new TextEncoder().encode('国家生态工业园区 工作动态\n2018年第1期'));
    expect(error.message).toBe(pdfMessages.notPdf);
  });

  it('calls a truncated or garbled PDF damaged', async () => {
    for (const bytes of [seed.slice(0, seed.length * 0.9), new TextEncoder().encode(`%PDF-1.7\n${'x'.repeat(300)}`)])
      expect((await failure(bytes)).message).toMatch(/^PDF 文件已损坏或不完整/);
  });

  it('says a password-protected PDF must be unlocked first', async () => {
    const locked = makePdf({
      pages: [{ content: text('F1', 12, 72, 700, '(Hello) Tj') }],
      objects: [`<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <${'11'.repeat(32)}> /U <${'22'.repeat(32)}> >>`],
      trailer: `/Encrypt 6 0 R /ID [<${'ab'.repeat(16)}> <${'ab'.repeat(16)}>]`,
    });
    expect((await failure(locked)).message).toBe(pdfMessages.encrypted);
  });

  it('stops at the page, byte and time limits', async () => {
    expect((await failure(seed, { maxPages: 5 })).message).toBe(pdfMessages.tooManyPages(9, 5));
    expect((await failure(seed, { maxBytes: 100 * 1024 })).message).toMatch(
      /^PDF 文件有 0\.4 MB，超过了 0\.1 MB 的上限/,
    );
    expect((await failure(seed, { timeBudgetMs: 1 })).message).toBe(pdfMessages.timeout(1));
  });

  it('says a PDF without a text layer needs OCR, which is out of scope', async () => {
    expect((await failure(makePdf({ pages: [{ content: '' }, { content: '' }] }))).message).toBe(pdfMessages.noText);
    expect(pdfMessages.noText).toMatch(/OCR/);
  });

  it('stops when the signal aborts', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(readPdfLayout(seed, { signal: controller.signal })).rejects.toThrow('stop');
  });
});
