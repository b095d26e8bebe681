import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFOperatorList, TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { decodeFontName, fontFamily, isBoldName, type FontFamily } from './fonts.ts';

/**
 * One stretch of text in one font on one baseline, as pdf.js reports it, in page coordinates with
 * the origin at the **top left** (y grows downwards; page.view's origin and /Rotate applied), in
 * PDF points. `y` is the baseline.
 */
export interface TextRun {
  page: number;
  x: number;
  y: number;
  width: number;
  size: number;
  /** The font's real name (subset prefix dropped, GBK names decoded), or pdf.js's id if unknown. */
  fontName: string;
  family: FontFamily;
  bold: boolean;
  text: string;
  /**
   * Whitespace pdf.js made up from a gap between glyphs (there was no space glyph in the PDF):
   * CJK/Latin auto-spacing, tracking, column gaps. lines.ts decides what such a gap means.
   */
  synthetic: boolean;
}

/** The operator codes text-runs and page-images look at (pdfjs `OPS`). */
export interface Ops {
  save: number;
  restore: number;
  setTextRenderingMode: number;
  showText: number;
  showSpacedText: number;
  transform: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  paintImageXObject: number;
  paintInlineImageXObject: number;
  paintImageXObjectRepeat: number;
}

export interface Glyph {
  char: string;
  /** Drawn with a stroke (Tr 1, 2, 5, 6): how Word and LibreOffice fake bold for 仿宋/楷体. */
  stroked: boolean;
}

const strokeModes = new Set([1, 2, 5, 6]);

/** The characters the content stream really draws, in drawing order, with their render mode. */
export function collectGlyphs(operators: PDFOperatorList, ops: Ops): Glyph[] {
  const glyphs: Glyph[] = [];
  const stack: number[] = [];
  let mode = 0;
  operators.fnArray.forEach((fn, index) => {
    const args: unknown = operators.argsArray[index];
    if (fn === ops.save) stack.push(mode);
    else if (fn === ops.restore) mode = stack.pop() ?? 0;
    else if (fn === ops.setTextRenderingMode && Array.isArray(args) && typeof args[0] === 'number') mode = args[0];
    else if ((fn === ops.showText || fn === ops.showSpacedText) && Array.isArray(args) && Array.isArray(args[0]))
      for (const glyph of args[0] as unknown[]) {
        if (typeof glyph !== 'object' || glyph === null) continue; // a TJ position adjustment
        const unicode = (glyph as { unicode?: unknown }).unicode;
        if (typeof unicode !== 'string') continue;
        for (const char of unicode) glyphs.push({ char, stroked: strokeModes.has(mode) });
      }
  });
  return glyphs;
}

/**
 * How many glyphs the page draws, mapped to Unicode or not: text that vanishes from the text
 * layer while glyphs are drawn is a font without a mapping, not a scan.
 */
export function countDrawnGlyphs(operators: PDFOperatorList, ops: Ops): number {
  let count = 0;
  operators.fnArray.forEach((fn, index) => {
    const args: unknown = operators.argsArray[index];
    if ((fn === ops.showText || fn === ops.showSpacedText) && Array.isArray(args) && Array.isArray(args[0]))
      count += (args[0] as unknown[]).filter((glyph) => typeof glyph === 'object' && glyph !== null).length;
  });
  return count;
}

export interface CharInfo {
  /** True when a glyph drew this character; false for whitespace pdf.js inserted, undefined when unmatched. */
  drawn: boolean | undefined;
  stroked: boolean;
}

const lookAhead = 12;

/**
 * Pairs the text-content characters with the drawn glyphs. Both come from one pass over the same
 * content stream, so they are in the same order; text content adds whitespace for gaps (no glyph)
 * and may drop a space glyph, which a short look-ahead re-synchronises over.
 */
export function alignGlyphs(
  texts: readonly string[],
  glyphs: readonly Glyph[],
): { infos: CharInfo[][]; matched: number } {
  let next = 0;
  let matched = 0;
  const infos = texts.map((text) =>
    [...text].map((char): CharInfo => {
      if (glyphs[next]?.char === char) {
        matched++;
        return { drawn: true, stroked: glyphs[next++]?.stroked ?? false };
      }
      if (/\s/u.test(char)) return { drawn: false, stroked: false };
      for (let ahead = next + 1; ahead < Math.min(glyphs.length, next + lookAhead); ahead++)
        if (glyphs[ahead]?.char === char) {
          matched++;
          next = ahead + 1;
          return { drawn: true, stroked: glyphs[ahead]?.stroked ?? false };
        }
      return { drawn: undefined, stroked: false };
    }),
  );
  return { infos, matched };
}

function isTextItem(item: unknown): item is TextItem {
  return typeof item === 'object' && item !== null && 'str' in item && 'transform' in item;
}

/** Half-width characters take about half an em; enough to place a split inside an item. */
function advance(char: string): number {
  return /[\x20-\x7e]/.test(char) ? 0.5 : 1;
}

interface FontInfo {
  name: string;
  family: FontFamily;
  bold: boolean;
}

function fontInfo(page: PDFPageProxy, id: string, cache: Map<string, FontInfo>): FontInfo {
  const known = cache.get(id);
  if (known) return known;
  let raw = id;
  try {
    // Only there once getOperatorList() has loaded the font; the sync form throws before that.
    if (page.commonObjs.has(id)) {
      const font: unknown = page.commonObjs.get(id);
      const name = (font as { name?: unknown } | null)?.name;
      if (typeof name === 'string' && name !== '') raw = name;
    }
  } catch {
    // keep the id: the font failed to load, its text may still be readable
  }
  const name = decodeFontName(raw);
  const info = { name, family: fontFamily(name), bold: isBoldName(name) };
  cache.set(id, info);
  return info;
}

/** Share of a page's text characters that must pair with a glyph for the pairing to be trusted. */
const trustedAlignment = 0.9;

/**
 * A page's text runs. `operators` must be the page's operator list (fetched first, which also
 * loads the fonts whose names we read). Text items are split where pdf.js inserted whitespace, so
 * each made-up space is a run of its own marked `synthetic`.
 */
export async function readPageRuns(
  page: PDFPageProxy,
  pageNo: number,
  operators: PDFOperatorList,
  ops: Ops,
  /** pdf.js's own normalisation (ligatures such as ﬁ → fi), applied once runs are split. */
  normalise: (text: string) => string = (text) => text,
): Promise<TextRun[]> {
  // Normalisation off so the strings match the glyphs' unicode; `normalise` runs afterwards.
  const content = await page.getTextContent({ disableNormalization: true });
  const items = content.items.filter(isTextItem);
  const glyphs = collectGlyphs(operators, ops);
  const { infos, matched } = alignGlyphs(
    items.map((item) => item.str),
    glyphs,
  );
  const nonSpace = items.reduce((sum, item) => sum + item.str.replace(/\s/gu, '').length, 0);
  const trusted = nonSpace > 0 && matched / nonSpace >= trustedAlignment;
  const viewport = page.getViewport({ scale: 1 });
  const fonts = new Map<string, FontInfo>();
  const runs: TextRun[] = [];

  items.forEach((item, index) => {
    if (item.str === '') return;
    const t = item.transform as number[];
    const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = t;
    const size = Math.hypot(c, d);
    const font = fontInfo(page, item.fontName, fonts);
    const chars = [...item.str];
    const info = infos[index] ?? [];
    // Advance before each character, in ems: where a split run starts along the item.
    const offsets = [0];
    for (const char of chars) offsets.push((offsets[offsets.length - 1] ?? 0) + advance(char));
    const total = offsets[chars.length] || 1;
    // Direction of the baseline in user space, so a split point can be placed along it.
    const scale = Math.hypot(a, b) || 1;
    const [ux, uy] = [a / scale, b / scale];
    let start = 0;
    const flush = (end: number, synthetic: boolean) => {
      if (end <= start) return;
      const text = normalise(chars.slice(start, end).join(''));
      const before = offsets[start] ?? 0;
      const length = (offsets[end] ?? total) - before;
      const along = (item.width * before) / total;
      const [x, y] = viewport.convertToViewportPoint(e + ux * along, f + uy * along) as [number, number];
      const strokedChars = info.slice(start, end).filter((char) => char.stroked).length;
      runs.push({
        page: pageNo,
        x,
        y,
        width: (item.width * length) / total,
        size,
        fontName: font.name,
        family: font.family,
        bold: font.bold || (!synthetic && strokedChars * 2 >= end - start),
        text,
        synthetic,
      });
      start = end;
    };
    chars.forEach((char, at) => {
      // Without a trusted pairing every space counts as made up: lines.ts then keeps it only between
      // Latin words or at a column gap, which loses a typed space beside Chinese but never adds one.
      const made = /\s/u.test(char) && (!trusted || info[at]?.drawn === false);
      if (made) {
        flush(at, false);
        flush(at + 1, true);
        return;
      }
      // A run-in heading (`一、总体要求。` stroked, then plain body text) is one item to pdf.js.
      const previous = info[at - 1];
      if (trusted && previous?.drawn && info[at]?.drawn && previous.stroked !== info[at]?.stroked) flush(at, false);
    });
    flush(chars.length, false);
  });
  return dedupeOverprint(runs);
}

/**
 * Some producers fake bold by printing the same text two to four times a fraction of a point
 * apart (pdfplumber's dedupe_chars). The copies go; the one kept is bold.
 */
export function dedupeOverprint(runs: readonly TextRun[]): TextRun[] {
  const kept: TextRun[] = [];
  const byText = new Map<string, TextRun[]>();
  for (const run of runs) {
    const same = run.text.trim() === '' ? [] : (byText.get(run.text) ?? []);
    const twin = same.find((other) => Math.abs(other.x - run.x) < 1 && Math.abs(other.y - run.y) < 1);
    if (twin) {
      twin.bold = true;
      continue;
    }
    const copy = { ...run };
    kept.push(copy);
    byText.set(run.text, [...same, copy]);
  }
  return kept;
}
