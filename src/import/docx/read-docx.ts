import { InvariantError } from '../../core/errors.ts';
import { applyCrop } from './crop.ts';
import { readBody, type DocxParagraph, type PictureRef } from './body.ts';
import { docxBounds, openDocx, type DocxPackage } from './open-docx.ts';
import { readPicture, type StoredPicture } from './pictures.ts';
import { readRelationships, type Relationship } from './relationships.ts';
import { ListNumbers } from './numbering.ts';
import { readStyles } from './styles.ts';
import { readThemeFonts } from './theme.ts';
import { parseXml, type XmlNode } from './xml.ts';

/**
 * A picture of a group: its stored file (cut as Word crops it, where that can be done), or why it
 * is not imported. `cropped`: Word crops it and the crop could not be applied.
 */
export type GroupPicture = (StoredPicture | { problem: string }) & { cropped: boolean };

export type DocxLayoutBlock = DocxParagraph | { kind: 'pictures'; pictures: GroupPicture[] };

/** A finding about the file as a whole (macros, links) or about one block (by its index). */
export interface DocxWarning {
  rule: string;
  message: string;
  block?: number;
}

export interface DocxLayout {
  blocks: DocxLayoutBlock[];
  /** Page width less margins, in half-points. */
  textWidth: number;
  warnings: DocxWarning[];
}

async function xmlPart(docx: DocxPackage, name: string): Promise<XmlNode | undefined> {
  const bytes = await docx.read(name, docxBounds.xmlBytes);
  return bytes && parseXml(bytes, name);
}

/** The relationship parts a package may hold; their external targets are listed, never followed. */
const relationshipParts = /(^|\/)_rels\/[^/]+\.rels$/;

/**
 * Reads a .docx within the bounds of open-docx.ts: the body's paragraphs and pictures, the
 * pictures' stored bytes, and what the file holds that is not imported (macros, linked files,
 * embedded objects, tracked changes), each said once. Nothing in the file is run or fetched.
 * Throws `WordImportError` for a file it cannot read.
 */
export async function readDocxLayout(bytes: Uint8Array): Promise<DocxLayout> {
  const docx = await openDocx(bytes);
  const warnings: DocxWarning[] = [];
  const warn = (message: string) => warnings.push({ rule: 'import-word-file', message });

  const document = await xmlPart(docx, 'word/document.xml');
  const theme = readThemeFonts(await xmlPart(docx, 'word/theme/theme1.xml'));
  const styles = readStyles(await xmlPart(docx, 'word/styles.xml'), theme);
  const numbers = new ListNumbers(await xmlPart(docx, 'word/numbering.xml'));
  const relationships = readRelationships(await xmlPart(docx, 'word/_rels/document.xml.rels'));

  const macros = [...docx.names].some((name) => /vbaProject\.bin$|vbaData\.xml$/i.test(name));
  if (macros)
    warn(
      '这个 Word 文件含有宏（.docm 或 VBA 代码）。导入只读取文字和图片，宏不会被运行；请勿在不信任的电脑上打开含宏的原文件。',
    );
  const external = await externalTargets(docx);
  if (external.length > 0)
    warn(
      `这个 Word 文件链接了文件之外的内容（${external.slice(0, 3).join('、')}${external.length > 3 ? ' 等' : ''}）。` +
        '导入不会读取或下载它们，链接的图片没有导入。',
    );

  if (!document) throw new InvariantError('openDocx guarantees word/document.xml');
  const body = readBody(document, styles, numbers);
  const { notices } = body;
  const embedded = [...docx.names].filter((name) => /^word\/embeddings\//.test(name)).length;
  if (notices.oleObjects > 0 || embedded > 0)
    warn(
      `这个 Word 文件嵌入了 ${Math.max(notices.oleObjects, embedded)} 个对象（OLE：Excel 表格、公式、其他文档等）。` +
        '这些对象没有导入，也没有打开或运行；如其中有要登载的内容，请另行转成文字或图片。',
    );
  if (notices.trackedChanges > 0)
    warn(
      `这个 Word 文件有 ${notices.trackedChanges} 处未处理的修订（修订模式下的增删）。已按“接受全部修订”导入：` +
        '删除的文字不导入，插入的文字导入。请核对，或在 Word 中先处理修订再导入。',
    );
  if (notices.shapes > 0)
    warn(
      `这个 Word 文件有 ${notices.shapes} 个图形或图表（不是图片，也不是文本框），它们没有导入。请对照原文，需要时手工补上。`,
    );
  if (notices.textBoxes > 0)
    warn(
      `这个 Word 文件有 ${notices.textBoxes} 个文本框，其中的文字已接在文本框所在的段落之后导入。` +
        '文本框在版面上的位置无法知道，请对照原文核对它的位置。',
    );
  if (notices.tables > 0)
    warn(`这个 Word 文件有 ${notices.tables} 个表格，表格中的文字已按段落逐格导入。请对照原文核对。`);

  const blocks: DocxLayoutBlock[] = [];
  for (const block of body.blocks) {
    if (block.kind === 'text') {
      blocks.push(block);
      continue;
    }
    const pictures: GroupPicture[] = [];
    for (const ref of block.pictures) pictures.push(await picture(ref, relationships, docx));
    blocks.push({ kind: 'pictures', pictures });
  }
  return { blocks, textWidth: body.textWidth, warnings };
}

async function picture(
  ref: PictureRef,
  relationships: ReadonlyMap<string, Relationship>,
  docx: DocxPackage,
): Promise<GroupPicture> {
  const stored = await readPicture(ref, relationships, docx);
  if (!ref.crop || 'problem' in stored) return { ...stored, cropped: false };
  const cut = await applyCrop(stored, ref.crop);
  return cut ? { ...cut, cropped: false } : { ...stored, cropped: true };
}

/** External targets other than hyperlinks (a link in the text is only text to the import). */
async function externalTargets(docx: DocxPackage): Promise<string[]> {
  const targets: string[] = [];
  for (const name of docx.names) {
    if (!relationshipParts.test(name)) continue;
    for (const relationship of readRelationships(await xmlPart(docx, name)).values())
      if (relationship.external && relationship.type !== 'hyperlink') targets.push(relationship.target);
  }
  return targets;
}
