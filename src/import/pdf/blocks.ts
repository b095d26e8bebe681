import { contentsLine } from '../line-kinds.ts';
import { sizeRank, type SizeRank } from '../layout-signals.ts';
import { endsSentence, joinLines } from '../text.ts';
import type { FontFamily } from './fonts.ts';
import type { LineAlign, TextFrame, TextLine } from './lines.ts';
import type { Box, PageImage } from './page-images.ts';

export { sizeRank, type SizeRank };

export interface TextBlock {
  kind: 'text';
  /** Physical page, 1-based: what `file.pdf#page=N` needs. */
  page: number;
  printedPage?: number;
  /** Set when the paragraph runs on to a later page. */
  endPage?: number;
  text: string;
  lines: TextLine[];
  align: LineAlign;
  sizeRank: SizeRank;
  size: number;
  family: FontFamily;
  bold: boolean;
  /** First-line indent from the text block's left edge, in ems of the body size. */
  indent: number;
  /** Top of the first line and bottom of the last, on their own pages. */
  top: number;
  bottom: number;
}

export interface PictureBlock {
  kind: 'picture';
  page: number;
  printedPage?: number;
  bbox: Box;
  jpeg: Uint8Array;
  width: number;
  height: number;
  source: PageImage['source'];
}

export type LayoutBlock = TextBlock | PictureBlock;

const cjkFamilies = new Set<FontFamily>(['xiaobiaosong', 'hei', 'kai', 'fang', 'song']);

/** A digit run in Times inside a 仿宋 line must not split it; two CJK faces that differ must. */
function familiesDiffer(a: FontFamily, b: FontFamily): boolean {
  return a !== b && cjkFamilies.has(a) && cjkFamilies.has(b);
}

/** The usual distance between baselines of consecutive lines of each size (their leading). */
function linePitches(pages: readonly TextLine[][]): Map<number, number> {
  const gaps = new Map<number, number[]>();
  for (const lines of pages)
    lines.forEach((line, index) => {
      const next = lines[index + 1];
      if (!next || Math.abs(next.size - line.size) > 0.25) return;
      const key = Math.round(line.size * 2) / 2;
      gaps.set(key, [...(gaps.get(key) ?? []), next.y - line.y]);
    });
  return new Map(
    [...gaps].map(([size, list]) => {
      const sorted = list.sort((a, b) => a - b);
      // Clamped: with few lines of a size, the median can be the gap between two paragraphs.
      const median = sorted[Math.floor(sorted.length / 2)] ?? size * 1.5;
      return [size, Math.min(Math.max(median, size), size * 2)];
    }),
  );
}

/** In ems of the line's own size: a 2-character first-line indent, give or take. */
const indentRange = [1.5, 2.6] as const;
/** A baseline gap this many times the usual leading leaves a blank line: a new block. */
const blankLine = 1.3;
/** A line ending this many ems short of the right edge ends its paragraph. */
const shortLine = 1.5;

function indentOf(line: TextLine, frame: TextFrame): number {
  return (line.left - frame.left) / line.size;
}

function isIndented(line: TextLine, frame: TextFrame): boolean {
  const indent = indentOf(line, frame);
  return line.align !== 'centre' && line.align !== 'right' && indent >= indentRange[0] && indent <= indentRange[1];
}

function startsBlock(previous: TextLine, line: TextLine, frame: TextFrame, pitch: number): boolean {
  if (line.y - previous.y > blankLine * pitch) return true;
  if (Math.abs(line.size - previous.size) > 0.05 * Math.max(line.size, previous.size)) return true;
  if (familiesDiffer(line.family, previous.family) || line.bold !== previous.bold) return true;
  const centred = (l: TextLine) => l.align === 'centre';
  if (centred(line) !== centred(previous)) return true;
  if (line.align === 'right' || (previous.align === 'right' && !centred(line))) return true;
  if (isIndented(line, frame)) return true;
  if (!centred(previous) && previous.right < frame.right - shortLine * previous.size) return true;
  return contentsLine(previous.text) !== undefined;
}

function blockAlign(lines: readonly TextLine[]): LineAlign {
  if (lines.every((line) => line.align === 'centre')) return 'centre';
  if (lines.every((line) => line.align === 'right')) return 'right';
  const first = lines[0]?.align ?? 'left';
  if (lines.length > 1 && lines.slice(0, -1).every((line) => line.align === 'justified')) return 'justified';
  return first;
}

function dominantBy<T>(lines: readonly TextLine[], key: (line: TextLine) => T): T {
  const weights = new Map<T, number>();
  for (const line of lines) weights.set(key(line), (weights.get(key(line)) ?? 0) + [...line.text].length);
  return [...weights].sort((a, b) => b[1] - a[1])[0]?.[0] ?? key(lines[0] as TextLine);
}

function textBlock(lines: TextLine[], frame: TextFrame, printedPage: number | undefined): TextBlock {
  const first = lines[0] as TextLine;
  const last = lines[lines.length - 1] as TextLine;
  const size = dominantBy(lines, (line) => line.size);
  return {
    kind: 'text',
    page: first.page,
    ...(printedPage !== undefined ? { printedPage } : {}),
    text: joinLines(lines.map((line) => line.text)),
    lines,
    align: blockAlign(lines),
    sizeRank: sizeRank(size, frame.bodySize),
    size,
    family: dominantBy(lines, (line) => line.family),
    bold: dominantBy(lines, (line) => line.bold),
    indent: Math.round(((first.left - frame.left) / frame.bodySize) * 10) / 10 || 0, // never -0
    top: first.top,
    bottom: last.bottom,
  };
}

/**
 * A paragraph runs on to the next page when its last line fills the measure and does not end a
 * sentence, and the next page's first block starts flush left in the same face (MinerU's rule).
 */
function continues(previous: TextBlock, next: TextBlock, frame: TextFrame): boolean {
  const last = previous.lines[previous.lines.length - 1];
  const first = next.lines[0];
  if (!last || !first || next.page !== last.page + 1) return false;
  if (previous.align === 'centre' || previous.align === 'right' || next.align === 'centre' || next.align === 'right')
    return false;
  if (endsSentence(last.text) || last.right < frame.right - shortLine * last.size) return false;
  if (Math.abs(indentOf(first, frame)) > 0.5) return false;
  return (
    Math.abs(first.size - last.size) <= 0.05 * last.size &&
    !familiesDiffer(first.family, last.family) &&
    first.bold === last.bold
  );
}

/**
 * Lines to blocks in reading order (one column, top to bottom), pictures placed where they stand,
 * paragraphs split at indents, gaps, and changes of size, face or alignment, and joined across
 * page breaks.
 */
export function buildBlocks(
  pages: readonly TextLine[][],
  images: readonly PageImage[],
  frame: TextFrame,
  printedPages: readonly (number | undefined)[],
): LayoutBlock[] {
  const pitches = linePitches(pages);
  const blocks: LayoutBlock[] = [];
  pages.forEach((lines, index) => {
    const printedPage = printedPages[index];
    const pictures = images.filter((image) => image.page === index + 1).sort((a, b) => a.bbox.top - b.bbox.top);
    const pageBlocks: LayoutBlock[] = [];
    let current: TextLine[] = [];
    const close = () => {
      if (current.length > 0) pageBlocks.push(textBlock(current, frame, printedPage));
      current = [];
    };
    let pictureAt = 0;
    const placePictures = (above: number) => {
      for (; pictureAt < pictures.length && (pictures[pictureAt]?.bbox.top ?? Infinity) < above; pictureAt++) {
        close();
        const image = pictures[pictureAt] as PageImage;
        pageBlocks.push({ kind: 'picture', ...image, ...(printedPage !== undefined ? { printedPage } : {}) });
      }
    };
    for (const line of lines) {
      placePictures(line.top);
      const previous = current[current.length - 1];
      const pitch = pitches.get(Math.round(line.size * 2) / 2) ?? line.size * 1.5;
      if (previous && startsBlock(previous, line, frame, pitch)) close();
      current.push(line);
    }
    placePictures(Infinity);
    close();

    const lastText = [...blocks].reverse().find((block): block is TextBlock => block.kind === 'text');
    const firstText = pageBlocks.find((block): block is TextBlock => block.kind === 'text');
    if (lastText && firstText && continues(lastText, firstText, frame)) {
      lastText.lines = [...lastText.lines, ...firstText.lines];
      lastText.text = joinLines([lastText.text, firstText.text]);
      lastText.endPage = firstText.page;
      lastText.bottom = firstText.bottom;
      lastText.align = blockAlign(lastText.lines);
      pageBlocks.splice(pageBlocks.indexOf(firstText), 1);
    }
    blocks.push(...pageBlocks);
  });
  return blocks;
}
