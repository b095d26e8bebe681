import { defineRule } from '../lint.ts';
import { excerpt, paragraphLines } from '../source-lines.ts';
import { columnArticles } from './articles.ts';

/**
 * A subtitle (`——…`) with the next line right under it, no blank line between: the two are one
 * paragraph, so the subtitle swallows the article's first paragraph. Only a warning: a long
 * subtitle may be wrapped onto a second line on purpose.
 */
export const subtitleJoined = defineRule('subtitle-joined', 'warning', ({ file, draft }) => {
  for (const article of columnArticles(draft)) {
    if (!article.subtitle) continue;
    const [first, second] = paragraphLines(file, article.subtitle.node);
    if (!first || !second) continue;
    file.message(
      `副标题“${excerpt(first.text)}”的下一行没有空一行，“${excerpt(second.text, 10)}”并进了副标题：` +
        '若它是正文第一段，请在这一行前面空一行；若副标题确实写成两行，请把它合成一行。',
      { line: second.line, column: second.column },
    );
  }
});
