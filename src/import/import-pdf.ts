import type { Diagnostic } from '../model.ts';
import { compareDiagnostics } from '../core/diagnostics.ts';
import { issueId } from '../core/content-format.ts';
import { PdfImportError } from '../core/errors.ts';
import type { ImportedIssue } from './imported-issue.ts';
import type { Importer } from './importer.ts';
import { placeArticlesOnPages } from './pdf/article-pages.ts';
import { pdfMessages } from './pdf/open-pdf.ts';
import type { PdfWarning } from './pdf/read-pdf.ts';
import { readPdfStructure } from './pdf-structure.ts';
import { placePictures } from './place-pictures.ts';
import { lineDiagnostic } from './text.ts';
import { atInputStart, atWrittenLines, writeIssueFile } from './written-lines.ts';

/**
 * The PDF import: the page's layout read (src/import/pdf/), its blocks handed as lines to the
 * structure steps the text import uses, then what only a PDF knows put back: the pictures beside
 * their captions, the page each article starts on, and the file itself as the original. Every
 * finding names the line of the written issue file and the PDF page it is about.
 *
 * Throws `PdfImportError` for a file it cannot read (damaged, encrypted, scanned, over a bound).
 */
export const importPdf: Importer = async (path, bytes, table, options = {}) => {
  const { layout, placed, structure, pageOf } = await readPdfStructure(
    path,
    bytes,
    table,
    options.signal ? { signal: options.signal } : {},
  );
  const { masthead, outline } = structure;
  if (!masthead || !outline) {
    // A masthead in text without Unicode mapping was never readable: that is the one thing to say.
    if (layout.warnings.some((w) => w.unreadable)) throw new PdfImportError(pdfMessages.noMapping);
    // No file is written, so the findings can only point at the PDF: its first line and their page.
    const findings = [
      ...structure.diagnostics.map((d) => onPage(d, pageOf(d.line))),
      ...pageWarnings(path, layout.warnings, () => 1),
    ];
    return { diagnostics: atInputStart(findings), pictures: [] };
  }
  const folder = issueId(masthead);
  const articles = outline.sections.flatMap((section) => section.articles);
  const pictureDiagnostics = placePictures(path, outline, articles, placed.pictures, folder, droppedHint);
  const pages = placeArticlesOnPages(path, articles, pageOf, layout.printedPages);
  const media = pages.offset === 0 ? {} : { originalPageOffset: pages.offset };
  const { markdown, lineOf } = writeIssueFile(masthead, outline, media);
  const found = [...structure.diagnostics, ...pictureDiagnostics.diagnostics, ...pages.diagnostics].map((d) =>
    onPage(d, pageOf(d.line)),
  );
  const diagnostics: Diagnostic[] = [
    ...atWrittenLines(found, lineOf),
    ...pageWarnings(path, layout.warnings, (page) =>
      lineOf(page === undefined ? 1 : firstLineOnPage(placed.pages, page)),
    ),
  ].sort(compareDiagnostics);
  return {
    markdown,
    masthead,
    outline,
    diagnostics,
    linesIn: 'markdown',
    pictures: pictureDiagnostics.pictures,
    original: bytes,
  } satisfies ImportedIssue;
};

/** Where a picture that is not imported can still be seen. */
const droppedHint = '原刊 PDF 中仍可看到。';

/** What the layout stage noticed on a page (an undecodable image, radicals), at the page's first written line. */
function pageWarnings(
  path: string,
  warnings: readonly PdfWarning[],
  lineOfPage: (page: number | undefined) => number,
): Diagnostic[] {
  return warnings.map((w) => lineDiagnostic(path, lineOfPage(w.page), 'warning', 'import-pdf-page', w.message));
}

/** A finding's PDF page, said at the end of its message, since the written file has no pages. */
function onPage(d: Diagnostic, page: number | undefined): Diagnostic {
  return page === undefined ? d : { ...d, message: `${d.message}（PDF 第 ${page} 页）` };
}

function firstLineOnPage(pages: ReadonlyMap<number, number>, page: number): number {
  let best: number | undefined;
  for (const [line, on] of pages) if (on >= page && (best === undefined || line < best)) best = line;
  return best ?? 1;
}
