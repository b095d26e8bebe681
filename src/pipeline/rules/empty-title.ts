import { defineRule } from '../lint.ts';
import { columnArticles } from './articles.ts';

/** `###` with nothing but attributes after it. */
export const emptyTitle = defineRule('empty-title', 'error', ({ file, draft }) => {
  for (const article of columnArticles(draft)) {
    if (article.title === '') file.message('文章标题是空的：请在 ### 后写上标题。', article.heading);
  }
});
