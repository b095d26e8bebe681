import type { Diagnostic } from '../model.ts';
import { compareDiagnostics } from '../core/diagnostics.ts';
import { issueId } from '../core/content-format.ts';
import { PdfImportError } from '../core/errors.ts';
import type { Block } from './article-body.ts';
import type { ImportedIssue, ImportedPicture } from './imported-issue.ts';
import type { Importer } from './importer.ts';
import { readIssueStructure } from './issue-structure.ts';
import { issueMarkdown, issueNodes } from './markdown.ts';
import type { ImportedArticle, Outline } from './outline.ts';
import { placeArticlesOnPages } from './pdf/article-pages.ts';
import { blockLines, type PlacedPictures } from './pdf/block-lines.ts';
import { pdfMessages } from './pdf/open-pdf.ts';
import { readPdfLayout, type PdfWarning } from './pdf/read-pdf.ts';
import { lineDiagnostic } from './text.ts';
import { atWrittenLines, writtenLines } from './written-lines.ts';

/**
 * The PDF import: the page's layout read (src/import/pdf/), its blocks handed as lines to the
 * structure steps the text import uses, then what only a PDF knows put back: the pictures beside
 * their captions, the page each article starts on, and the file itself as the original. Every
 * finding names the line of the written issue file and the PDF page it is about.
 *
 * Throws `PdfImportError` for a file it cannot read (damaged, encrypted, scanned, over a bound).
 */
export const importPdf: Importer = async (path, bytes, table, options = {}) => {
  const layout = await readPdfLayout(bytes, options.signal ? { signal: options.signal } : {});
  const placed = blockLines(layout.blocks);
  const pageOf = (line: number): number | undefined => {
    for (let at = line; at > 0; at--) {
      const page = placed.pages.get(at);
      if (page !== undefined) return page;
    }
    return undefined;
  };
  const structure = readIssueStructure(path, placed.lines, table);
  const { masthead, outline } = structure;
  if (!masthead || !outline) {
    // A masthead in text without Unicode mapping was never readable: that is the one thing to say.
    if (layout.warnings.some((w) => w.unreadable)) throw new PdfImportError(pdfMessages.noMapping);
    // No file is written, so the findings can only point at the PDF: its first line and their page.
    const findings = [
      ...structure.diagnostics.map((d) => onPage(d, pageOf(d.line))),
      ...pageWarnings(path, layout.warnings, () => 1),
    ];
    return { diagnostics: findings.map((d) => ({ ...d, line: 1, column: 1 })).sort(compareDiagnostics), pictures: [] };
  }
  const folder = issueId(masthead.year, masthead.number);
  const articles = outline.sections.flatMap((section) => section.articles);
  const pictureDiagnostics = placePictures(path, outline, articles, placed.pictures, folder);
  const pages = placeArticlesOnPages(path, articles, pageOf, layout.printedPages);
  const media = pages.offset === 0 ? {} : { originalPageOffset: pages.offset };
  const markdown = issueMarkdown(masthead, outline, media);
  const lineOf = writtenLines(issueNodes(masthead, outline, media), markdown);
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

/**
 * The pictures into the outline: a captioned group is already a figure (its caption's line knew
 * it) and gets its folder; a group without a caption becomes a figure without one, in the
 * article it stands in. A group outside every article (on the masthead page, before the first
 * title) is not imported, and said so: the original PDF still shows it. Only pictures the file
 * refers to are written.
 */
function placePictures(
  path: string,
  outline: Outline,
  articles: readonly ImportedArticle[],
  groups: readonly PlacedPictures[],
  folder: string,
): { pictures: ImportedPicture[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const address = (name: string) => `${folder}/${name}`;
  const allBlocks = [
    ...outline.lead,
    ...outline.sections.flatMap((section) => [...section.lead, ...section.articles.flatMap((a) => a.blocks)]),
  ];
  for (const block of allBlocks)
    if (block.kind === 'figure' && block.pictures) block.pictures = block.pictures.map(address);
  const referenced = new Set(allBlocks.flatMap((block) => (block.kind === 'figure' ? (block.pictures ?? []) : [])));
  for (const group of groups) {
    const addresses = group.pictures.map((picture) => address(picture.name));
    if (addresses.every((a) => referenced.has(a))) continue;
    const article = [...articles].reverse().find((candidate) => candidate.line < group.line);
    if (!article) {
      diagnostics.push(
        lineDiagnostic(
          path,
          group.line,
          'warning',
          'import-picture-dropped',
          `这里的 ${group.pictures.length} 张图片不在任何文章之中（在刊头、目录或第一篇文章之前），没有导入；原刊 PDF 中仍可看到。如需要，请把图片另存后写入文章。`,
        ),
      );
      continue;
    }
    insertBlock(article.blocks, { kind: 'figure', caption: '', line: group.line, pictures: addresses });
    addresses.forEach((a) => referenced.add(a));
    diagnostics.push(
      lineDiagnostic(
        path,
        group.line,
        'warning',
        'import-picture-caption',
        '这幅图片的上下没有找到图片说明（紧挨图片、居中的短行），已导入为没有说明的图片。请对照原刊，在 ![] 的方括号中写上说明。',
      ),
    );
  }
  const pictures = groups.flatMap((group) => group.pictures).filter((picture) => referenced.has(address(picture.name)));
  return { pictures, diagnostics };
}

function insertBlock(blocks: Block[], block: Block): void {
  const at = blocks.findIndex((other) => other.line > block.line);
  blocks.splice(at === -1 ? blocks.length : at, 0, block);
}
