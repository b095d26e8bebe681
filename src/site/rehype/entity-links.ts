import type { Element, ElementContent, Root, RootContent } from 'hast';
import { readEntityMark, type EntityMark } from '../../core/entity-mark.ts';

export interface EntityLinksOptions {
  /** The page an entity's link leads to in this output; undefined leaves its mentions as text. */
  href(mark: EntityMark): string | undefined;
}

/** Where a link reads as noise, or is not allowed: headings, captions, links. */
const noLinksInside = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figcaption', 'a']);

/**
 * Entity marks (`<data data-entity value>`, src/core/entity-mark.ts) become what a reader
 * needs: the first mention of each entity in the running text links to its page; every other
 * mention, and every mention in a heading or caption, is its plain text.
 */
export default function rehypeEntityLinks(options: EntityLinksOptions) {
  return (tree: Root) => {
    const linked = new Set<string>();
    const visit = (parent: Root | Element, linksAllowed: boolean): void => {
      parent.children = parent.children.flatMap((child): RootContent[] => {
        if (child.type !== 'element') return [child];
        const mark = readEntityMark(child);
        if (!mark) {
          visit(child, linksAllowed && !noLinksInside.has(child.tagName));
          return [child];
        }
        visit(child, false);
        const key = `${mark.entity} ${mark.id}`;
        const href = linksAllowed && !linked.has(key) ? options.href(mark) : undefined;
        if (href === undefined) return child.children;
        linked.add(key);
        return [link(href, child.children)];
      });
    };
    visit(tree, true);
  };
}

function link(href: string, children: ElementContent[]): Element {
  return { type: 'element', tagName: 'a', properties: { href }, children };
}
