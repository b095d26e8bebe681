import type { InputKind } from '../import/input-kind.ts';
import { importPdf } from '../import/import-pdf.ts';
import { importText, type Importer } from '../import/importer.ts';

/** Which importer reads which kind of input. Word has none yet: the command says so itself. */
export const importers: Record<Exclude<InputKind, 'word'>, Importer> = {
  text: importText,
  pdf: importPdf,
};
