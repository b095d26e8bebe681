import type { Diagnostic } from '../../model.ts';
import type { ImportedArticle } from '../outline.ts';
import { lineDiagnostic } from '../text.ts';

export interface ArticlePages {
  /** PDF page minus printed page for the issue: what `originalPageOffset` says when not 0. */
  offset: number;
  diagnostics: Diagnostic[];
}

/** The most common value; on a tie, the one nearest 0 (no offset is the usual case). */
function mostCommon(values: readonly number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || Math.abs(a[0]) - Math.abs(b[0]))[0]?.[0];
}

/**
 * Gives each article the PDF page its title stands on, checked against the printed contents. The
 * issue's offset comes from the page marks where the pages carry them (an unnumbered cover makes
 * it 1), else from the contents' pages against where the titles were found. An article whose
 * contents page and title page disagree under that offset gets `pdf=` and a warning naming both;
 * one the contents does not list gets `pdf=` alone, so its 原刊 link still opens the right page.
 */
export function placeArticlesOnPages(
  path: string,
  articles: readonly ImportedArticle[],
  titlePage: (line: number) => number | undefined,
  printedPages: readonly (number | undefined)[],
): ArticlePages {
  const diagnostics: Diagnostic[] = [];
  const marks = printedPages.flatMap((printed, index) => (printed === undefined ? [] : [index + 1 - printed]));
  const listed = articles.flatMap((article) => {
    const found = titlePage(article.line);
    return article.page === undefined || found === undefined ? [] : [found - article.page];
  });
  const offset = mostCommon(marks) ?? mostCommon(listed) ?? 0;
  for (const article of articles) {
    const found = titlePage(article.line);
    if (found === undefined) continue;
    if (article.page === undefined) {
      article.pdfPage = found;
      continue;
    }
    if (article.page + offset === found) continue;
    article.pdfPage = found;
    const printed = printedPages[found - 1];
    const mark = printed === undefined ? '' : `（该页页码印为 ${printed}）`;
    diagnostics.push(
      lineDiagnostic(
        path,
        article.line,
        'warning',
        'import-page-mismatch',
        `目录说 “${article.title}” 在第 ${article.page} 页，它的标题却在 PDF 第 ${found} 页${mark}。` +
          `已写 page=${article.page} pdf=${found}：目录页码照录，原刊链接打开标题所在的页。请核对目录。`,
      ),
    );
  }
  return { offset, diagnostics };
}
