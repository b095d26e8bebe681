import { describe, expect, it } from 'vitest';
import { originalPdf } from '../../src/generate/original-pdf.ts';
import { countPdfPages } from '../../src/pipeline/media/pdf-pages.ts';

/** The cross-reference table's offsets, from the end of the file as a reader finds it. */
function xref(pdf: string): { start: number; offsets: number[] } {
  const start = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(pdf)?.[1]);
  const [, count = '0', entries = ''] = /^xref\n0 (\d+)\n([\s\S]*?)trailer/.exec(pdf.slice(start)) ?? [];
  const lines = entries.match(/.{20}/gs) ?? [];
  expect(lines).toHaveLength(Number(count));
  expect(lines[0]).toBe('0000000000 65535 f \n');
  return { start, offsets: lines.slice(1).map((line) => Number(line.slice(0, 10))) };
}

describe('originalPdf', () => {
  it.each([1, 2, 13])('has %i pages for pdf.js', async (pages) => {
    // pdf.js takes a plain Uint8Array, not a Buffer (the pipeline reads files into one).
    const data = new Uint8Array(originalPdf(pages, 'Generated original 2019-01'));
    expect(await countPdfPages(data)).toEqual({ pages });
  });

  it('gives every object its exact offset, so no reader has to repair the file', () => {
    const pdf = originalPdf(5, 'Generated original 2019-01').toString('latin1');
    const { start, offsets } = xref(pdf);
    expect(pdf.slice(start, start + 5)).toBe('xref\n');
    // Catalog, page tree, font, and a page and its content for each of the five pages.
    expect(offsets).toHaveLength(13);
    offsets.forEach((offset, k) => expect(pdf.slice(offset).startsWith(`${k + 1} 0 obj\n`)).toBe(true));
  });

  it('gives every content stream its exact length and a line of text naming the page', () => {
    const pdf = originalPdf(3, 'Generated (original) 2019-01').toString('latin1');
    const streams = [...pdf.matchAll(/<< \/Length (\d+) >>\nstream\n([\s\S]*?)\nendstream/g)];
    expect(streams).toHaveLength(3);
    for (const [k, [, length, content = '']] of streams.entries()) {
      expect(content.length).toBe(Number(length));
      expect(content).toContain(`(Generated \\(original\\) 2019-01 - ${k + 1} / 3) Tj`);
    }
  });

  it('is a few hundred bytes a page', () => {
    expect(originalPdf(20, 'Generated original 2019-01').length / 20).toBeLessThan(400);
  });

  it('refuses a count of pages that is no whole positive number', () => {
    expect(() => originalPdf(0, 'x')).toThrow(RangeError);
    expect(() => originalPdf(1.5, 'x')).toThrow(RangeError);
  });
});
