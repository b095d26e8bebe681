import { describe, expect, it } from 'vitest';
import { readPdfLayout } from '../../src/import/pdf/read-pdf.ts';
import { pdfMessages } from '../../src/import/pdf/open-pdf.ts';
import { firstExtra, makePdf, text } from './pdf/make-pdf.ts';

/**
 * The PDF reader on files at the scale the issue names: 2,000 pages and a 100 MB embedded image.
 * Each must end in bounded time and memory with a clear message or a result; how long and how
 * much is measured by hand (docs/import.md), never asserted here. Seconds each, hence in e2e.
 */
describe('PDFs at the bounds', () => {
  it('refuses 2,000 pages at the page limit, before reading any', async () => {
    const pages = Array.from({ length: 2000 }, (_, i) => ({ content: text('F1', 12, 72, 780, `(Page ${i + 1}) Tj`) }));
    await expect(readPdfLayout(makePdf({ pages }))).rejects.toThrow(pdfMessages.tooManyPages(2000, 500));
  });

  it('reads a 100 MB uncompressed photo (34 megapixels, under the limit) into one JPEG picture', async () => {
    const side = 5800;
    const samples = Buffer.alloc(side * side * 3);
    for (let i = 0; i < samples.length; i++) samples[i] = (i * 7) & 255;
    const image =
      `<< /Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceRGB ` +
      `/BitsPerComponent 8 /Length ${samples.length} >>\nstream\n${samples.toString('latin1')}\nendstream`;
    const pdf = makePdf({
      pages: [
        {
          content: `${text('F1', 12, 72, 780, '(Big) Tj')}\nq 400 0 0 400 100 300 cm /Im1 Do Q`,
          xobjects: `/Im1 ${firstExtra} 0 R`,
        },
      ],
      objects: [image],
    });
    expect(pdf.byteLength).toBeGreaterThan(100_000_000);
    const layout = await readPdfLayout(pdf);
    const pictures = layout.blocks.filter((block) => block.kind === 'picture');
    expect(pictures.map((p) => [p.width, p.height, p.jpeg[0], p.jpeg[1]])).toEqual([[side, side, 0xff, 0xd8]]);
    expect(layout.warnings).toEqual([]);
  });
});
