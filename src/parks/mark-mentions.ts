import type { ElementContent, Root, Text } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { entityMarkElement } from '../core/entity-mark.ts';
import type { ParkMatcher } from './matcher.ts';

/** The entity name parks are marked with in article bodies. */
export const parkEntity = 'park';

/**
 * Marks every mention of a gazetteer park in an article's body tree (src/core/entity-mark.ts):
 * content, not presentation, so that each output decides what a mention becomes (the site links
 * the first one to the park's page). Text inside links stays as it is: a link inside a link is
 * not HTML.
 */
export function markParkMentions(tree: Root, matcher: ParkMatcher): void {
  visit(tree, (node, index, parent) => {
    if (node.type === 'element' && node.tagName === 'a') return SKIP;
    if (node.type !== 'text' || !parent || index === undefined) return undefined;
    const pieces: ElementContent[] = [];
    let cursor = 0;
    for (const mention of matcher.find(node.value)) {
      if (mention.start > cursor) pieces.push(text(node.value.slice(cursor, mention.start)));
      pieces.push(entityMarkElement({ entity: parkEntity, id: mention.id }, [text(mention.written)]));
      cursor = mention.end;
    }
    if (pieces.length === 0) return undefined;
    if (cursor < node.value.length) pieces.push(text(node.value.slice(cursor)));
    // Not splice(index, 1, ...pieces): a long text with many mentions would pass them all as arguments.
    parent.children = parent.children.slice(0, index).concat(pieces, parent.children.slice(index + 1));
    return [SKIP, index + pieces.length];
  });
}

function text(value: string): Text {
  return { type: 'text', value };
}
