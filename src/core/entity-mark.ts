import type { Element, ElementContent } from 'hast';

/**
 * How an article body (the model's `Article.body`) marks a mention of something an enrichment
 * knows, such as a park of the gazetteer: `<data data-entity="park" value="<id>">name</data>`.
 * `<data>` is HTML's element for content with a machine-readable value, so an output that does
 * nothing with the mark still shows the name; the site turns marks into links.
 */
export interface EntityMark {
  /** What is mentioned: `park`. */
  entity: string;
  id: string;
}

export function entityMarkElement({ entity, id }: EntityMark, children: ElementContent[]): Element {
  return { type: 'element', tagName: 'data', properties: { dataEntity: entity, value: id }, children };
}

/** The mark an element is, if it is one. */
export function readEntityMark(element: Element): EntityMark | undefined {
  if (element.tagName !== 'data') return undefined;
  const { dataEntity, value } = element.properties;
  return typeof dataEntity === 'string' && typeof value === 'string' ? { entity: dataEntity, id: value } : undefined;
}
