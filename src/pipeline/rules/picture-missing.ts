import { defineRule } from '../lint.ts';
import { pictureExample, quoted } from './media.ts';

/** A picture path that names no file: a typo, a picture not yet copied, a folder not made. */
export const pictureMissing = defineRule('picture-missing', 'error', ({ file, media }) => {
  for (const { node, finding } of media.pictures) {
    if (finding.kind !== 'missing') continue;
    const name = quoted(node.url);
    const messages = {
      empty: `图片没有写路径：圆括号中应写图片文件相对于本期文件的路径，如 ${pictureExample(file, node.alt ?? '说明')}。`,
      absent:
        `找不到图片 “${name}”：${finding.folder} 中没有 ${finding.name}。` +
        '请把图片放进这个文件夹，或改正文件名（大小写须一致）。',
      'folder-absent':
        `找不到图片 “${name}”：文件夹 ${finding.folder} 不存在。` +
        '请建立这个文件夹并把图片放进去，或改正路径（路径相对于本期文件）。',
      'not-a-file': `“${name}” 是文件夹，不是图片文件。请写出图片的文件名，如 ${pictureExample(file)}。`,
      unreadable: `无法读取图片 “${name}”（在 ${finding.folder} 中）：${finding.detail ?? ''}。请检查文件的权限。`,
    };
    file.message(messages[finding.reason], node);
  }
});
