import { pictureFormatNames, pictureFormats } from '../media/limits.ts';
import { defineRule } from '../lint.ts';
import { quoted } from './media.ts';

/**
 * A picture file that is not a JPEG, PNG, WebP, GIF or AVIF by its bytes (a text file named
 * `.jpg`, a HEIC from a phone), an SVG (it can carry script), or one whose header names no size.
 */
export const pictureFormat = defineRule('picture-format', 'error', ({ file, media }) => {
  for (const { node, finding } of media.pictures) {
    if (finding.kind !== 'file') continue;
    const { kind, width } = finding.header;
    const name = quoted(node.url);
    if (kind === 'svg') {
      file.message(
        `图片 “${name}” 是 SVG 文件：SVG 可以携带脚本，档案不收。请导出为 PNG（图表、示意图）或 JPEG（照片）。`,
        node,
      );
    } else if (kind === undefined || !pictureFormats.includes(kind)) {
      file.message(
        `“${name}” 不是 ${pictureFormatNames} 图片（按文件内容判断，与扩展名无关）。` +
          '请用图片软件把它另存为 JPEG（照片）或 PNG。',
        node,
      );
    } else if (width === undefined) {
      file.message(`无法从图片 “${name}” 的文件头读出尺寸，文件可能已损坏。请重新导出这张图片。`, node);
    }
  }
});
