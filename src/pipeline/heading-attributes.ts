/**
 * Article headings may end in an attribute block, as in Pandoc and kramdown:
 * `### 标题 {#stable-id page=2 contents="目录中的标题"}`.
 */
export interface HeadingAttributes {
  id?: string;
  page?: string;
  contents?: string;
  /** Keys the block named that we do not know, so validation can say so. */
  unknown: string[];
  /** Tokens that are neither `#id` nor `key=value`. */
  malformed: string[];
}

const trailingBlock = /\s*\{([^{}]*)\}\s*$/;
const token = /#([^\s"]+)|([A-Za-z]+)=(?:"([^"]*)"|“([^”]*)”|(\S+))|(\S+)/g;
const knownKeys = new Set(['page', 'contents']);

/** Splits `标题 {#id page=2}` into the title and its attributes; no block gives empty attributes. */
export function splitHeadingAttributes(heading: string): { text: string; attributes?: HeadingAttributes; blockOffset?: number } {
  const match = trailingBlock.exec(heading);
  if (!match) return { text: heading };
  const attributes: HeadingAttributes = { unknown: [], malformed: [] };
  for (const [, id, key, quoted, curlyQuoted, bare, stray] of match[1]!.matchAll(token)) {
    if (id !== undefined) attributes.id = id;
    else if (key !== undefined) {
      const value = quoted ?? curlyQuoted ?? bare ?? '';
      if (key === 'page' || key === 'contents') attributes[key] = value;
      if (!knownKeys.has(key)) attributes.unknown.push(key);
    } else if (stray !== undefined) attributes.malformed.push(stray);
  }
  return { text: heading.slice(0, match.index), attributes, blockOffset: match.index };
}
