import { defineRule } from '../lint.ts';
import { quoted } from './media.ts';

/** A picture with no caption: readers, and screen readers, are not told what it shows. */
export const pictureCaption = defineRule('picture-caption', 'warning', ({ file, media }) => {
  for (const { node } of media.pictures) {
    if ((node.alt ?? '').trim() !== '' || (node.title ?? '').trim() !== '') continue;
    file.message(
      `图片 “${quoted(node.url)}” 没有说明：读者和读屏软件不知道图中是什么。` +
        `请在方括号中写上说明，如 ![调研现场](${quoted(node.url)})。`,
      node,
    );
  }
});
