import GithubSlugger from 'github-slugger';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Image, Paragraph, Root, RootContent, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Figure, Heading } from '../model.ts';
import { linkParkMentions } from '../parks/link-mentions.ts';
import type { ParkMatcher } from '../parks/matcher.ts';
import { isSafeUrl } from '../core/safe-url.ts';
import { isWide } from '../core/wide-chars.ts';

export interface RenderedBody {
  html: string;
  text: string;
  headings: Heading[];
  figures: Figure[];
}

/** A caption-only figure is written `图：说明` on a line of its own (the photo is not in hand yet). */
const captionOnly = /^图\s*[:：]\s*/;

/**
 * Article titles are the page's h1 and `####` sub-headings sit two levels below the `###` title
 * in the file; on the article page they become h2 so the outline has no gaps.
 */
const headingRankShift = 2;

const schema: SanitizeSchema = {
  ...defaultSchema,
  // Ids here are slugs we made from heading text; raw HTML never reaches this point.
  clobberPrefix: '',
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption'],
  attributes: {
    ...defaultSchema.attributes,
    figure: [['className', 'figure', 'figure-pending']],
    div: [...(defaultSchema.attributes?.div ?? []), ['className', 'figure-placeholder']],
    img: [...(defaultSchema.attributes?.img ?? []), ['loading', 'lazy']],
  },
};

const toHtml = unified().use(remarkRehype).use(rehypeSanitize, schema).use(rehypeStringify);

/**
 * Renders an article's body blocks to sanitized HTML and to the plain text a reader reads;
 * with a park matcher, the first mention of each park links to its page.
 */
export function renderArticleBody(blocks: readonly RootContent[], subtitle?: string, parks?: ParkMatcher): RenderedBody {
  const tree: Root = { type: 'root', children: structuredClone(blocks as RootContent[]) };
  joinChineseSoftBreaks(tree);
  showRawHtmlAsText(tree);
  const figures = markFigures(tree);
  const headings = markHeadings(tree);
  if (parks) linkParkMentions(tree, parks, new Set(figures.keys()));
  const html = toHtml.stringify(toHtml.runSync(tree) as HastRoot);
  const lines = [...(subtitle === undefined ? [] : [`——${subtitle}`]), ...tree.children.flatMap((node) => blockLines(node, figures))];
  return { html, text: lines.join('\n'), headings, figures: [...figures.values()] };
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
    const text: Text = { type: 'text', value: node.value, position: node.position };
    const replacement: RootContent = parent.type === 'root' || parent.type === 'blockquote' || parent.type === 'listItem'
      ? { type: 'paragraph', children: [text], position: node.position }
      : text;
    parent.children.splice(index, 1, replacement as never);
  });
}

function figureOf(paragraph: Paragraph): Figure | undefined {
  const children = paragraph.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  const only = children.length === 1 ? children[0] : undefined;
  if (only?.type === 'image') {
    const image = only as Image;
    const caption = (image.alt || image.title || '').trim();
    // An unsafe address is no picture: the figure waits for a real one, and validation says why.
    return isSafeUrl(image.url) ? { caption, src: image.url } : { caption };
  }
  const text = toString(paragraph).trim();
  return captionOnly.test(text) ? { caption: text.replace(captionOnly, '').trim() } : undefined;
}

/** Turns figure paragraphs into <figure> elements; the figures come back in reading order. */
function markFigures(tree: Root): Map<Paragraph, Figure> {
  const figures = new Map<Paragraph, Figure>();
  visit(tree, 'paragraph', (node: Paragraph) => {
    const figure = figureOf(node);
    if (!figure) return;
    figures.set(node, figure);
    const caption: Element = { type: 'element', tagName: 'figcaption', properties: {}, children: [{ type: 'text', value: figure.caption }] };
    const picture: Element = figure.src
      ? { type: 'element', tagName: 'img', properties: { src: figure.src, alt: figure.caption, loading: 'lazy' }, children: [] }
      : { type: 'element', tagName: 'div', properties: { className: ['figure-placeholder'] }, children: [{ type: 'text', value: '图片暂缺' }] };
    node.data = {
      hName: 'figure',
      hProperties: { className: figure.src ? ['figure'] : ['figure', 'figure-pending'] },
      hChildren: [picture, caption] as ElementContent[],
    };
  });
  return figures;
}

/** Gives sub-headings their anchor ids and output rank, and lists them for tables of contents. */
function markHeadings(tree: Root): Heading[] {
  const slugger = new GithubSlugger();
  const headings: Heading[] = [];
  visit(tree, 'heading', (node) => {
    const text = toString(node).trim();
    const id = slugger.slug(text) || `section-${headings.length + 1}`;
    headings.push({ text, depth: node.depth, id });
    node.data = { ...node.data, hProperties: { id } };
    node.depth = Math.max(2, node.depth - headingRankShift) as typeof node.depth;
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
