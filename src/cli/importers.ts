import { existsSync } from 'node:fs';
import { PdfImportError } from '../core/errors.ts';
import type { InputKind } from '../import/input-kind.ts';
import { importText, type Importer } from '../import/importer.ts';

/**
 * Which importer reads which kind of input. Word has none yet: the command says so itself.
 *
 * This is the one place the PDF importer (src/import/import-pdf.ts, `importPdf`) is referenced.
 * It is loaded by name so that this compiles while that module is being written on its own
 * branch; once both are merged this becomes `import { importPdf } from '../import/import-pdf.ts'`
 * and `pdf: importPdf`.
 */
export const importers: Record<Exclude<InputKind, 'word'>, Importer> = {
  text: importText,
  pdf: async (path, bytes, table, options) => (await loadPdfImporter())(path, bytes, table, options),
};

const pdfImporterModule = new URL('../import/import-pdf.ts', import.meta.url);

async function loadPdfImporter(): Promise<Importer> {
  if (!existsSync(pdfImporterModule))
    throw new PdfImportError(
      '这个版本还不能直接导入 PDF。请先把 PDF 的文字导出为 .txt（例如 pdftotext -layout 原刊.pdf 原文.txt）再导入。',
    );
  const loaded: unknown = await import(pdfImporterModule.href);
  const exported =
    typeof loaded === 'object' && loaded !== null && 'importPdf' in loaded ? loaded.importPdf : undefined;
  if (typeof exported !== 'function') throw new Error('src/import/import-pdf.ts does not export importPdf');
  return exported as Importer;
}
