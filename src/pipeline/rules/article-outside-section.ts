import { defineRule } from '../lint.ts';

/** An article (`###`) before the first column (`##`) belongs to no column. */
export const articleOutsideSection = defineRule('article-outside-section', 'error', ({ file, draft }) => {
  for (const article of draft.strayArticles) {
    file.message('文章（###）不在任何栏目之下：请在它前面加上所属栏目的标题，例如 “## 工作动态”。', article.heading);
  }
});
