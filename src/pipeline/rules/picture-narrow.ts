import { pictureLimits } from '../media/limits.ts';
import { defineRule } from '../lint.ts';
import { quoted } from './media.ts';

/** A picture narrower than an article's column looks blurred there; the editor may have a larger one. */
export const pictureNarrow = defineRule('picture-narrow', 'warning', ({ file, media }) => {
  for (const { node, finding } of media.pictures) {
    if (finding.kind !== 'file' || finding.header.width === undefined) continue;
    if (finding.header.width >= pictureLimits.minWidth) continue;
    file.message(
      `图片 “${quoted(node.url)}” 只有 ${finding.header.width} 像素宽，在文章中会显得模糊。` +
        `如有原图，请换用宽度至少 ${pictureLimits.minWidth} 像素的版本。`,
      node,
    );
  }
});
