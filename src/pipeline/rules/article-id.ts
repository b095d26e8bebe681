import { articleIdPattern } from '../article-id.ts';
import { defineRule } from '../lint.ts';
import { attributesPoint, columnArticles } from './articles.ts';

/** `{#id}` becomes part of the article's address, so it must be a URL slug. */
export const articleId = defineRule('article-id', 'error', ({ file, draft }) => {
  for (const article of columnArticles(draft)) {
    const id = article.attributes?.id;
    if (id === undefined || articleIdPattern.test(id)) continue;
    file.message(
      `文章标识 “${id}” 须由小写英文字母、数字和连字符组成（用于网址），例如 {#taizhou-planning}。`,
      attributesPoint(file, article),
    );
  }
});
