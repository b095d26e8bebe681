import { articleId } from '../article-id.ts';
import { defineRule } from '../lint.ts';
import { columnArticles } from './articles.ts';

/** Two articles of one issue with one id (given, or derived from the same title) would share an address. */
export const duplicateArticleId = defineRule('duplicate-article-id', 'error', ({ file, draft }) => {
  const seen = new Map<string, number>();
  for (const article of columnArticles(draft)) {
    if (article.title === '') continue;
    const id = articleId(article.title, article.attributes?.id);
    const earlier = seen.get(id);
    if (earlier === undefined) seen.set(id, article.place.line);
    else
      file.message(
        `文章标识 “${id}” 与第 ${earlier} 行的文章重复：请在标题后用 {#另一个标识} 指定不同的标识。`,
        article.heading,
      );
  }
});
