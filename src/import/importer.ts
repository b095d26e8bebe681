import type { SectionTable } from '../pipeline/section-kinds.ts';
import { importBulletin } from './import-bulletin.ts';
import type { ImportedIssue } from './imported-issue.ts';
import type { PrintedPdf } from './printed-pdf.ts';

export interface ImportOptions {
  /** Stops a long read (a big PDF) when the command is interrupted. */
  signal?: AbortSignal;
  /** The PDF a Word file was printed to: its physical pages, and the issue's original. */
  printedPdf?: PrintedPdf;
}

/**
 * One importer per input kind: the input's bytes (named `path` in messages) and the column table
 * in, the issue and what goes beside it out. Nothing is written by an importer. The PDF and Word
 * importers may throw `PdfImportError` or `WordImportError` for a file they cannot read; the
 * command prints its message.
 */
export type Importer = (
  path: string,
  bytes: Uint8Array,
  table: SectionTable,
  options?: ImportOptions,
) => Promise<ImportedIssue>;

/** The plain-text import as an importer: no pictures and no original, since text has neither. */
export const importText: Importer = (path, bytes, table) =>
  Promise.resolve({ ...importBulletin(path, bytes, table), pictures: [] });
