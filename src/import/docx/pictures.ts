import type { PictureFormat } from '../../model.ts';
import { sniffPicture } from '../../pipeline/media/sniff.ts';
import type { PictureRef } from './body.ts';
import type { DocxPackage } from './open-docx.ts';
import type { Relationship } from './relationships.ts';

/** A picture of the document as stored in it, with the extension its format gets in the media folder. */
export interface StoredPicture {
  bytes: Uint8Array;
  extension: string;
}

const extensions: Record<PictureFormat, string> = { jpeg: 'jpg', png: 'png', gif: 'gif', webp: 'webp', avif: 'avif' };

/** What a picture's file is, when it is no format a browser shows: Word's own vector formats first. */
function formatName(bytes: Uint8Array, target: string): string {
  if (bytes[0] === 0x01 && bytes[1] === 0x00 && bytes[2] === 0x00 && bytes[3] === 0x00) return 'EMF';
  if ((bytes[0] === 0xd7 && bytes[1] === 0xcd) || (bytes[0] === 0x01 && bytes[1] === 0x00 && bytes[2] === 0x09))
    return 'WMF';
  const extension = /\.([A-Za-z0-9]{1,5})$/.exec(target)?.[1];
  return extension ? extension.toUpperCase() : '未知';
}

/**
 * The stored bytes of a picture, unchanged when a browser shows their format (JPEG, PNG, GIF,
 * WebP, AVIF), else a reason in Chinese why it is not imported: a linked file (never fetched),
 * a missing entry, or a format such as EMF/WMF that needs replacing. SVG is refused too: it can
 * carry scripts, and Word always stores a PNG beside it.
 */
export async function readPicture(
  ref: PictureRef,
  relationships: ReadonlyMap<string, Relationship>,
  docx: DocxPackage,
): Promise<StoredPicture | { problem: string }> {
  const relationship = relationships.get(ref.relationship);
  if (!relationship) return { problem: '这张图片在 Word 文件中找不到（关系缺失），没有导入。请在 Word 中重新插入它。' };
  if (ref.linked || relationship.external)
    return {
      problem: `这张图片是链接到 Word 文件之外的（${relationship.target}），导入不会去读取或下载它，没有导入。请在 Word 中把图片嵌入文件（插入 → 图片），或另行补上图片。`,
    };
  const bytes = await docx.read(relationship.target);
  if (!bytes) return { problem: `这张图片的文件（${relationship.target}）不在 Word 文件中，没有导入。` };
  const format = sniffPicture(bytes.subarray(0, 4096));
  if (format === undefined || format === 'svg')
    return {
      problem:
        `这张图片是 ${format === 'svg' ? 'SVG' : formatName(bytes, relationship.target)} 格式，网页不能直接显示，没有导入。` +
        '请换成 JPEG 或 PNG 图片（例如在 Word 中另存图片后转换），放入图片文件夹。',
    };
  return { bytes, extension: extensions[format] };
}
