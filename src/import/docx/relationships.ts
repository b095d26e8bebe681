import { posix } from 'node:path';
import { childrenNamed, type XmlNode } from './xml.ts';

/** One relationship of the document part: what an `r:embed` or `r:id` points at. */
export interface Relationship {
  type: string;
  /** The zip entry, for an internal target; the URL or path as written, for an external one. */
  target: string;
  external: boolean;
}

/**
 * The document's relationships by id. An internal target is resolved against `word/` to the
 * zip entry it names; an external one (`TargetMode="External"`: a linked picture, an attached
 * template on a server) is kept as written, to be warned about and never fetched.
 */
export function readRelationships(root: XmlNode | undefined): Map<string, Relationship> {
  const relationships = new Map<string, Relationship>();
  for (const rel of childrenNamed(root, 'Relationship')) {
    const { Id: id, Type: type = '', Target: target = '', TargetMode: mode } = rel.attrs;
    if (!id) continue;
    const external = mode === 'External';
    const entry = target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join('word', target));
    relationships.set(id, { type: type.split('/').at(-1) ?? '', target: external ? target : entry, external });
  }
  return relationships;
}
