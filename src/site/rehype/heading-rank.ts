import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

export interface HeadingRankOptions {
  /** Levels to move sub-headings by: -2 puts `####` (h4) at h2 under a page's h1 title. */
  shift: number;
  /** The highest level a sub-heading may take (the page's own title keeps h1). */
  highest: number;
}

const level = /^h([1-6])$/;

/** Moves the body's headings to the levels this output's outline needs, between `highest` and h6. */
export default function rehypeHeadingRank({ shift, highest }: HeadingRankOptions) {
  return (tree: Root) => {
    visit(tree, 'element', (element) => {
      const depth = level.exec(element.tagName)?.[1];
      if (depth === undefined) return;
      element.tagName = `h${Math.min(6, Math.max(highest, Number(depth) + shift))}`;
    });
  };
}
