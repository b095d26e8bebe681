import { conventionalOriginalPath } from '../../core/content-format.ts';
import { physicalPage } from '../media/physical-page.ts';
import { defineRule } from '../lint.ts';
import { attributesPoint, columnArticles, printedPage } from './articles.ts';

const offsetHint =
  '封面或目录页不编页码时，在刊头写 originalPageOffset: 1（PDF 页序比印刷页码多 1）；个别文章可写 pdf=页序。';

/**
 * Each article's page in the original PDF (`pdf=N`, or `page=` plus `originalPageOffset`) must be
 * a page the PDF has; `pdf=` and the offset need an original to point into.
 */
export const originalPage = defineRule('original-page', 'error', ({ file, draft, media }) => {
  const found = media.original?.finding;
  const offset = media.pageOffset;
  const none = `本期没有原刊 PDF（没有 ${conventionalOriginalPath(file.path)}，刊头也没有 original:）`;
  if (!media.original && offset) {
    file.message(`${none}，originalPageOffset 无从对应。请放入原刊 PDF，或删去这一行。`, offset.place);
  }
  for (const article of columnArticles(draft)) {
    const pdf = article.attributes?.pdf;
    const place = attributesPoint(file, article);
    if (pdf !== undefined && printedPage(pdf) === undefined) {
      file.message(`原刊 PDF 页序 “${pdf}” 须是正整数，即 PDF 阅读器中显示的第几页，写作 pdf=3。`, place);
      continue;
    }
    if (!media.original) {
      if (pdf !== undefined) file.message(`${none}，pdf=${pdf} 无从对应。请放入原刊 PDF，或删去 pdf=。`, place);
      continue;
    }
    if (found?.kind !== 'pdf') continue;
    const page = physicalPage(article.attributes, offset?.value);
    const pages = found.original.pages;
    if (page === undefined || (page >= 1 && page <= pages)) continue;
    const how =
      pdf !== undefined
        ? `pdf=${pdf}`
        : offset
          ? `page=${article.attributes?.page ?? ''} 加 originalPageOffset ${offset.value}`
          : `page=${article.attributes?.page ?? ''}，未写 originalPageOffset 时与印刷页码相同`;
    file.message(
      `这篇文章在原刊 PDF 中的页序是 ${page}（${how}），但原刊只有 ${pages} 页（1 到 ${pages}）。${offsetHint}`,
      place,
    );
  }
});
