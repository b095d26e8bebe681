import type { Link, Paragraph, PhrasingContent, Root, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { ParkMatcher } from './matcher.ts';

export function parkUrl(id: string): string {
  return `/parks/${id}/`;
}

/**
 * Links the first mention of each park in an article's running text to the park's page.
 * Headings, existing links and figure captions are left alone: a link there reads as noise.
 */
export function linkParkMentions(tree: Root, matcher: ParkMatcher, skip: ReadonlySet<Paragraph>): void {
  const linked = new Set<string>();
  visit(tree, (node, index, parent) => {
    if (node.type === 'heading' || node.type === 'link' || node.type === 'linkReference' || (node.type === 'paragraph' && skip.has(node))) return SKIP;
    if (node.type !== 'text' || !parent || index === undefined) return undefined;
    const pieces: PhrasingContent[] = [];
    let cursor = 0;
    for (const mention of matcher.find(node.value)) {
      if (linked.has(mention.id)) continue;
      linked.add(mention.id);
      if (mention.start > cursor) pieces.push(text(node.value.slice(cursor, mention.start)));
      const link: Link = { type: 'link', url: parkUrl(mention.id), title: null, children: [text(mention.written)] };
      pieces.push(link);
      cursor = mention.end;
    }
    if (pieces.length === 0) return undefined;
    if (cursor < node.value.length) pieces.push(text(node.value.slice(cursor)));
    (parent.children as PhrasingContent[]).splice(index, 1, ...pieces);
    return [SKIP, index + pieces.length];
  });
}

function text(value: string): Text {
  return { type: 'text', value };
}
