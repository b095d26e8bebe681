import { imageText } from '../../core/content-format.ts';
import { defineRule } from '../lint.ts';
import { quoted } from './media.ts';

/**
 * A picture with no caption: readers, and screen readers, are not told what it shows. A later
 * picture of a figure needs none: the caption, on the figure's first picture, tells for all.
 */
export const pictureCaption = defineRule('picture-caption', 'warning', ({ file, media }) => {
  for (const { node, figure } of media.pictures) {
    if (figure === 'later' || imageText(node) !== '') continue;
    file.message(
      `图片 “${quoted(node.url)}” 没有说明：读者和读屏软件不知道图中是什么。` +
        `请在方括号中写上说明，如 ![调研现场](${quoted(node.url)})。`,
      node,
    );
  }
});
