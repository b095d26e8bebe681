import type { Diagnostic } from '../model.ts';
import { compareDiagnostics } from '../core/diagnostics.ts';
import { issueId } from '../core/content-format.ts';
import { docxLines } from './docx/block-lines.ts';
import { readDocxLayout } from './docx/read-docx.ts';
import type { ImportedIssue } from './imported-issue.ts';
import type { Importer } from './importer.ts';
import { readIssueStructure } from './issue-structure.ts';
import { placePictures } from './place-pictures.ts';
import { placeOnPrintedPages } from './printed-pdf.ts';
import { lineDiagnostic } from './text.ts';
import { atInputStart, atWrittenLines, writeIssueFile } from './written-lines.ts';

/** Where a picture that is not imported can still be seen. */
const droppedHint = 'Word 原文中仍可看到。';

/**
 * The Word import: the body's paragraphs and pictures read with their direct formatting
 * (src/import/docx/), handed as lines to the structure steps the PDF and text imports use, then
 * the pictures put beside their captions in their own format. A .docx has no pages: articles get
 * the printed page the contents gives them, and, when the PDF it was printed to is given, the
 * physical page their title is found on there, with that PDF as the original. Every finding names
 * the line of the written issue file.
 *
 * Throws `WordImportError` for a file it cannot read (damaged, over a bound, no Word body).
 */
export const importDocx: Importer = async (path, bytes, table, options = {}) => {
  const layout = await readDocxLayout(bytes);
  const placed = docxLines(layout);
  const structure = readIssueStructure(path, placed.lines, table);
  const { masthead, outline } = structure;
  const fileWarnings = layout.warnings.map((w) => lineDiagnostic(path, 1, 'warning', w.rule, w.message));
  const blockWarnings = placed.warnings.map((w) => lineDiagnostic(path, w.line, 'warning', w.rule, w.message));
  if (!masthead || !outline) {
    // No file is written, so the findings can only point at the Word file as a whole.
    const findings = [...structure.diagnostics, ...blockWarnings, ...fileWarnings];
    return { diagnostics: atInputStart(findings), pictures: [] };
  }
  const folder = issueId(masthead);
  const articles = outline.sections.flatMap((section) => section.articles);
  const pictures = placePictures(path, outline, articles, placed.pictures, folder, droppedHint);
  const printed = options.printedPdf
    ? await placeOnPrintedPages(path, options.printedPdf, masthead, articles, table, options.signal)
    : { offset: 0, diagnostics: [] };
  const media = printed.offset === 0 ? {} : { originalPageOffset: printed.offset };
  const { markdown, lineOf } = writeIssueFile(masthead, outline, media);
  const found = [...structure.diagnostics, ...blockWarnings, ...pictures.diagnostics, ...printed.diagnostics];
  const diagnostics: Diagnostic[] = [...atWrittenLines(found, lineOf), ...fileWarnings].sort(compareDiagnostics);
  return {
    markdown,
    masthead,
    outline,
    diagnostics,
    linesIn: 'markdown',
    pictures: pictures.pictures,
    ...(printed.original ? { original: printed.original } : {}),
  } satisfies ImportedIssue;
};
