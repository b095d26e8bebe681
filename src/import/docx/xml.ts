import { XMLParser } from 'fast-xml-parser';
import { WordImportError } from '../../core/errors.ts';

/** An element of a Word XML part, its children in document order; text nodes are `#text` with `text`. */
export interface XmlNode {
  name: string;
  attrs: Readonly<Record<string, string>>;
  children: XmlNode[];
  text?: string;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
});

type Parsed = Record<string, unknown>[];

function toNodes(items: Parsed): XmlNode[] {
  const nodes: XmlNode[] = [];
  for (const item of items) {
    const attrs = (item[':@'] ?? {}) as Record<string, string>;
    for (const [name, value] of Object.entries(item)) {
      if (name === ':@') continue;
      if (name === '#text') nodes.push({ name, attrs: {}, children: [], text: String(value) });
      else nodes.push({ name, attrs, children: Array.isArray(value) ? toNodes(value as Parsed) : [] });
    }
  }
  return nodes;
}

/**
 * A part's XML as a tree. Word never writes a DOCTYPE; one in a .docx can only be there to
 * declare entities (an entity bomb, an external file), so such a part is refused unread.
 */
export function parseXml(bytes: Uint8Array, part: string): XmlNode {
  const text = new TextDecoder('utf-8').decode(bytes);
  if (/<!DOCTYPE/i.test(text))
    throw new WordImportError(
      `这个 Word 文件的 ${part} 含有 DOCTYPE 声明（Word 从不写它），可能是恶意构造的文件。没有导入。`,
    );
  let parsed: Parsed;
  try {
    parsed = parser.parse(text) as Parsed;
  } catch {
    throw new WordImportError(
      `这个 Word 文件的 ${part} 不是完整的 XML，文件已损坏。请在 Word 中打开它、另存为 .docx 后再导入。`,
    );
  }
  const root = toNodes(parsed).find((node) => node.name !== '#text' && !node.name.startsWith('?'));
  if (!root) throw new WordImportError(`这个 Word 文件的 ${part} 是空的，文件已损坏。`);
  return root;
}

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find((c) => c.name === name);
}

export function childrenNamed(node: XmlNode | undefined, name: string): XmlNode[] {
  return node?.children.filter((c) => c.name === name) ?? [];
}

/** Every element of that name below the node, in document order. */
export function descendants(node: XmlNode, name: string): XmlNode[] {
  const found: XmlNode[] = [];
  const walk = (n: XmlNode) => {
    for (const c of n.children) {
      if (c.name === name) found.push(c);
      walk(c);
    }
  };
  walk(node);
  return found;
}

/** `w:val` of a child element, as Word writes most properties. */
export function val(node: XmlNode | undefined, name: string): string | undefined {
  return child(node, name)?.attrs['w:val'];
}

/** A Word on/off property (`<w:b/>`, `<w:b w:val="0"/>`): undefined when not set here. */
export function onOff(node: XmlNode | undefined, name: string): boolean | undefined {
  const element = child(node, name);
  if (!element) return undefined;
  const value = element.attrs['w:val'];
  return value === undefined || !['0', 'false', 'off', 'none'].includes(value);
}
