import type { LineLayout } from '../layout-hints.ts';
import { mostWeighted, visibleLength } from '../layout-signals.ts';
import { readCrop, type Crop } from './crop.ts';
import { listPlace, type ListNumbers } from './numbering.ts';
import { paragraphStyle, runFont, runSize, type Styles } from './styles.ts';
import { child, childrenNamed, descendants, onOff, val, type XmlNode } from './xml.ts';

/** A paragraph of the Word body with the look its text mostly has (direct formatting over its style). */
export interface DocxParagraph {
  kind: 'text';
  text: string;
  /** Lines the author broke it into by hand (Shift+Enter), at least 1. */
  breaks: number;
  align: LineLayout['align'];
  /** In half-points, as Word counts (`w:sz`): 32 is 16 pt, 三号. */
  size: number;
  font?: string;
  bold: boolean;
  style?: string;
}

/** A picture a paragraph shows, by the relationship that holds it. */
export interface PictureRef {
  relationship: string;
  /** `r:link` rather than `r:embed`: the picture is a file elsewhere, never fetched. */
  linked: boolean;
  /** Word's crop (`a:srcRect`), where set: the stored file shows more than the page did. */
  crop?: Crop;
}

/** Pictures shown together: those of one paragraph (side by side on its line) or of one table. */
export interface DocxPictures {
  kind: 'pictures';
  pictures: PictureRef[];
}

export type DocxBlock = DocxParagraph | DocxPictures;

/** What the body held that is not imported as it stands: each gets a warning. */
export interface BodyNotices {
  trackedChanges: number;
  oleObjects: number;
  /** Drawings with no picture in them (shapes, charts, text boxes). */
  shapes: number;
  /** Tables without pictures: their paragraphs are imported one after another. */
  tables: number;
  /** Text boxes: their paragraphs are imported after the paragraph they are anchored in. */
  textBoxes: number;
}

export interface DocxBody {
  blocks: DocxBlock[];
  notices: BodyNotices;
  /** The width text is set in, in half-points (page width less margins). */
  textWidth: number;
}

/** Word's default size where neither the document nor a style sets one: 五号, 10.5 pt. */
const defaultSize = 21;
/** An A4 page less Word's default margins, in half-points. */
const defaultTextWidth = 831;

const alignments: Record<string, LineLayout['align']> = {
  center: 'centre',
  right: 'right',
  end: 'right',
  both: 'justified',
  distribute: 'justified',
  thaiDistribute: 'justified',
  lowKashida: 'justified',
  mediumKashida: 'justified',
  highKashida: 'justified',
};

interface Run {
  text: string;
  size: number;
  font?: string;
  bold: boolean;
}

/** The value most of the runs' text has. */
function dominant<T>(runs: readonly Run[], of: (run: Run) => T): T | undefined {
  return mostWeighted(runs, of, (run) => visibleLength(run.text));
}

/** Element names whose content is read as if they were not there. */
const transparent = new Set(['w:hyperlink', 'w:smartTag', 'w:customXml', 'w:fldSimple', 'w:dir', 'w:bdo']);
/** Tracked changes: inserted or moved-in content is taken, deleted or moved-out content is not. */
const accepted = new Set(['w:ins', 'w:moveTo']);
const rejected = new Set(['w:del', 'w:moveFrom']);

/**
 * The body of word/document.xml as paragraphs and groups of pictures, in reading order. Only
 * the main text is read: headers, footers, footnotes, endnotes and comments live in parts of
 * their own and are never opened; the marks that refer to them (`w:footnoteReference`,
 * `w:commentReference`) and field codes are dropped. Tracked changes are read as accepted.
 */
export function readBody(document: XmlNode, styles: Styles, numbers?: ListNumbers): DocxBody {
  const notices: BodyNotices = { trackedChanges: 0, oleObjects: 0, shapes: 0, tables: 0, textBoxes: 0 };
  const blocks: DocxBlock[] = [];

  const paragraph = (p: XmlNode) => {
    const pPr = child(p, 'w:pPr');
    if (child(pPr, 'w:pPrChange') || child(child(pPr, 'w:rPr'), 'w:ins') || child(child(pPr, 'w:rPr'), 'w:del'))
      notices.trackedChanges++;
    const styleId = val(pPr, 'w:pStyle');
    const style = paragraphStyle(styles, styleId);
    const place = listPlace(pPr) ?? style.list;
    // Counted even when empty, as Word counts it; numId 0 takes a paragraph out of its style's list.
    const number = place && place.numId !== '0' && numbers ? numbers.next(place) : '';
    const runs: Run[] = [];
    const segments: string[] = [''];
    const pictures: PictureRef[] = [];
    /** Text boxes anchored here: read as paragraphs of their own once this one is done. */
    const boxes: XmlNode[] = [];
    let picturesFirst: boolean | undefined;
    const add = (text: string, run: Omit<Run, 'text'>) => {
      segments[segments.length - 1] += text;
      runs.push({ ...run, text });
    };
    const picture = (ref: PictureRef) => {
      picturesFirst ??= segments.join('').trim() === '';
      pictures.push(ref);
    };
    const drawing = (node: XmlNode) => {
      const blips = descendants(node, 'a:blip');
      const rect = descendants(node, 'a:srcRect')[0];
      const crop = rect ? readCrop(rect.attrs) : undefined;
      const cropped = crop ? { crop } : {};
      const texts = descendants(node, 'w:txbxContent');
      boxes.push(...texts);
      if (texts.length === 0 && blips.length === 0) notices.shapes++;
      for (const blip of blips) {
        const embed = blip.attrs['r:embed'];
        const link = blip.attrs['r:link'];
        if (embed) picture({ relationship: embed, linked: false, ...cropped });
        else if (link) picture({ relationship: link, linked: true, ...cropped });
      }
    };
    const run = (r: XmlNode) => {
      const rPr = child(r, 'w:rPr');
      if (child(rPr, 'w:rPrChange')) notices.trackedChanges++;
      if (onOff(rPr, 'w:vanish')) return; // hidden text is not printed
      const character = styles.characters.get(val(rPr, 'w:rStyle') ?? '') ?? {};
      const look = {
        size: runSize(rPr) ?? character.size ?? style.size ?? defaultSize,
        bold: onOff(rPr, 'w:b') ?? character.bold ?? style.bold ?? false,
      };
      const font = runFont(rPr, styles.theme) ?? character.font ?? style.font;
      const props = font === undefined ? look : { ...look, font };
      const content = (nodes: readonly XmlNode[]) => {
        for (const node of nodes) {
          switch (node.name) {
            case 'w:t':
              add(node.children.map((c) => c.text ?? '').join(''), props);
              break;
            case 'w:tab':
              add('\t', props);
              break;
            case 'w:noBreakHyphen':
              add('-', props);
              break;
            case 'w:br':
            case 'w:cr':
              if (node.attrs['w:type'] !== 'page' && node.attrs['w:type'] !== 'column') segments.push('');
              break;
            case 'w:drawing':
              drawing(node);
              break;
            case 'w:pict': {
              const images = descendants(node, 'v:imagedata');
              const texts = descendants(node, 'w:txbxContent');
              boxes.push(...texts);
              if (images.length === 0 && texts.length === 0) notices.shapes++;
              for (const image of images) {
                const id = image.attrs['r:id'];
                if (id) picture({ relationship: id, linked: false });
              }
              break;
            }
            case 'w:object':
              notices.oleObjects++;
              break;
            case 'mc:AlternateContent':
              content(child(node, 'mc:Choice')?.children ?? child(node, 'mc:Fallback')?.children ?? []);
              break;
            default:
              break; // w:delText, w:instrText, w:fldChar, note and comment marks, w:sym: nothing printed as text
          }
        }
      };
      content(r.children);
    };
    const inline = (nodes: readonly XmlNode[]) => {
      for (const node of nodes) {
        if (node.name === 'w:r') run(node);
        // Some writers (the docx npm package's text boxes) put a picture or shape straight in the paragraph.
        else if (node.name === 'w:pict' || node.name === 'w:drawing') run({ name: 'w:r', attrs: {}, children: [node] });
        else if (transparent.has(node.name)) inline(node.children);
        else if (node.name === 'w:sdt') inline(child(node, 'w:sdtContent')?.children ?? []);
        else if (accepted.has(node.name)) {
          notices.trackedChanges++;
          inline(node.children);
        } else if (rejected.has(node.name)) notices.trackedChanges++;
        else if (node.name === 'mc:AlternateContent')
          inline(child(node, 'mc:Choice')?.children ?? child(node, 'mc:Fallback')?.children ?? []);
      }
    };
    inline(p.children);
    if (number !== '' && segments.join('').trim() !== '') segments[0] = `${number}${segments[0]?.trimStart() ?? ''}`;

    const parts = segments.map((segment) => segment.replace(/\s+$/, '')).filter((segment) => segment.trim() !== '');
    const text: DocxParagraph | undefined =
      parts.length === 0
        ? undefined
        : {
            kind: 'text',
            text: parts.join('\n'),
            breaks: parts.length,
            align: alignments[val(pPr, 'w:jc') ?? style.align ?? ''] ?? 'left',
            size: dominant(runs, (r) => r.size) ?? style.size ?? defaultSize,
            bold: dominant(runs, (r) => r.bold) ?? false,
            ...(() => {
              const font = dominant(runs, (r) => r.font ?? '');
              return font ? { font } : {};
            })(),
            ...(style.name ? { style: style.name } : {}),
          };
    const group: DocxPictures | undefined = pictures.length > 0 ? { kind: 'pictures', pictures } : undefined;
    const ordered = picturesFirst === false ? [text, group] : [group, text];
    for (const block of ordered) if (block) blocks.push(block);
    notices.textBoxes += boxes.length;
    for (const box of boxes) container(box.children);
  };

  /** A table of photos (with or without their captions in cells) is one group; any other is read cell by cell. */
  const table = (tbl: XmlNode) => {
    const start = blocks.length;
    for (const row of childrenNamed(tbl, 'w:tr'))
      for (const cell of childrenNamed(row, 'w:tc')) container(cell.children);
    const inside = blocks.splice(start);
    const pictures = inside.flatMap((block) => (block.kind === 'pictures' ? block.pictures : []));
    if (pictures.length === 0) {
      notices.tables++;
      blocks.push(...inside);
      return;
    }
    blocks.push({ kind: 'pictures', pictures });
    const texts = inside.filter((block) => block.kind === 'text');
    const [first] = texts;
    if (first)
      blocks.push({
        ...first,
        text: texts.map((t) => t.text).join(' '),
        breaks: Math.max(...texts.map((t) => t.breaks)),
      });
  };

  const container = (nodes: readonly XmlNode[]) => {
    for (const node of nodes) {
      if (node.name === 'w:p') paragraph(node);
      else if (node.name === 'w:tbl') table(node);
      else if (node.name === 'w:sdt') container(child(node, 'w:sdtContent')?.children ?? []);
      else if (node.name === 'w:customXml') container(node.children);
      else if (accepted.has(node.name)) {
        notices.trackedChanges++;
        container(node.children);
      } else if (rejected.has(node.name)) notices.trackedChanges++;
    }
  };

  const body = child(document, 'w:body');
  container(body?.children ?? []);
  return { blocks, notices, textWidth: textWidth(child(body, 'w:sectPr')) };
}

/** The page's width less its margins, in half-points (twips / 10), from the last section's settings. */
function textWidth(sectPr: XmlNode | undefined): number {
  const width = Number(child(sectPr, 'w:pgSz')?.attrs['w:w']);
  const margins = child(sectPr, 'w:pgMar');
  const left = Number(margins?.attrs['w:left'] ?? 1800);
  const right = Number(margins?.attrs['w:right'] ?? 1800);
  const text = (width - left - right) / 10;
  return Number.isFinite(text) && text > 100 ? text : defaultTextWidth;
}
