import { defineRule } from '../lint.ts';
import { joinedLines } from '../source-lines.ts';
import { quoted } from './media.ts';

/**
 * A picture of the content folder written among text (or in a heading, or inside a link) is no
 * figure: the site neither makes nor places its files, so the page would show a broken picture.
 * A picture on another site is shown from there; bad addresses have their own rules.
 */
export const pictureInText = defineRule('picture-in-text', 'error', ({ file, tree, media }) => {
  // A picture on a line of its own with only a blank line missing is told so (blank-line-missing).
  const ownLine = new Set(
    joinedLines(file, tree).flatMap(({ before, line }) =>
      [before, line].filter((l) => l.starts === 'picture').map((l) => `${l.line}:${l.column}`),
    ),
  );
  for (const { node, figure, finding } of media.pictures) {
    if (figure !== undefined || (finding.kind !== 'file' && finding.kind !== 'missing')) continue;
    const start = node.position?.start;
    if (start && ownLine.has(`${start.line}:${start.column}`)) continue;
    file.message(
      `图片 “${quoted(node.url)}” 与文字写在同一段（或写在标题、链接中），不是插图，网页上显示不出来。` +
        '请把图片单独成段：在它的前后各空一行；几张图片共用一个说明时，把它们写在同一段，中间只用空格或换行隔开。',
      node,
    );
  }
});
