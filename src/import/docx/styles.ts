import { listPlace, type ListPlace } from './numbering.ts';
import { themeFace, type ThemeFonts } from './theme.ts';
import { child, childrenNamed, val, type XmlNode } from './xml.ts';

/** The formatting a paragraph style gives its text, where set: what direct formatting overrides. */
export interface ParagraphStyle {
  name?: string;
  align?: string;
  /** Half-points, as `w:sz` writes them. */
  size?: number;
  font?: string;
  bold?: boolean;
  /** The list a style's paragraphs are numbered in (a heading style with Word's own numbering). */
  list?: ListPlace;
}

export interface Styles {
  /** The document's defaults (`w:docDefaults`). */
  defaults: ParagraphStyle;
  /** The style a paragraph without `w:pStyle` has. */
  defaultId?: string;
  /** Each paragraph style by id, its `basedOn` chain already merged in. */
  byId: Map<string, ParagraphStyle>;
  /** Each character style (`w:rStyle`) by id, likewise: what a run of that style looks like. */
  characters: Map<string, ParagraphStyle>;
  /** The theme's fonts, for runs that name a theme font rather than a face. */
  theme: ThemeFonts;
}

/** What a paragraph of that style (or of none) looks like before its direct formatting. */
export function paragraphStyle(styles: Styles, id: string | undefined): ParagraphStyle {
  const style = id === undefined ? undefined : styles.byId.get(id);
  return { ...styles.defaults, ...(style ?? (styles.defaultId ? styles.byId.get(styles.defaultId) : {})) };
}

/**
 * The east-Asian font of a run's properties: Chinese text is set in it, by name or as the theme's
 * (`w:eastAsiaTheme`, which wins over the name, as in Word); the Latin font is a fallback.
 */
export function runFont(rPr: XmlNode | undefined, theme: ThemeFonts = {}): string | undefined {
  const fonts = child(rPr, 'w:rFonts');
  const attrs = fonts?.attrs ?? {};
  return (
    themeFace(theme, attrs['w:eastAsiaTheme']) ??
    attrs['w:eastAsia'] ??
    themeFace(theme, attrs['w:asciiTheme']) ??
    attrs['w:ascii'] ??
    attrs['w:hAnsi']
  );
}

export function runSize(rPr: XmlNode | undefined): number | undefined {
  const size = Number(val(rPr, 'w:sz'));
  return Number.isFinite(size) && size > 0 ? size : undefined;
}

function own(style: XmlNode, theme: ThemeFonts): ParagraphStyle & { basedOn?: string } {
  const pPr = child(style, 'w:pPr');
  const rPr = child(style, 'w:rPr');
  const bold = child(rPr, 'w:b');
  const found = {
    name: val(style, 'w:name'),
    basedOn: val(style, 'w:basedOn'),
    align: val(pPr, 'w:jc'),
    size: runSize(rPr),
    font: runFont(rPr, theme),
    bold: bold ? !['0', 'false', 'off'].includes(bold.attrs['w:val'] ?? '1') : undefined,
    list: listPlace(pPr),
  };
  return Object.fromEntries(Object.entries(found).filter(([, v]) => v !== undefined));
}

/**
 * word/styles.xml read as far as a paragraph's look needs it: defaults, paragraph and character
 * styles along their `basedOn` chain (cut at a loop). Table styles are not read.
 */
export function readStyles(root: XmlNode | undefined, theme: ThemeFonts = {}): Styles {
  const defaults = child(child(child(root, 'w:docDefaults'), 'w:rPrDefault'), 'w:rPr');
  const raw = new Map<string, ParagraphStyle & { basedOn?: string }>();
  const rawCharacters = new Map<string, ParagraphStyle & { basedOn?: string }>();
  let defaultId: string | undefined;
  for (const style of childrenNamed(root, 'w:style')) {
    const id = style.attrs['w:styleId'];
    if (!id) continue;
    if (style.attrs['w:type'] === 'character') rawCharacters.set(id, own(style, theme));
    if (style.attrs['w:type'] !== 'paragraph') continue;
    raw.set(id, own(style, theme));
    if (['1', 'true', 'on'].includes(style.attrs['w:default'] ?? '')) defaultId = id;
  }
  const documentDefaults: ParagraphStyle = Object.fromEntries(
    Object.entries({ size: runSize(defaults), font: runFont(defaults, theme) }).filter(([, v]) => v !== undefined),
  );
  return {
    defaults: documentDefaults,
    ...(defaultId ? { defaultId } : {}),
    byId: alongBasedOn(raw),
    characters: alongBasedOn(rawCharacters),
    theme,
  };
}

/** Each style with what it is based on merged under it. */
function alongBasedOn(raw: ReadonlyMap<string, ParagraphStyle & { basedOn?: string }>): Map<string, ParagraphStyle> {
  const resolved = (id: string, seen: Set<string>): ParagraphStyle => {
    const style = raw.get(id);
    if (!style || seen.has(id)) return {};
    seen.add(id);
    const { basedOn, ...rest } = style;
    return { ...(basedOn ? resolved(basedOn, seen) : {}), ...rest };
  };
  return new Map([...raw.keys()].map((id) => [id, resolved(id, new Set())]));
}
