import { isWide } from '../../core/wide-chars.ts';
import type { ImportedPicture } from '../imported-issue.ts';
import type { LineLayout } from '../layout-hints.ts';
import { fontFamily, isCaptionShape, lineFace, mostWeighted, sizeRank, type FontFamily } from '../layout-signals.ts';
import type { PictureGroupLine } from '../place-pictures.ts';
import { joinLines, type SourceLine } from '../text.ts';
import type { DocxParagraph } from './body.ts';
import type { DocxLayout, DocxLayoutBlock } from './read-docx.ts';

/** A finding about one block, at the source line standing for it. */
export interface LineWarning {
  line: number;
  rule: string;
  message: string;
}

export interface DocxLines {
  /** One line per paragraph, a blank line between and three where pictures stand, as for a PDF. */
  lines: SourceLine[];
  pictures: PictureGroupLine[];
  warnings: LineWarning[];
}

/** Word's built-in heading styles (标题 1…9 in a Chinese Word), where used: as strong a sign as a heading face. */
const headingStyle = /^(?:heading|标题)\s*[1-9]$/i;

function isHeadingStyle(style: string | undefined): boolean {
  return style !== undefined && headingStyle.test(style.trim());
}

/** The value most text has, weighing each paragraph by its characters. */
function mostText<T>(paragraphs: readonly DocxParagraph[], of: (p: DocxParagraph) => T): T | undefined {
  return mostWeighted(paragraphs, of, (p) => p.text.length);
}

/**
 * How many lines the paragraph fills on the page: its hand-made breaks, or more where its text
 * is wider than the page's text width (a wide character an em of its size, a narrow one half).
 */
function estimatedLines(paragraph: DocxParagraph, textWidth: number): number {
  const filled = paragraph.text
    .split('\n')
    .map((part) =>
      Math.max(1, Math.ceil(([...part].reduce((w, c) => w + (isWide(c) ? 1 : 0.5), 0) * paragraph.size) / textWidth)),
    );
  return filled.reduce((sum, n) => sum + n, 0);
}

/**
 * The Word body as lines for the structure steps the PDF and text imports use, each with the
 * layout its direct formatting gives: size against the body size, face by the east-Asian font's
 * family (黑体, 楷体, 小标宋 against 宋体, 仿宋) or a heading style, bold, alignment. Pictures are named `p1.jpg`,
 * `p2.png`… in reading order, their own format kept, and handed to their caption: the short
 * centred paragraph right after the group, else the one right before it.
 */
export function docxLines(layout: DocxLayout): DocxLines {
  const { blocks } = layout;
  const paragraphs = blocks.filter((block): block is DocxParagraph => block.kind === 'text');
  const bodySize = mostText(paragraphs, (p) => p.size) ?? 21;
  const family = (p: DocxParagraph): FontFamily => fontFamily(p.font ?? '');
  const bodyFamily = mostText(
    paragraphs.filter((p) => sizeRank(p.size, bodySize) === 'body'),
    family,
  );
  const layoutOf = (p: DocxParagraph): LineLayout => ({
    align: p.align,
    sizeRank: sizeRank(p.size, bodySize),
    face: isHeadingStyle(p.style) ? 'heading' : lineFace(family(p), bodyFamily),
    bold: p.bold,
    lines: estimatedLines(p, layout.textWidth),
    continuesAbove: false,
  });
  const captionShaped = (block: DocxLayoutBlock | undefined): block is DocxParagraph =>
    block?.kind === 'text' && isCaptionShape({ ...layoutOf(block), text: joinLines(block.text.split('\n')) });

  // Captions first: the paragraph right below a group, else right above it (when no group took it).
  const captionOf = new Map<number, number>();
  const taken = new Set<number>();
  blocks.forEach((block, index) => {
    if (block.kind !== 'pictures') return;
    const at = captionShaped(blocks[index + 1])
      ? index + 1
      : captionShaped(blocks[index - 1]) && !taken.has(index - 1)
        ? index - 1
        : undefined;
    if (at === undefined) return;
    captionOf.set(index, at);
    taken.add(at);
  });

  const lines: SourceLine[] = [];
  const warnings: LineWarning[] = [];
  const groups: PictureGroupLine[] = [];
  const lineOfBlock = new Map<number, SourceLine & { layout: LineLayout }>();
  const groupOfBlock = new Map<number, PictureGroupLine>();
  /** A picture's findings, moved to its caption's line once captions are known: the figure is written there. */
  const groupWarnings = new Map<number, LineWarning[]>();
  const blank = () => lines.push({ no: lines.length + 1, text: '' });
  let count = 0;
  blocks.forEach((block, index) => {
    if (block.kind === 'pictures') {
      blank();
      blank();
      const line = lines.length + 1;
      const pictures: ImportedPicture[] = [];
      const found: LineWarning[] = [];
      groupWarnings.set(index, found);
      for (const picture of block.pictures) {
        if ('problem' in picture) {
          found.push({ line, rule: 'import-word-picture', message: picture.problem });
          continue;
        }
        count++;
        pictures.push({ name: `p${count}.${picture.extension}`, bytes: picture.bytes });
        if (picture.cropped)
          found.push({
            line,
            rule: 'import-word-picture',
            message: `图片 p${count}.${picture.extension} 在 Word 中做了裁剪，裁剪无法照做（扩边或图片无法解码），导入的是未裁剪的原图。如需要，请按原文裁剪后替换这个文件。`,
          });
      }
      const group = { line, pictures };
      groupOfBlock.set(index, group);
      if (pictures.length > 0) groups.push(group);
      blank();
      return;
    }
    if (lines.length > 0) blank();
    const line = { no: lines.length + 1, text: joinLines(block.text.split('\n')), layout: layoutOf(block) };
    lines.push(line);
    lineOfBlock.set(index, line);
  });
  for (const [group, caption] of captionOf) {
    const line = lineOfBlock.get(caption);
    const pictures = groupOfBlock.get(group)?.pictures ?? [];
    if (!line) continue;
    line.layout.caption = { pictures: pictures.map((p) => p.name), distant: false };
    for (const warning of groupWarnings.get(group) ?? []) warning.line = line.no;
  }
  for (const found of groupWarnings.values()) warnings.push(...found);
  return { lines, pictures: groups, warnings };
}
