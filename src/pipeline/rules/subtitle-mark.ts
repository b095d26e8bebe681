import { toString } from 'mdast-util-to-string';
import { defineRule } from '../lint.ts';
import { excerpt } from '../source-lines.ts';
import { columnArticles } from './articles.ts';

/**
 * An article's first paragraph opening with a single dash, `—科技标准司…`: a subtitle is marked
 * with two (`——`), so this one is body text. Only a warning: a paragraph may open with a dash.
 */
const oneDash = /^[—―－](?![—―－-])\s*(\S.*)$/su;

export const subtitleMark = defineRule('subtitle-mark', 'warning', ({ file, draft }) => {
  for (const article of columnArticles(draft)) {
    const [first] = article.body;
    if (article.subtitle || first?.type !== 'paragraph') continue;
    const rest = oneDash.exec(toString(first).trim())?.[1];
    if (rest === undefined) continue;
    file.message(
      `标题下第一段以一个破折号开头，看起来是副标题，但副标题要用两个破折号，现在它是正文：` +
        `若是副标题，请改成“——${excerpt(rest.split('\n')[0] ?? rest)}”。`,
      first,
    );
  }
});
