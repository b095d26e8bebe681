import GithubSlugger from 'github-slugger';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { sanitize, defaultSchema, type Schema } from 'hast-util-sanitize';
import type { Paragraph, Root, RootContent, Text } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { toString } from 'mdast-util-to-string';
import { removePosition } from 'unist-util-remove-position';
import { visit } from 'unist-util-visit';
import { captionOnlyText, figureParagraphImages, imageText, subtitleParagraphText } from '../core/content-format.ts';
import { isSafeUrl } from '../core/safe-url.ts';
import { isWide } from '../core/wide-chars.ts';
import type { Figure, FigureImage, FigurePicture, Heading } from '../model.ts';

export interface RenderedBody {
  /** Sanitized, position-free HTML tree of the body: the model's `Article.body`. */
  body: HastRoot;
  text: string;
  headings: Heading[];
  figures: Figure[];
}

/**
 * What an article body may hold: the default (GitHub's) schema plus figures. Ids are slugs made
 * here from heading text and stay as they are (no clobber prefix); outputs that put several
 * articles on one page prefix them when they render.
 */
const modelSchema: Schema = {
  ...defaultSchema,
  clobberPrefix: '',
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption'],
};

/**
 * Turns an article's body blocks into the model's content: a sanitized HTML tree, the plain text
 * a reader reads (subtitle first, one block a line), the sub-headings and the figures, each with
 * its picture file when `images` (by address as written) has one.
 */
export function renderArticleBody(
  blocks: readonly RootContent[],
  subtitle?: string,
  images: ReadonlyMap<string, FigureImage> = new Map(),
): RenderedBody {
  const tree: Root = { type: 'root', children: structuredClone([...blocks]) };
  joinChineseSoftBreaks(tree);
  showRawHtmlAsText(tree);
  const figures = markFigures(tree, images);
  const headings = markHeadings(tree);
  const hast = toHast(tree);
  const body = sanitize(hast, modelSchema);
  if (body.type !== 'root') throw new TypeError('sanitizing a root gave no root');
  removePosition(body, { force: true });
  const lines = [
    ...(subtitle === undefined ? [] : [subtitleParagraphText(subtitle)]),
    ...tree.children.flatMap((node) => blockLines(node, figures)),
  ];
  return { body, text: lines.join('\n'), headings, figures: [...figures.values()] };
}

/**
 * A line break inside a paragraph is only layout in the source; between two Chinese characters
 * it must vanish (a space there would be a visible gap), elsewhere it is a space.
 */
export function joinChineseSoftBreaks(tree: Root): void {
  visit(tree, 'text', (node: Text) => {
    node.value = node.value.replace(/[ \t]*\n[ \t]*/g, (lineBreak: string, offset: number, whole: string) =>
      isWide(whole.charAt(offset - 1)) || isWide(whole.charAt(offset + lineBreak.length)) ? '' : ' ',
    );
  });
}

/** Raw HTML in content is shown as the text it is, never as markup; validation warns about it. */
export function showRawHtmlAsText(tree: Root): void {
  visit(tree, 'html', (node, index, parent) => {
    if (!parent || index === undefined) return;
    const text: Text = { type: 'text', value: node.value };
    if (node.position) text.position = node.position;
    if (parent.type === 'root' || parent.type === 'blockquote' || parent.type === 'listItem') {
      const paragraph: Paragraph = { type: 'paragraph', children: [text] };
      if (node.position) paragraph.position = node.position;
      parent.children.splice(index, 1, paragraph);
    } else {
      parent.children.splice(index, 1, text);
    }
  });
}

function figureOf(paragraph: Paragraph, images: ReadonlyMap<string, FigureImage>): Figure | undefined {
  const written = figureParagraphImages(paragraph);
  if (written) {
    const [first] = written;
    const caption = first ? imageText(first) : '';
    // An unsafe address is no picture: the figure waits for a real one, and validation says why.
    const pictures = written.flatMap((image, index): FigurePicture[] => {
      if (!isSafeUrl(image.url)) return [];
      const alt = index === 0 ? '' : imageText(image);
      const file = images.get(image.url);
      return [{ src: image.url, ...(alt === '' ? {} : { alt }), ...(file ? { image: file } : {}) }];
    });
    return { caption, pictures };
  }
  const caption = captionOnlyText(toString(paragraph));
  return caption === undefined ? undefined : { caption, pictures: [] };
}

/**
 * Turns figure paragraphs into `<figure>` elements: an `<img>` for each picture (the first one's
 * text is the caption, a later one's is its own or none), then the caption. The figures come back
 * in reading order.
 */
function markFigures(tree: Root, images: ReadonlyMap<string, FigureImage>): Map<Paragraph, Figure> {
  const figures = new Map<Paragraph, Figure>();
  visit(tree, 'paragraph', (node: Paragraph) => {
    const figure = figureOf(node, images);
    if (!figure) return;
    figures.set(node, figure);
    const caption: Element = {
      type: 'element',
      tagName: 'figcaption',
      properties: {},
      children: [{ type: 'text', value: figure.caption }],
    };
    const pictures: ElementContent[] = figure.pictures.map((picture, index) => ({
      type: 'element',
      tagName: 'img',
      properties: { src: picture.src, alt: index === 0 ? figure.caption : (picture.alt ?? '') },
      children: [],
    }));
    node.data = { hName: 'figure', hProperties: {}, hChildren: [...pictures, caption] };
  });
  return figures;
}

/** Gives sub-headings their anchor ids and lists them for tables of contents. */
function markHeadings(tree: Root): Heading[] {
  const slugger = new GithubSlugger();
  const headings: Heading[] = [];
  visit(tree, 'heading', (node) => {
    const text = toString(node).trim();
    const id = slugger.slug(text) || `section-${headings.length + 1}`;
    headings.push({ text, depth: node.depth, id });
    node.data = { ...node.data, hProperties: { id } };
  });
  return headings;
}

function blockLines(node: RootContent, figures: ReadonlyMap<Paragraph, Figure>): string[] {
  const figure = node.type === 'paragraph' ? figures.get(node) : undefined;
  if (figure) return figure.caption === '' ? [] : [figure.caption];
  switch (node.type) {
    case 'list':
    case 'listItem':
    case 'blockquote':
      return node.children.flatMap((child) => blockLines(child, figures));
    case 'thematicBreak':
    case 'definition':
      return [];
    default: {
      const text = toString(node).trim();
      return text === '' ? [] : [text];
    }
  }
}
