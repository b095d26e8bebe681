import { describe, expect, it } from 'vitest';
import { originalPdf } from '../../src/generate/original-pdf.ts';
import { countPdfPages } from '../../src/pipeline/media/pdf-pages.ts';

describe('countPdfPages', () => {
  it('leaves the built-ins of this thread as they were', async () => {
    // pdf.js's legacy build replaces them with core-js polyfills many times slower (a 1,000-issue
    // build spent more time in the slow JSON.stringify than on its pictures).
    const builtIns = [JSON.stringify, Array.prototype.push, Array.prototype.at];
    expect(await countPdfPages(new Uint8Array(originalPdf(3, 'built-ins')))).toEqual({ pages: 3 });
    expect([JSON.stringify, Array.prototype.push, Array.prototype.at]).toEqual(builtIns);
  });

  it('leaves the bytes it was given usable', async () => {
    const data = new Uint8Array(originalPdf(2, 'kept'));
    const before = Buffer.from(data).toString('latin1');
    expect(await countPdfPages(data)).toEqual({ pages: 2 });
    expect(Buffer.from(data).toString('latin1')).toBe(before);
  });

  it('answers calls made at once, each with its own count', async () => {
    const counts = [1, 4, 2, 7, 3];
    const answers = await Promise.all(
      counts.map((pages) => countPdfPages(new Uint8Array(originalPdf(pages, `n${pages}`)))),
    );
    expect(answers).toEqual(counts.map((pages) => ({ pages })));
  });

  it('calls bytes that are no PDF damaged', async () => {
    expect(await countPdfPages(new TextEncoder().encode('%PDF-1.4\nnot really'))).toEqual({ unreadable: 'damaged' });
  });
});
