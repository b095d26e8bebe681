import type { Diagnostic } from '../model.ts';
import { PdfImportError } from '../core/errors.ts';
import type { Masthead } from '../pipeline/masthead.ts';
import type { SectionTable } from '../pipeline/section-kinds.ts';
import type { ImportedArticle } from './outline.ts';
import { placeArticlesOnPages } from './pdf/article-pages.ts';
import { readPdfStructure } from './pdf-structure.ts';
import { lineDiagnostic, matchKey } from './text.ts';
import { editDistance } from '../core/edit-distance.ts';
import { issueId, issueShortLabel } from '../core/issue-numbering.ts';

/** The PDF a Word file was printed to, as given to its import (`--pdf`, or found beside it). */
export interface PrintedPdf {
  /** As the editor named it, for messages. */
  path: string;
  bytes: Uint8Array;
}

export interface PrintedPages {
  /** The PDF, to copy beside the issue file as its original; absent when it is not this issue's. */
  original?: Uint8Array;
  /** PDF page minus printed page, as the PDF import gives it. */
  offset: number;
  /** At lines of the Word file's structure, like every other finding of the Word import. */
  diagnostics: Diagnostic[];
}

/** A title the PDF words a little differently (extraction damage, a late edit) matches within this share of edits. */
const titleTolerance = 0.15;

/**
 * Physical pages for a Word file's articles from the PDF it was printed to: the PDF read by the
 * PDF import's own steps, each Word article matched to the PDF article with the same title (the
 * contents title, then the nearest title within a few edits), and the pages it was found on
 * checked against the contents exactly as the PDF import does (`pdf=` where they disagree,
 * `originalPageOffset` for an unnumbered cover). A PDF of another issue, one that cannot be read,
 * or one where no title is found gives a warning and no pages: the import goes on with the
 * contents' printed pages and no original. Sets `pdfPage` on the articles it places.
 */
export async function placeOnPrintedPages(
  path: string,
  pdf: PrintedPdf,
  masthead: Masthead,
  articles: readonly ImportedArticle[],
  table: SectionTable,
  signal?: AbortSignal,
): Promise<PrintedPages> {
  const none = (message: string): PrintedPages => ({
    offset: 0,
    diagnostics: [lineDiagnostic(path, 1, 'warning', 'import-word-pdf', `${message}页码按目录，没有复制原刊 PDF。`)],
  });
  let read;
  try {
    read = await readPdfStructure(pdf.path, pdf.bytes, table, signal ? { signal } : {});
  } catch (error) {
    if (!(error instanceof PdfImportError)) throw error;
    return none(`PDF ${pdf.path} 无法读取：${error.message}`);
  }
  const { structure, pageOf, layout } = read;
  const theirs = structure.masthead;
  if (!theirs || !structure.outline) return none(`PDF ${pdf.path} 读不出刊头，不像这期的原刊。`);
  if (issueId(theirs) !== issueId(masthead))
    return none(
      `PDF ${pdf.path} 是 ${issueShortLabel(theirs)}，Word 文件是 ${issueShortLabel(masthead)}：` +
        '不是这期的原刊，请核对文件。',
    );
  const printed = structure.outline.sections.flatMap((section) => section.articles);
  const found = matchArticles(articles, printed);
  if (found.size === 0) return none(`PDF ${pdf.path} 中找不到这期任何一篇文章的标题，不像这期的原刊。`);
  const diagnostics: Diagnostic[] = [];
  for (const article of articles)
    if (!found.has(article.line))
      diagnostics.push(
        lineDiagnostic(
          path,
          article.line,
          'warning',
          'import-word-pdf',
          `在 PDF ${pdf.path} 中找不到 “${article.title}” 的标题：原刊页按目录页码推算。请核对。`,
        ),
      );
  const pages = new Map([...found].map(([line, theirLine]) => [line, pageOf(theirLine)]));
  const placed = placeArticlesOnPages(path, articles, (line) => pages.get(line), layout.printedPages);
  return { original: pdf.bytes, offset: placed.offset, diagnostics: [...diagnostics, ...placed.diagnostics] };
}

/**
 * Word article line → the line of the same article in the PDF. Exact titles first (whitespace and
 * width variants ignored, by title or contents title), then the nearest remaining title within
 * `titleTolerance`; each PDF article is taken once.
 */
function matchArticles(ours: readonly ImportedArticle[], theirs: readonly ImportedArticle[]): Map<number, number> {
  const keys = (article: ImportedArticle) =>
    [article.title, article.contentsTitle].flatMap((title) => (title === undefined ? [] : [matchKey(title)]));
  const found = new Map<number, number>();
  const taken = new Set<ImportedArticle>();
  for (const article of ours) {
    const mine = keys(article);
    const same = theirs.find((other) => !taken.has(other) && keys(other).some((key) => mine.includes(key)));
    if (!same) continue;
    found.set(article.line, same.line);
    taken.add(same);
  }
  for (const article of ours) {
    if (found.has(article.line)) continue;
    const mine = matchKey(article.title);
    let best: { other: ImportedArticle; distance: number } | undefined;
    for (const other of theirs) {
      if (taken.has(other)) continue;
      const distance = editDistance(mine, matchKey(other.title));
      if (distance <= Math.floor(mine.length * titleTolerance) && (!best || distance < best.distance))
        best = { other, distance };
    }
    if (!best) continue;
    found.set(article.line, best.other.line);
    taken.add(best.other);
  }
  return found;
}
