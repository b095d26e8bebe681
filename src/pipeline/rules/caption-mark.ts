import { defineRule } from '../lint.ts';
import { excerpt, paragraphLines, topParagraphs } from '../source-lines.ts';

/**
 * A paragraph that opens `图片：…` or `照片：…` looks like a caption, but a caption is written
 * `图：…`: as it is, it is body text. Only a warning: such a line may be meant as text.
 */
const nearCaption = /^(图片|照片)\s*[:：]\s*(\S.*)$/u;

export const captionMark = defineRule('caption-mark', 'warning', ({ file, tree }) => {
  for (const paragraph of topParagraphs(tree)) {
    const [first] = paragraphLines(file, paragraph);
    const match = first ? nearCaption.exec(first.text) : null;
    if (!first || !match) continue;
    const [, written = '', caption = ''] = match;
    file.message(
      `这一段以“${written}：”开头，看起来是图片说明，但说明须以“图：”开头，现在它是正文：` +
        `若是图片说明，请改成“图：${excerpt(caption)}”。`,
      { line: first.line, column: first.column },
    );
  }
});
