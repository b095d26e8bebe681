import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { Figure, FigurePicture } from '../../model.ts';
import { laterPictureLabel } from '../labels.ts';
import type { PictureSet } from '../media/picture-plan.ts';
import { pictureSizes, sideBySideSizes } from '../media/image-options.ts';

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

/**
 * A caption that numbers itself (`图1 调研现场`, `图 2`, `图三`), as printed bulletins often do:
 * the site's own `图：` before it would read `图：图1 调研现场`.
 */
const labelledCaption = /^图\s*[0-9０-９一二三四五六七八九十]+(?![\p{Script=Han}])|^图\s*[0-9０-９]+/u;

function figureClasses(model: Figure | undefined, ...kinds: string[]): string[] {
  return ['figure', ...kinds, ...(model && labelledCaption.test(model.caption) ? ['figure-labelled'] : [])];
}

/** Blocks of the body from the top that count as the first screen. */
const firstScreenBlocks = 3;

/**
 * How the site shows figures: each processed picture with its size reserved (no layout shift),
 * several pictures of one figure side by side above the one caption (stacked on a phone), or,
 * where the editor has only the caption (the 2018 text), the caption alone as a line: readers see
 * no empty boxes; editors are told about the missing picture by `npm run check`.
 */
export default function rehypeFigurePictures(options: FigurePicturesOptions) {
  return (tree: Root) => {
    let index = 0;
    visit(tree, 'element', (figure: Element, position, parent) => {
      if (figure.tagName !== 'figure') return;
      const model = options.figures[index++];
      // The n-th `<img>` of the figure is its n-th picture (src/pipeline/render.ts).
      const images = figure.children.filter(
        (child): child is Element => child.type === 'element' && child.tagName === 'img',
      );
      const caption = figure.children.filter((child) => !images.includes(child as Element));
      if (images.length === 0) {
        figure.properties.className = figureClasses(model, 'figure-caption-only');
        return;
      }
      figure.properties.className = figureClasses(model);
      const eager = options.firstScreen === true && parent === tree && (position ?? Infinity) < firstScreenBlocks;
      const shown = images.map((image, at) => ({
        image,
        picture: model?.pictures[at],
        set: setOf(model?.pictures[at], options.pictures),
      }));
      const aspects = shown.map(({ set }) => (set ? set.width / set.height : 1));
      const total = aspects.reduce((sum, aspect) => sum + aspect, 0);
      const pictures = shown.map(({ image, picture, set }, at): Element => {
        // A later picture the editor gave no text of its own: described by the caption alone.
        const alt = at === 0 ? (model?.caption ?? '') : (picture?.alt ?? '');
        if (!set) {
          // A picture on another site (the check warns): shown from there, its size unknown.
          Object.assign(image.properties, loadingHints(eager));
          return image;
        }
        if (options.form === 'plain') return img({ src: set.full, width: set.width, height: set.height, alt });
        const sizes = shown.length === 1 ? pictureSizes : sideBySideSizes((aspects[at] ?? 1) / total);
        // A link needs a name: a later picture without text of its own gets its figure's caption and number.
        const label = at > 0 && alt === '' && model ? laterPictureLabel(model.caption, at + 1) : undefined;
        return responsive(set, { alt, sizes, eager, ...(label === undefined ? {} : { label }) });
      });
      if (pictures.length === 1 || options.form === 'plain') {
        figure.children = [...pictures, ...caption];
        return;
      }
      // Each picture takes a share of the row in proportion to its shape, so all stand equally tall.
      pictures.forEach((picture, at) => {
        picture.properties.style = `--aspect: ${(aspects[at] ?? 1).toFixed(4)}`;
      });
      const row: Element = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['figure-pictures'] },
        children: pictures,
      };
      figure.children = [row, ...caption];
    });
  };
}

function setOf(picture: FigurePicture | undefined, sets: ReadonlyMap<string, PictureSet>): PictureSet | undefined {
  return picture?.image ? sets.get(picture.image.digest) : undefined;
}

function responsive(
  set: PictureSet,
  { alt, sizes, eager, label }: { alt: string; sizes: string; eager: boolean; label?: string },
): Element {
  const sources: ElementContent[] = set.sources.map((source) => ({
    type: 'element',
    tagName: 'source',
    properties: { type: source.type, srcSet: source.srcset, sizes },
    children: [],
  }));
  const fallback = img({
    src: set.fallback.src,
    srcSet: set.fallback.srcset,
    sizes,
    width: set.width,
    height: set.height,
    alt,
    ...loadingHints(eager),
  });
  return {
    type: 'element',
    tagName: 'a',
    properties: { className: ['figure-link'], href: set.full, ...(label === undefined ? {} : { ariaLabel: label }) },
    children: [{ type: 'element', tagName: 'picture', properties: {}, children: [...sources, fallback] }],
  };
}

function loadingHints(eager: boolean): Element['properties'] {
  return eager ? { decoding: 'async' } : { loading: 'lazy', decoding: 'async' };
}

function img(properties: Element['properties']): Element {
  return { type: 'element', tagName: 'img', properties, children: [] };
}
