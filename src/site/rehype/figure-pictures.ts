import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { Figure } from '../../model.ts';
import type { PictureSet } from '../media/picture-plan.ts';
import { pictureSizes } from '../media/image-options.ts';

export interface FigurePicturesOptions {
  /** The article's figures: the n-th `<figure>` of the body is `figures[n]`. */
  figures: readonly Figure[];
  /** Processed pictures by digest (src/site/media). */
  pictures: ReadonlyMap<string, PictureSet>;
  /**
   * `responsive`: `<picture>` with AVIF and WebP sources at several widths, linked to the full
   * size; `plain`: one `<img>` of the full-size file, for readers of feeds and open data, which
   * take neither `<picture>` nor `srcset` reliably.
   */
  form: 'responsive' | 'plain';
  /**
   * The page opens on this body (the article page): a figure among its first blocks is on the
   * first screen and loads at once; every other picture loads as the reader scrolls to it.
   */
  firstScreen?: boolean;
}

/** Blocks of the body from the top that count as the first screen. */
const firstScreenBlocks = 3;

/**
 * How the site shows figures: a processed picture with its size reserved (no layout shift), or,
 * where the editor has only the caption (the 2018 text), the caption alone as a line: readers see
 * no empty boxes; editors are told about the missing picture by `npm run check`.
 */
export default function rehypeFigurePictures(options: FigurePicturesOptions) {
  return (tree: Root) => {
    let index = 0;
    visit(tree, 'element', (figure: Element, position, parent) => {
      if (figure.tagName !== 'figure') return;
      const model = options.figures[index++];
      const at = figure.children.findIndex((child) => child.type === 'element' && child.tagName === 'img');
      const image = figure.children[at];
      if (at < 0 || image?.type !== 'element') {
        figure.properties.className = ['figure', 'figure-caption-only'];
        return;
      }
      figure.properties.className = ['figure'];
      const eager = options.firstScreen === true && parent === tree && (position ?? Infinity) < firstScreenBlocks;
      const set = model?.image ? options.pictures.get(model.image.digest) : undefined;
      const alt = model?.caption ?? '';
      if (!set) {
        // A picture on another site (the check warns): shown from there, its size unknown.
        Object.assign(image.properties, loadingHints(eager));
        return;
      }
      figure.children[at] =
        options.form === 'plain'
          ? img({ src: set.full, width: set.width, height: set.height, alt })
          : responsive(set, alt, eager);
    });
  };
}

function responsive(set: PictureSet, alt: string, eager: boolean): Element {
  const sources: ElementContent[] = set.sources.map((source) => ({
    type: 'element',
    tagName: 'source',
    properties: { type: source.type, srcSet: source.srcset, sizes: pictureSizes },
    children: [],
  }));
  const fallback = img({
    src: set.fallback.src,
    srcSet: set.fallback.srcset,
    sizes: pictureSizes,
    width: set.width,
    height: set.height,
    alt,
    ...loadingHints(eager),
  });
  return {
    type: 'element',
    tagName: 'a',
    properties: { className: ['figure-link'], href: set.full },
    children: [{ type: 'element', tagName: 'picture', properties: {}, children: [...sources, fallback] }],
  };
}

function loadingHints(eager: boolean): Element['properties'] {
  return eager ? { decoding: 'async' } : { loading: 'lazy', decoding: 'async' };
}

function img(properties: Element['properties']): Element {
  return { type: 'element', tagName: 'img', properties, children: [] };
}
