import { describe, expect, it } from 'vitest';
import { pageMark } from '../../../src/import/line-kinds.ts';
import { buildBlocks, sizeRank, type TextBlock } from '../../../src/import/pdf/blocks.ts';
import type { FontFamily } from '../../../src/import/pdf/fonts.ts';
import { removeFurniture } from '../../../src/import/pdf/furniture.ts';
import { readLines } from '../../../src/import/pdf/lines.ts';
import type { PageImage } from '../../../src/import/pdf/page-images.ts';
import type { TextRun } from '../../../src/import/pdf/text-runs.ts';

/** Geometry of an A4 page like the seed's: text block 80–521 pt, body 15 pt on a 26 pt pitch. */
const [left, right, pitch] = [80, 521, 26];

interface RunSpec {
  x?: number;
  size?: number;
  family?: FontFamily;
  bold?: boolean;
  synthetic?: boolean;
  width?: number;
}

function run(page: number, y: number, text: string, spec: RunSpec = {}): TextRun {
  const size = spec.size ?? 15;
  const width = spec.width ?? [...text].reduce((sum, char) => sum + (/[\x20-\x7e]/.test(char) ? 0.5 : 1), 0) * size;
  return {
    page,
    x: spec.x ?? left,
    y,
    width,
    size,
    fontName: 'F',
    family: spec.family ?? 'song',
    bold: spec.bold ?? false,
    text,
    synthetic: spec.synthetic ?? false,
  };
}

/** A body line: a full one is 29 characters of 15 pt (441 pt), an indented first line 27. */
const full = (page: number, row: number, text = '字'.repeat(29)) => run(page, 100 + row * pitch, text);
const indented = (page: number, row: number, text = '字'.repeat(27)) =>
  run(page, 100 + row * pitch, text, { x: left + 30 });
const centred = (page: number, row: number, text: string, spec: RunSpec = {}) => {
  const size = spec.size ?? 15;
  const width = [...text].length * size;
  return run(page, 100 + row * pitch, text, { ...spec, x: (left + right) / 2 - width / 2, width });
};

function layout(pages: TextRun[][], images: PageImage[] = []) {
  const { lines, frame } = readLines(pages);
  const furniture = removeFurniture(
    lines,
    pages.map(() => 842),
  );
  const blocks = buildBlocks(furniture.pages, images, frame, furniture.printedPages);
  return { lines, frame, furniture, blocks, texts: blocks.filter((b): b is TextBlock => b.kind === 'text') };
}

describe('lines', () => {
  it('groups runs by baseline, full-width punctuation a little off it too, left to right', () => {
    const { lines } = layout([
      [run(1, 100, '后半', { x: 110 }), run(1, 100, '前半'), run(1, 103, '，', { x: 140 }), full(1, 1), full(1, 2)],
    ]);
    expect(lines[0]?.map((line) => line.text)).toEqual(['前半后半，', '字'.repeat(29), '字'.repeat(29)]);
  });

  it('drops made-up spaces around Chinese, keeps them between Latin words and at column gaps', () => {
    const gap = (x: number, width = 4) => run(1, 100, ' ', { x, synthetic: true, width });
    const { lines } = layout([
      [
        run(1, 100, '2018'),
        gap(110),
        run(1, 100, '年', { x: 114 }),
        gap(129),
        run(1, 100, 'Hello', { x: 133 }),
        gap(170),
        run(1, 100, 'world', { x: 174 }),
        gap(212, 60),
        run(1, 100, '日期', { x: 272 }),
        full(1, 1),
        full(1, 2),
      ],
    ]);
    expect(lines[0]?.[0]?.text).toBe('2018年Hello world 日期');
  });

  it('knows centred, right-aligned, justified and left lines against the body frame', () => {
    const { lines, frame } = layout([
      [
        centred(1, 0, '标题'),
        full(1, 1),
        indented(1, 2),
        run(1, 100 + 3 * pitch, '（供稿）', { x: right - 60 }),
        run(1, 100 + 4 * pitch, '短行。'),
        full(1, 5),
      ],
    ]);
    expect(frame).toMatchObject({ left, bodySize: 15 });
    expect(lines[0]?.map((line) => line.align)).toEqual([
      'centre',
      'justified',
      'justified',
      'right',
      'left',
      'justified',
    ]);
  });
});

describe('furniture', () => {
  it('removes running headers and page marks of many shapes, keeping the printed number', () => {
    const marks = ['- 1 -', '— 2 —', '－3－', '第4页', '第 5 页', '6'];
    const pages = marks.map((mark, index) => [
      run(index + 1, 50, `国家生态工业园区工作动态 2018年第${index + 1}期`),
      full(index + 1, 1),
      full(index + 1, 2),
      run(index + 1, 800, mark, { x: 290 }),
    ]);
    const { furniture, texts } = layout(pages);
    expect(furniture.printedPages).toEqual([1, 2, 3, 4, 5, 6]);
    expect(furniture.pages.map((lines) => lines.length)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(texts.every((block) => block.printedPage === block.page)).toBe(true);
  });

  it('reads the page number inside a running header', () => {
    const pages = [3, 4, 5].map((printed, index) => [
      run(index + 1, 50, `国家生态工业园区工作动态 第 ${printed} 页`),
      full(index + 1, 1),
      full(index + 1, 2),
    ]);
    const { furniture } = layout(pages);
    expect(furniture.printedPages).toEqual([3, 4, 5]);
    expect(furniture.pages.map((lines) => lines.length)).toEqual([2, 2, 2]);
  });

  it('keeps a line that recurs on only two pages, and numbers outside the bands', () => {
    const pages = [1, 2].map((page) => [run(page, 50, '页眉'), run(page, 400, '12'), full(page, 1)]);
    const { furniture } = layout(pages);
    expect(furniture.pages.map((lines) => lines.map((line) => line.text))).toEqual([
      ['页眉', '字'.repeat(29), '12'],
      ['页眉', '字'.repeat(29), '12'],
    ]);
    expect(furniture.printedPages).toEqual([undefined, undefined]);
  });

  it('pageMark reads the printed number and nothing else', () => {
    expect(['- 3 -', '‐ 3 ‐', '－３－', '— 12 —', '第3页', '第 3 页', '7'].map(pageMark)).toEqual([
      3, 3, 3, 12, 3, 3, 7,
    ]);
    expect(['- 3', '第三页', '3.', '2018年', ''].map(pageMark)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('blocks', () => {
  it('starts paragraphs at a first-line indent and at short lines, and joins wrapped lines', () => {
    const { texts } = layout([
      [indented(1, 0, '第一段开头'.padEnd(27, '甲')), full(1, 1, '乙'.repeat(29)), run(1, 100 + 2 * pitch, '完。')],
      [],
    ]);
    expect(texts.map((block) => block.text)).toEqual([`第一段开头${'甲'.repeat(22)}${'乙'.repeat(29)}完。`]);
    expect(texts[0]).toMatchObject({ indent: 2, align: 'justified', sizeRank: 'body', lines: { length: 3 } });
  });

  it('keeps a title, a subtitle and a sub-heading apart from the body by size, face and alignment', () => {
    const { texts } = layout([
      [
        centred(1, 0, '大标题第一行', { size: 20, bold: true }),
        centred(1, 1.15, '第二行', { size: 20, bold: true }),
        centred(1, 2.3, '——副标题', { family: 'kai' }),
        run(1, 100 + 3.3 * pitch, '（一）小标题', { x: left + 30, family: 'hei', bold: true }),
        indented(1, 4.3),
        full(1, 5.3),
        full(1, 6.3),
      ],
    ]);
    expect(texts.map((block) => [block.text.slice(0, 6), block.sizeRank, block.align, block.family])).toEqual([
      ['大标题第一行', 'title', 'centre', 'song'],
      ['——副标题', 'body', 'centre', 'kai'],
      ['（一）小标题', 'body', 'left', 'hei'],
      ['字字字字字字', 'body', 'justified', 'song'],
    ]);
    expect(texts[0]?.text).toBe('大标题第一行第二行');
  });

  it('joins a paragraph across a page break unless it ended a sentence or the next line is indented', () => {
    const { texts } = layout([
      [indented(1, 0), full(1, 1, '跨'.repeat(29))],
      [full(2, 0, '页'.repeat(29)), run(2, 100 + pitch, '完。'), indented(2, 2), full(2, 3, `${'句'.repeat(28)}。`)],
      [full(3, 0, '新'.repeat(29)), full(3, 1)],
    ]);
    expect(texts.map((block) => [block.page, block.endPage, block.text.slice(27, 31)])).toEqual([
      [1, 2, '跨跨跨跨'],
      [2, undefined, '句句句句'],
      [3, undefined, '新新字字'],
    ]);
    expect(texts[0]?.text).toBe(`${'字'.repeat(27)}${'跨'.repeat(29)}${'页'.repeat(29)}完。`);
  });

  it('places pictures in reading order on their page', () => {
    const picture: PageImage = {
      page: 1,
      bbox: { left: 170, top: 100 + 1.5 * pitch, right: 430, bottom: 100 + 6 * pitch },
      width: 10,
      height: 10,
      jpeg: new Uint8Array([0xff, 0xd8]),
      source: 'encoded',
    };
    const { blocks } = layout(
      [
        [
          indented(1, 0, `${'前'.repeat(26)}。`),
          centred(1, 7, '图片说明', { size: 13, family: 'kai' }),
          indented(1, 8),
        ],
      ],
      [picture],
    );
    expect(blocks.map((block) => (block.kind === 'text' ? block.text.slice(0, 4) : block.kind))).toEqual([
      '前前前前',
      'picture',
      '图片说明',
      '字字字字',
    ]);
  });

  it('ranks sizes against the body size', () => {
    expect([30, 19.5, 16, 15, 13].map((size) => sizeRank(size, 15))).toEqual([
      'title',
      'title',
      'larger',
      'body',
      'smaller',
    ]);
  });
});
