import type { ImportedPicture } from '../imported-issue.ts';
import type { LineLayout } from '../layout-hints.ts';
import { lineFace, mostWeighted } from '../layout-signals.ts';
import type { SourceLine } from '../text.ts';
import type { LayoutBlock, TextBlock } from './blocks.ts';
import { pairCaptions, type PictureGroup } from './captions.ts';
import type { FontFamily } from './fonts.ts';

/** A group of pictures where it stands among the lines: a blank line of its own. */
export interface PlacedPictures {
  /** The blank line standing for the pictures. */
  line: number;
  page: number;
  pictures: ImportedPicture[];
  /** The line of the caption the pictures were paired with, if any. */
  captionLine?: number;
}

export interface BlockLines {
  /**
   * One line per text block, a blank line between blocks and three blank lines where pictures
   * stand (the middle one standing for them), as a PDF's text would read with its gaps.
   */
  lines: SourceLine[];
  pictures: PlacedPictures[];
  /** The physical page of each line that stands for a block. */
  pages: Map<number, number>;
}

/** The family most body text is set in (宋体 or 仿宋, usually). */
function bodyFamily(blocks: readonly LayoutBlock[]): FontFamily | undefined {
  return mostWeighted(
    blocks.filter((block): block is TextBlock => block.kind === 'text' && block.sizeRank === 'body'),
    (block) => block.family,
    (block) => block.text.length,
  );
}

/**
 * Same page, face and size, the same left edge and no more than a line's leading between them:
 * the line below may carry on this one. Contents entries are blocks of one line each, set at the
 * same leading as a wrapped title's second line, so the gap cannot tell them apart: the reader of
 * the contents decides by the text (a line with its own page number is an entry of its own).
 */
function continuesAbove(block: TextBlock, previous: LayoutBlock | undefined): boolean {
  if (previous?.kind !== 'text' || previous.page !== block.page) return false;
  const [first] = block.lines;
  const [above] = previous.lines;
  if (!first || !above) return false;
  return (
    Math.abs(first.left - above.left) <= 0.5 * block.size &&
    Math.abs(block.size - previous.size) <= 0.05 * block.size &&
    block.family === previous.family &&
    block.bold === previous.bold &&
    block.top - previous.bottom <= 1.2 * block.size
  );
}

/**
 * The layout as lines for the structure steps shared with the plain-text import, each with its
 * layout: pictures named `p<page>-<n>.jpg` by physical page in reading order and handed to their
 * captions (`layout.caption.pictures` holds the file names; the caller makes them addresses).
 */
export function blockLines(blocks: readonly LayoutBlock[]): BlockLines {
  const groups = pairCaptions(blocks);
  const family = bodyFamily(blocks);
  const lines: SourceLine[] = [];
  const pages = new Map<number, number>();
  const placed: { group: PictureGroup; at: PlacedPictures }[] = [];
  const textLines = new Map<TextBlock, SourceLine & { layout: LineLayout }>();
  const perPage = new Map<number, number>();
  const blank = () => lines.push({ no: lines.length + 1, text: '' });

  blocks.forEach((block, index) => {
    const group = groups.find((g) => g.at === index);
    if (group) {
      const [first] = group.pictures;
      if (!first) return;
      blank();
      blank();
      const pictures = group.pictures.map((picture) => {
        const n = (perPage.get(picture.page) ?? 0) + 1;
        perPage.set(picture.page, n);
        return { name: `p${picture.page}-${n}.jpg`, bytes: picture.jpeg };
      });
      const at: PlacedPictures = { line: lines.length + 1, page: first.page, pictures };
      placed.push({ group, at });
      pages.set(at.line, first.page);
      blank();
      return;
    }
    if (block.kind !== 'text') return;
    if (lines.length > 0) blank();
    const no = lines.length + 1;
    pages.set(no, block.page);
    const layout: LineLayout = {
      page: block.page,
      align: block.align,
      sizeRank: block.sizeRank,
      face: lineFace(block.family, family),
      bold: block.bold,
      lines: block.lines.length,
      continuesAbove: continuesAbove(block, blocks[index - 1]),
    };
    const line = { no, text: block.text, layout };
    lines.push(line);
    textLines.set(block, line);
  });
  for (const { group, at } of placed) {
    const line = group.caption && textLines.get(group.caption.block);
    if (!group.caption || !line) continue;
    at.captionLine = line.no;
    line.layout.caption = { pictures: at.pictures.map((picture) => picture.name), distant: group.caption.distant };
  }
  return { lines, pictures: placed.map(({ at }) => at), pages };
}
