import { isCaptionShape, mostWeighted } from '../layout-signals.ts';
import type { LayoutBlock, PictureBlock, TextBlock } from './blocks.ts';

/** Pictures shown together: one, or several side by side (their heights overlap), left to right. */
export interface PictureGroup {
  pictures: PictureBlock[];
  /** Index in the layout's blocks of the group's first picture. */
  at: number;
  /** The text block that is their caption, when one was found, and whether it stood far off. */
  caption?: { block: TextBlock; distant: boolean };
}

/** Further than this (in ems of the body size) between picture and caption is a match at a distance. */
const nearGap = 2;

function isCaptionShaped(block: TextBlock): boolean {
  return isCaptionShape({ ...block, lines: block.lines.length });
}

function overlapsVertically(a: PictureBlock, b: PictureBlock): boolean {
  return a.page === b.page && a.bbox.top < b.bbox.bottom && b.bbox.top < a.bbox.bottom;
}

/** Consecutive pictures of a page side by side make one group; one below another, two. */
function groupPictures(blocks: readonly LayoutBlock[]): PictureGroup[] {
  const groups: PictureGroup[] = [];
  blocks.forEach((block, index) => {
    if (block.kind !== 'picture') return;
    const last = groups.at(-1);
    const previous = blocks[index - 1];
    if (last && previous?.kind === 'picture' && last.pictures.some((p) => overlapsVertically(p, block)))
      last.pictures.push(block);
    else groups.push({ pictures: [block], at: index });
  });
  for (const group of groups) group.pictures.sort((a, b) => a.bbox.left - b.bbox.left);
  return groups;
}

/** The body size: the size most text is set in. */
function bodySize(blocks: readonly LayoutBlock[]): number {
  const body = blocks.filter((block): block is TextBlock => block.kind === 'text' && block.sizeRank === 'body');
  return (
    mostWeighted(
      body,
      (block) => block.size,
      (block) => block.text.length,
    ) ?? 12
  );
}

/**
 * Pairs each group of pictures with its caption: the short centred block right below it on the
 * same page, else the one right above it (when that is no other picture's caption). A caption
 * further than two lines' worth from its pictures is still taken, and marked as distant.
 */
export function pairCaptions(blocks: readonly LayoutBlock[]): PictureGroup[] {
  const groups = groupPictures(blocks);
  const em = bodySize(blocks);
  const taken = new Set<TextBlock>();
  for (const group of groups) {
    const first = group.pictures[0];
    if (!first) continue;
    const top = Math.min(...group.pictures.map((p) => p.bbox.top));
    const bottom = Math.max(...group.pictures.map((p) => p.bbox.bottom));
    const below = blocks[group.at + group.pictures.length];
    const above = blocks[group.at - 1];
    if (below?.kind === 'text' && below.page === first.page && isCaptionShaped(below)) {
      group.caption = { block: below, distant: below.top - bottom > nearGap * em };
    } else if (above?.kind === 'text' && above.page === first.page && !taken.has(above) && isCaptionShaped(above)) {
      group.caption = { block: above, distant: top - above.bottom > nearGap * em };
    }
    if (group.caption) taken.add(group.caption.block);
  }
  return groups;
}
