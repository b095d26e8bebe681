import { child, childrenNamed, val, type XmlNode } from './xml.ts';

/** The formatting a paragraph style gives its text, where set: what direct formatting overrides. */
export interface ParagraphStyle {
  name?: string;
  align?: string;
  /** Half-points, as `w:sz` writes them. */
  size?: number;
  font?: string;
  bold?: boolean;
}

export interface Styles {
  /** The document's defaults (`w:docDefaults`). */
  defaults: ParagraphStyle;
  /** The style a paragraph without `w:pStyle` has. */
  defaultId?: string;
  /** Each paragraph style by id, its `basedOn` chain already merged in. */
  byId: Map<string, ParagraphStyle>;
}

/** What a paragraph of that style (or of none) looks like before its direct formatting. */
export function paragraphStyle(styles: Styles, id: string | undefined): ParagraphStyle {
  const style = id === undefined ? undefined : styles.byId.get(id);
  return { ...styles.defaults, ...(style ?? (styles.defaultId ? styles.byId.get(styles.defaultId) : {})) };
}

/** The east-Asian font of a run's properties: Chinese text is set in it; the Latin font is a fallback. */
export function runFont(rPr: XmlNode | undefined): string | undefined {
  const fonts = child(rPr, 'w:rFonts');
  return fonts?.attrs['w:eastAsia'] ?? fonts?.attrs['w:ascii'] ?? fonts?.attrs['w:hAnsi'];
}

export function runSize(rPr: XmlNode | undefined): number | undefined {
  const size = Number(val(rPr, 'w:sz'));
  return Number.isFinite(size) && size > 0 ? size : undefined;
}

function own(style: XmlNode): ParagraphStyle & { basedOn?: string } {
  const pPr = child(style, 'w:pPr');
  const rPr = child(style, 'w:rPr');
  const bold = child(rPr, 'w:b');
  const found = {
    name: val(style, 'w:name'),
    basedOn: val(style, 'w:basedOn'),
    align: val(pPr, 'w:jc'),
    size: runSize(rPr),
    font: runFont(rPr),
    bold: bold ? !['0', 'false', 'off'].includes(bold.attrs['w:val'] ?? '1') : undefined,
  };
  return Object.fromEntries(Object.entries(found).filter(([, v]) => v !== undefined));
}

/**
 * word/styles.xml read as far as a paragraph's look needs it: defaults, paragraph styles along
 * their `basedOn` chain (cut at a loop). Character styles and table styles are not read.
 */
export function readStyles(root: XmlNode | undefined): Styles {
  const defaults = child(child(child(root, 'w:docDefaults'), 'w:rPrDefault'), 'w:rPr');
  const raw = new Map<string, ParagraphStyle & { basedOn?: string }>();
  let defaultId: string | undefined;
  for (const style of childrenNamed(root, 'w:style')) {
    const id = style.attrs['w:styleId'];
    if (style.attrs['w:type'] !== 'paragraph' || !id) continue;
    raw.set(id, own(style));
    if (['1', 'true', 'on'].includes(style.attrs['w:default'] ?? '')) defaultId = id;
  }
  const resolved = (id: string, seen: Set<string>): ParagraphStyle => {
    const style = raw.get(id);
    if (!style || seen.has(id)) return {};
    seen.add(id);
    const { basedOn, ...rest } = style;
    return { ...(basedOn ? resolved(basedOn, seen) : {}), ...rest };
  };
  const documentDefaults: ParagraphStyle = Object.fromEntries(
    Object.entries({ size: runSize(defaults), font: runFont(defaults) }).filter(([, v]) => v !== undefined),
  );
  const byId = new Map([...raw.keys()].map((id) => [id, resolved(id, new Set())]));
  return { defaults: documentDefaults, ...(defaultId ? { defaultId } : {}), byId };
}
