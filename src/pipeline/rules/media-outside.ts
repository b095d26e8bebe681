import type { OutsideHow } from '../media/examine.ts';
import { defineRule } from '../lint.ts';
import { mediaFolderOf, originalPlace, pictureExample, quoted } from './media.ts';

const pictureWhy: Record<OutsideHow, string> = {
  absolute: '是绝对路径，指向内容目录以外',
  parent: '用 .. 走出了内容目录',
  symlink: '是指向内容目录以外的符号链接',
  url: '是网址，不是内容目录中的文件',
};

/**
 * A picture or original that is not in the content folder: `../../etc/passwd`, an absolute path,
 * a symlink that leads out. Nothing outside the content folder is read into the archive.
 */
export const mediaOutside = defineRule('media-outside', 'error', ({ file, media }) => {
  const folder = mediaFolderOf(file).shown;
  for (const { node, finding } of media.pictures) {
    if (finding.kind !== 'outside') continue;
    file.message(
      `图片 “${quoted(node.url)}” ${pictureWhy[finding.how]}，不会读取。` +
        `请把图片本身放进 ${folder}，写成相对于本期文件的路径：${pictureExample(file)}。`,
      node,
    );
  }
  const original = media.original;
  if (original?.finding.kind !== 'outside') return;
  file.message(
    `原刊 “${quoted(original.written?.value ?? original.shown)}” ${pictureWhy[original.finding.how]}，不会读取。` +
      `请把原刊 PDF 放在本期文件旁，命名为 ${mediaFolderOf(file).written}.pdf（或写 original: 文件名.pdf）。`,
    originalPlace(original),
  );
});
