import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

export interface FigurePresentationOptions {
  /** Text of the box shown where the photo of a caption-only figure will go; none leaves no box. */
  placeholder?: string;
}

/**
 * How the site shows figures: classes for the stylesheet, a box with a note where the photo is
 * still missing (the 2018 text has only captions), and pictures loaded as the reader scrolls.
 */
export default function rehypeFigurePresentation({ placeholder }: FigurePresentationOptions = {}) {
  return (tree: Root) => {
    visit(tree, 'element', (figure: Element) => {
      if (figure.tagName !== 'figure') return;
      const image = figure.children.find(
        (child): child is Element => child.type === 'element' && child.tagName === 'img',
      );
      figure.properties.className = image ? ['figure'] : ['figure', 'figure-pending'];
      if (image) image.properties.loading = 'lazy';
      else if (placeholder !== undefined) figure.children.unshift(placeholderBox(placeholder));
    });
  };
}

function placeholderBox(text: string): Element {
  return {
    type: 'element',
    tagName: 'div',
    properties: { className: ['figure-placeholder'] },
    children: [{ type: 'text', value: text }],
  };
}
