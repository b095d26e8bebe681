import { defineRule } from '../lint.ts';
import { mediaFolderOf, pictureExample, quoted } from './media.ts';

/**
 * A picture address with a scheme other than http(s): `javascript:` and `data:` can carry script,
 * `file:` points into the editor's own disk. The archive takes pictures only as files of its own.
 */
export const pictureScheme = defineRule('picture-scheme', 'error', ({ file, media }) => {
  for (const { node, finding } of media.pictures) {
    if (finding.kind !== 'scheme') continue;
    file.message(
      `图片地址 “${quoted(node.url)}” 不能使用（${finding.scheme}: 不是网页地址）。` +
        `请把图片文件放进 ${mediaFolderOf(file).shown}，写成 ${pictureExample(file)}。`,
      node,
    );
  }
});
