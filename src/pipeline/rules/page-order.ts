import { defineRule } from '../lint.ts';
import { attributesPoint, columnArticles, printedPage } from './articles.ts';

/** Articles follow the printed contents, so their pages never go backwards. */
export const pageOrder = defineRule('page-order', 'error', ({ file, draft }) => {
  let last: { page: number; title: string } | undefined;
  for (const article of columnArticles(draft)) {
    const page = printedPage(article.attributes?.page ?? '');
    if (page === undefined) continue;
    if (last && page < last.page) {
      file.message(
        `页码 ${page} 比前一篇文章 “${last.title}” 的页码 ${last.page} 小：文章须按原刊目录的顺序排列，请核对页码或文章次序。`,
        attributesPoint(file, article),
      );
    }
    last = { page, title: article.title };
  }
});
