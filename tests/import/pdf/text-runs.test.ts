import { describe, expect, it } from 'vitest';
import { readPdfLayout, type TextBlock } from '../../../src/import/pdf/read-pdf.ts';
import { alignGlyphs, dedupeOverprint, type TextRun } from '../../../src/import/pdf/text-runs.ts';
import { firstExtra, makePdf, text, ucs2 } from './make-pdf.ts';

async function blocks(content: string, cjkName?: string): Promise<TextBlock[]> {
  const layout = await readPdfLayout(makePdf({ pages: [{ content }], ...(cjkName ? { cjkName } : {}) }));
  return layout.blocks.filter((block): block is TextBlock => block.kind === 'text');
}

describe('text runs from hand-made PDFs', () => {
  it('reads a non-embedded GB1 font through the cMaps and decodes its GBK name', async () => {
    const [block] = await blocks(text('F2', 16, 72, 700, `${ucs2('生态工业园区')} Tj`), '/#BA#DA#CC#E5,Bold');
    expect(block).toMatchObject({ text: '生态工业园区', family: 'hei', bold: true });
    expect(block?.lines[0]?.runs[0]?.fontName).toBe('黑体,Bold');
  });

  it('drops the space pdf.js makes up between digits and Chinese, keeps word spaces', async () => {
    const found = await blocks(
      text('F1', 16, 72, 700, '(2018) Tj') +
        text('F2', 16, 72 + 35.6 + 4, 700, `${ucs2('年')} Tj`) +
        text('F1', 12, 72, 600, '[(Hello) -400 (world)] TJ') +
        text('F1', 12, 72, 500, '(Hello there) Tj'),
    );
    expect(found.map((block) => block.text)).toEqual(['2018年', 'Hello world', 'Hello there']);
  });

  it('closes up a masthead set with expanded character spacing, narrow or wide', async () => {
    const found = await blocks(
      `BT /F2 22 Tf 5 Tc 72 700 Td ${ucs2('政务信息工作简报')} Tj ET\n` +
        `BT /F2 22 Tf 20 Tc 72 600 Td ${ucs2('工作动态')} Tj ET`,
    );
    expect(found.map((block) => block.text)).toEqual(['政务信息工作简报', '工作动态']);
  });

  it('warns about text whose font has no Unicode mapping', async () => {
    // A Type3 font whose glyph names mean nothing and which has no ToUnicode: pdf.js gives the codes.
    const font =
      '<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0] ' +
      `/CharProcs << /g1 ${firstExtra + 1} 0 R >> /Encoding << /Type /Encoding /Differences [1 /g1 2 /g1] >> ` +
      '/FirstChar 1 /LastChar 2 /Widths [1000 1000] /Resources << >> >>';
    const glyph = '<< /Length 42 >>\nstream\n1000 0 0 0 1000 1000 d1 0 0 1000 1000 re f\nendstream';
    const layout = await readPdfLayout(
      makePdf({
        objects: [font, glyph],
        fonts: `/F3 ${firstExtra} 0 R`,
        pages: [{ content: 'BT /F3 12 Tf 72 700 Td <0102010201020102> Tj ET' }],
      }),
    );
    expect(layout.warnings).toEqual([
      { page: 1, unreadable: true, message: expect.stringMatching(/^第 1 页有 100% 的文字无法识别/) },
    ]);
  });

  it('warns about a page with no text between pages with text', async () => {
    const layout = await readPdfLayout(
      makePdf({
        pages: [
          { content: text('F1', 12, 72, 700, '(One) Tj') },
          { content: '' },
          { content: text('F1', 12, 72, 700, '(Three) Tj') },
        ],
      }),
    );
    expect(layout.warnings).toEqual([{ page: 2, message: '第 2 页没有文字（可能是扫描页或空白页），已跳过。' }]);
  });

  it('finds fake bold drawn with a stroke (2 Tr) in a face without a bold weight', async () => {
    const found = await blocks(
      `2 Tr ${text('F2', 16, 72, 700, `${ucs2('一、总体要求')} Tj`)}0 Tr ${text('F2', 16, 72, 600, `${ucs2('正文。')} Tj`)}`,
      '/#B7#C2#CB#CE_GB2312',
    );
    expect(found.map((block) => [block.text, block.family, block.bold])).toEqual([
      ['一、总体要求', 'fang', true],
      ['正文。', 'fang', false],
    ]);
  });

  it('splits a run-in heading drawn with a stroke from the plain text after it', async () => {
    const [block] = await blocks(
      `BT /F2 16 Tf 72 700 Td 2 Tr ${ucs2('一、总体要求。')} Tj 0 Tr ${ucs2('正文紧随其后')} Tj ET`,
      '/#B7#C2#CB#CE_GB2312',
    );
    expect(block?.lines[0]?.runs.map((run) => [run.text, run.bold])).toEqual([
      ['一、总体要求。', true],
      ['正文紧随其后', false],
    ]);
  });

  it('folds overprinted copies into one bold run', async () => {
    const found = await blocks(
      text('F2', 16, 72, 700, `${ucs2('重复')} Tj`) + text('F2', 16, 72.3, 700.2, `${ucs2('重复')} Tj`),
      '/#BF#AC#CC#E5_GB2312',
    );
    expect(found.map((block) => [block.text, block.family, block.bold])).toEqual([['重复', 'kai', true]]);
  });

  it('puts the origin at the top left, with page.view and /Rotate applied', async () => {
    const layout = await readPdfLayout(
      makePdf({
        pages: [
          { content: text('F1', 10, 100, 700, '(A) Tj') },
          { content: text('F1', 10, 100, 700, '(B) Tj'), extra: '/CropBox [50 50 545 792]' },
          { content: 'BT /F1 10 Tf 0 1 -1 0 100 700 Tm (C) Tj ET', extra: '/Rotate 90' },
        ],
      }),
    );
    const runs = layout.blocks.flatMap((block) =>
      block.kind === 'text' ? block.lines.flatMap((line) => line.runs) : [],
    );
    const [a, b, c] = ['A', 'B', 'C'].map((letter) => runs.find((run) => run.text === letter));
    expect(a).toMatchObject({ x: 100, y: 142 });
    expect(b).toMatchObject({ x: 50, y: 92 });
    expect(c?.x).toBeCloseTo(700);
    expect(c?.y).toBeCloseTo(100);
  });
});

describe('alignGlyphs', () => {
  it('marks whitespace with no glyph as made up, and resynchronises past a dropped space glyph', () => {
    const glyphs = [...'为 1992年 A'].map((char) => ({ char, stroked: char === 'A' }));
    const { infos, matched } = alignGlyphs(['为 1992 年', 'A'], glyphs);
    expect(infos[0]?.map((info) => info.drawn)).toEqual([true, true, true, true, true, true, false, true]);
    expect(infos[1]).toEqual([{ drawn: true, stroked: true }]);
    expect(matched).toBe(8);
  });
});

describe('dedupeOverprint', () => {
  it('keeps runs apart more than a point, and spaces', () => {
    const run = (x: number, text = '字'): TextRun => ({
      page: 1,
      x,
      y: 10,
      width: 10,
      size: 10,
      fontName: 'F',
      family: 'song',
      bold: false,
      text,
      synthetic: false,
    });
    expect(dedupeOverprint([run(0), run(0.5), run(5), run(0, ' '), run(0, ' ')]).map((r) => [r.x, r.bold])).toEqual([
      [0, true],
      [5, false],
      [0, false],
      [0, false],
    ]);
  });
});
