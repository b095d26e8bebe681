import { defineRule } from '../lint.ts';
import { columnArticles } from './articles.ts';

/** A title with no text under it (a subtitle alone is no body). */
export const emptyArticle = defineRule('empty-article', 'error', ({ file, draft }) => {
  for (const article of columnArticles(draft)) {
    if (article.body.length === 0)
      file.message(`文章 “${article.title}” 没有正文：请补上正文，或删去这个标题。`, article.heading);
  }
});
