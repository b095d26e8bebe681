import { defineRule } from '../lint.ts';

/** Text under a column but before its first article: no article would show it. */
export const outsideArticle = defineRule('outside-article', 'error', ({ file, draft }) => {
  for (const { node, section } of draft.strayContent) {
    if (!section) continue;
    file.message(
      `栏目 “${section.title}” 下的这段内容不属于任何文章：请在它前面加文章标题（### 标题），或把它移到某篇文章之下。`,
      node,
    );
  }
});
