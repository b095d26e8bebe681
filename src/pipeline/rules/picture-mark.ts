import { defineRule } from '../lint.ts';
import { paragraphLines, topParagraphs } from '../source-lines.ts';

/**
 * A picture written with full-width marks, `！[调研现场]（2018-01/a.jpg）` (any of `！［］（）`
 * in place of `![]()`): Markdown reads plain text, so there is no picture and no caption.
 */
const widePicture = /^[!！][[［][^\]］\n]*[\]］][(（][^)）\n]*[)）]/u;

const halfWidth: Record<string, string> = { '！': '!', '［': '[', '］': ']', '（': '(', '）': ')' };

export const pictureMark = defineRule('picture-mark', 'error', ({ file, tree }) => {
  for (const paragraph of topParagraphs(tree)) {
    for (const { line, column, text } of paragraphLines(file, paragraph)) {
      const written = widePicture.exec(text)?.[0];
      if (written === undefined) continue;
      // Only the marks: the caption and the path keep what they say, and a caption may well hold
      // full-width brackets of its own (![调研现场（一）](a.jpg) is a picture).
      const open = written.search(/[\]］][(（]/u);
      const marks = written.slice(0, 2) + written.slice(open, open + 2) + written.slice(-1);
      if (!/[！［］（）]/u.test(marks)) continue;
      const fixed =
        (halfWidth[written.charAt(0)] ?? '!') +
        (halfWidth[written.charAt(1)] ?? '[') +
        written.slice(2, open) +
        '](' +
        written.slice(open + 2, -1) +
        ')';
      file.message(`这一行的图片用了全角符号（“！”“［］”或“（）”），不会显示为图片：请改成半角“${fixed}”，单独成段。`, {
        line,
        column,
      });
    }
  }
});
