import { readFile } from 'node:fs/promises';
import { diagnostic, formatDiagnostic } from '../core/diagnostics.ts';
import type { Diagnostic } from '../model.ts';

/** A finding about a file named on the command line as a whole: placed at its start. */
export function inputError(path: string, rule: string, message: string): Diagnostic {
  return diagnostic(path, { line: 1, column: 1 }, 'error', rule, message);
}

/** The bytes of a file named on the command line, or the checker-form error saying it cannot be read. */
export async function readInput(path: string, shownAs = path): Promise<Buffer | Diagnostic> {
  try {
    return await readFile(path);
  } catch {
    return inputError(shownAs, 'file-not-found', '找不到或无法读取这个文件。请检查路径。');
  }
}

/** Reads a file named on the command line; a missing file is reported on stderr in the checker's form. */
export async function readInputFile(path: string): Promise<Buffer | undefined> {
  const read = await readInput(path);
  if (Buffer.isBuffer(read)) return read;
  process.stderr.write(`${formatDiagnostic(read)}\n`);
  return undefined;
}
