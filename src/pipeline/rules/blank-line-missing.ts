import { defineRule } from '../lint.ts';
import { excerpt, joinedLines } from '../source-lines.ts';

/**
 * A `图：` caption or a picture written on the line right after text (or text right after it),
 * with no blank line between: Markdown joins the lines into one paragraph, so the body reads
 * `…验收。图：验收会现场` and the picture sits in the text with no caption.
 */
/** The last few characters of a line, to show how it runs on. */
const tail = (text: string) => Array.from(text.trim()).slice(-8).join('');

export const blankLineMissing = defineRule('blank-line-missing', 'error', ({ file, tree }) => {
  for (const { before, line } of joinedLines(file, tree)) {
    const place = { line: line.line, column: line.column };
    let message: string;
    if (line.starts === 'caption') {
      message =
        `图片说明“${excerpt(line.text)}”紧接在上一行之后，中间没有空行，会并入上一段（读作“…${tail(before.text)}${excerpt(line.text, 10)}”）：` +
        '请在这一行前面空一行。';
    } else if (line.starts === 'picture') {
      message =
        '这张图片紧接在上一行文字之后，中间没有空行，会夹在文字里，不成插图，也没有说明：请在这一行前面空一行。';
    } else if (before.starts === 'caption') {
      message = `上一行的图片说明“${excerpt(before.text)}”后面没有空行，这一行会并入说明：请在这一行前面空一行。`;
    } else {
      message = '上一行的图片后面没有空行，这一行会与图片连成一段，图片就不成插图：请在这一行前面空一行。';
    }
    file.message(message, place);
  }
});
