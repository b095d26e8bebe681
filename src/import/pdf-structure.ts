import type { SectionTable } from '../pipeline/section-kinds.ts';
import { readIssueStructure, type IssueStructure } from './issue-structure.ts';
import { blockLines, type BlockLines } from './pdf/block-lines.ts';
import { readPdfLayout, type PdfLayout } from './pdf/read-pdf.ts';

export interface PdfStructure {
  layout: PdfLayout;
  placed: BlockLines;
  structure: IssueStructure;
  /** The physical page a line of `placed.lines` stands on: that of the nearest block at or above it. */
  pageOf: (line: number) => number | undefined;
}

/**
 * A PDF read as far as the shared structure steps take it: its layout, the layout as numbered
 * lines, and the masthead, contents and articles on those lines. The PDF import goes on from here
 * to its issue file; the Word import, given the PDF a .docx was printed to, to the pages its
 * articles start on. Throws `PdfImportError` for a PDF it cannot read.
 */
export async function readPdfStructure(
  path: string,
  bytes: Uint8Array,
  table: SectionTable,
  options: { signal?: AbortSignal } = {},
): Promise<PdfStructure> {
  const layout = await readPdfLayout(bytes, options.signal ? { signal: options.signal } : {});
  const placed = blockLines(layout.blocks);
  const pageOf = (line: number): number | undefined => {
    for (let at = line; at > 0; at--) {
      const page = placed.pages.get(at);
      if (page !== undefined) return page;
    }
    return undefined;
  };
  return { layout, placed, structure: readIssueStructure(path, placed.lines, table), pageOf };
}
