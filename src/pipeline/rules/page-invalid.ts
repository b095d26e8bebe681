import { defineRule } from '../lint.ts';
import { attributesPoint, columnArticles, printedPage } from './articles.ts';

/** `page=` is the number of the printed page, as the contents gives it (- 3 -). */
export const pageInvalid = defineRule('page-invalid', 'error', ({ file, draft }) => {
  for (const article of columnArticles(draft)) {
    const page = article.attributes?.page;
    if (page === undefined || printedPage(page) !== undefined) continue;
    file.message(`页码 “${page}” 须是正整数，即目录中 “- 3 -” 里的数字，写作 page=3。`, attributesPoint(file, article));
  }
});
