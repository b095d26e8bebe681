/**
 * Article pages, bundled into assets/highlight.js: a reader who opens a search result
 * (/2018/01/p3/?highlight=泰州) sees the terms marked in the title, subtitle and text, and the
 * first one scrolled into view. Matching is query.ts's own (whole terms, ignoring whitespace,
 * letter case and full width), so the page marks what the search found, one <mark> per stretch,
 * never one per character. Without the parameter, or without JavaScript, the page is unchanged.
 *
 * Pagefind's pagefind-highlight.js is not used: it marks words as Pagefind segments them, which
 * for Chinese is dictionary words, not the substrings this search matches.
 */
import { matchRanges } from '../query.ts';
import { queryTerms } from '../tokens.ts';

/** The parts of an article page that the index holds (records.ts): not the contents list, citation or navigation. */
const searchedParts = '.article-title, .article-header .subtitle, .article-body';
/** A match never runs from one of these into the next, as in the index, where each is its own block. */
const blockElements =
  'h1, h2, h3, h4, h5, h6, p, li, dt, dd, td, th, figcaption, blockquote, pre, div, figure, section';

interface Piece {
  node: Text;
  start: number;
  end: number;
}

/** Text nodes under `root`, grouped by the block they sit in, in document order. */
function textBlocks(root: Element): Text[][] {
  const blocks = new Map<Element, Text[]>();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!(node instanceof Text)) continue;
    const text = node;
    const block = text.parentElement?.closest(blockElements) ?? root;
    blocks.set(block, [...(blocks.get(block) ?? []), text]);
  }
  return [...blocks.values()];
}

/** Matches in the block's text, cut at text node boundaries (a match across <a>…</a> gets a mark on each side). */
function matchPieces(nodes: readonly Text[], terms: readonly string[]): Piece[] {
  const pieces: Piece[] = [];
  for (const [start, end] of matchRanges(nodes.map((node) => node.data).join(''), terms)) {
    let offset = 0;
    for (const node of nodes) {
      const from = Math.max(start, offset);
      const to = Math.min(end, offset + node.data.length);
      if (from < to) pieces.push({ node, start: from - offset, end: to - offset });
      offset += node.data.length;
    }
  }
  return pieces;
}

function wrap({ node, start, end }: Piece): HTMLElement {
  const matched = node.splitText(start);
  matched.splitText(end - start);
  const mark = document.createElement('mark');
  matched.replaceWith(mark);
  mark.append(matched);
  return mark;
}

function markTerms(terms: readonly string[]): HTMLElement[] {
  const pieces = [...document.querySelectorAll(searchedParts)].flatMap((part) =>
    textBlocks(part).flatMap((nodes) => matchPieces(nodes, terms)),
  );
  // Last piece first: splitting keeps a node's beginning in place, so earlier offsets stay valid.
  return pieces.reverse().map(wrap).reverse();
}

const terms = queryTerms(new URLSearchParams(location.search).get('highlight') ?? '');
if (terms.length > 0) {
  const [first] = markTerms(terms);
  // A sub-result link (#anchor) already says where to look.
  if (first && !location.hash) first.scrollIntoView({ block: 'center' });
}
