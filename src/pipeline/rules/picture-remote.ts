import { defineRule } from '../lint.ts';
import { mediaFolderOf, pictureExample, quoted } from './media.ts';

/**
 * A picture on another site (http(s)): the page shows it from there, but the archive does not
 * keep it, and it is gone when that site removes it. A warning: the editor may have no copy yet.
 */
export const pictureRemote = defineRule('picture-remote', 'warning', ({ file, media }) => {
  for (const { node, finding } of media.pictures) {
    if (finding.kind !== 'remote') continue;
    file.message(
      `图片 “${quoted(node.url)}” 在其他网站上，不会存入档案：那个网站删除或改动它以后就看不到了。` +
        `请下载图片放进 ${mediaFolderOf(file).shown}，改写成 ${pictureExample(file)}。`,
      node,
    );
  }
});
