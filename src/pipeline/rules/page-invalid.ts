import { defineRule } from '../lint.ts';
import { attributesPoint, columnArticles, printedPage } from './articles.ts';

/** `page=` is the number of the printed page, as the contents gives it (- 3 -). */
export const pageInvalid = defineRule('page-invalid', 'error', ({ file, draft }) => {
  for (const article of columnArticles(draft)) {
    const page = article.attributes?.page;
    if (page !== undefined && printedPage(page) === undefined)
      file.message(
        `页码 “${page}” 须是正整数，即目录中 “- 3 -” 里的数字，写作 page=3。`,
        attributesPoint(file, article),
      );
    const end = article.attributes?.end;
    if (end === undefined) continue;
    const first = page === undefined ? undefined : printedPage(page);
    const last = printedPage(end);
    if (first === undefined)
      file.message(
        `写了末页 end=${end}，却没有写首页：请同时写 page=首页，例如 page=3 end=4。`,
        attributesPoint(file, article),
      );
    else if (last === undefined || last < first)
      file.message(
        `末页 “${end}” 须是不小于首页 ${first} 的正整数，例如 page=${first} end=${first + 1}。`,
        attributesPoint(file, article),
      );
  }
});
