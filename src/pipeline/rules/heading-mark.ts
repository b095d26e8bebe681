import { defineRule } from '../lint.ts';
import { excerpt, paragraphLines, topParagraphs } from '../source-lines.ts';

/** What a heading of each depth is, for the message. */
const headingKinds: Record<number, string> = { 2: '栏目标题', 3: '文章标题', 4: '小标题', 5: '小标题', 6: '小标题' };

/**
 * A line that starts like a heading but is none: two to six `#` with a full-width `＃` among
 * them (`＃＃ 园区掠影`), or half-width `##`–`######` with no space after them (`##园区掠影`), or
 * a full-width space after them (U+3000, what Chinese input methods type). Markdown reads it
 * as body text: a column vanishes and its articles join the one before, a sub-heading becomes
 * a paragraph. A line that only has ＃ in
 * the middle, or a single `#` (a hashtag, say), is left alone.
 */
const nearHeading = /^([#＃]{2,6})(?![#＃])([ \t\u3000]*)(\S.*)$/u;

export const headingMark = defineRule('heading-mark', 'error', ({ file, tree }) => {
  for (const paragraph of topParagraphs(tree)) {
    for (const { line, column, text } of paragraphLines(file, paragraph)) {
      const match = nearHeading.exec(text);
      if (!match) continue;
      const [, marks = '', space = '', rest = ''] = match;
      const fullWidth = marks.includes('＃');
      if (!fullWidth && space !== '' && !space.includes('\u3000')) continue;
      const depth = marks.length;
      const fixed = `${'#'.repeat(depth)} ${excerpt(rest)}`;
      const what = headingKinds[depth] ?? '标题';
      const mistake = fullWidth
        ? '以全角“＃”开头'
        : space.includes('\u3000')
          ? `的“${marks}”后面是全角空格`
          : `的“${marks}”后面没有空格`;
      file.message(`这一行${mistake}，看起来想写${what}，现在却是正文：请改成半角“${fixed}”。`, {
        line,
        column,
      });
    }
  }
});
