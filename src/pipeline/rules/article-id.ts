import { maxSegmentLength, segmentTooLong } from '../../core/routes.ts';
import { segmentPattern } from '../../core/routes.ts';
import { defineRule } from '../lint.ts';
import { attributesPoint, columnArticles } from './articles.ts';

/** `{#id}` becomes part of the article's address and a folder of the site, so it must be a short URL slug. */
export const articleId = defineRule('article-id', 'error', ({ file, draft }) => {
  for (const article of columnArticles(draft)) {
    const id = article.attributes?.id;
    if (id === undefined) continue;
    if (id.length > maxSegmentLength)
      file.message(
        `文章标识${segmentTooLong(id)}。请改用简短的标识，例如 {#taizhou-planning}。`,
        attributesPoint(file, article),
      );
    else if (!segmentPattern.test(id))
      file.message(
        `文章标识 “${id}” 须由小写英文字母、数字和连字符组成（用于网址），例如 {#taizhou-planning}。`,
        attributesPoint(file, article),
      );
  }
});
