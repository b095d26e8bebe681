import type { InputKind } from '../import/input-kind.ts';
import { importDocx } from '../import/import-docx.ts';
import { importPdf } from '../import/import-pdf.ts';
import { importText, type Importer } from '../import/importer.ts';

/** Which importer reads which kind of input. */
export const importers: Record<InputKind, Importer> = {
  text: importText,
  pdf: importPdf,
  word: importDocx,
};
