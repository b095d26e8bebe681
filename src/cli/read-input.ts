import { readFile } from 'node:fs/promises';
import { formatDiagnostic } from '../core/diagnostics.ts';

/** Reads a file named on the command line; a missing file is reported in the checker's form. */
export async function readInputFile(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch {
    const message = '找不到或无法读取这个文件。请检查路径。';
    process.stderr.write(
      `${formatDiagnostic({ path, line: 1, column: 1, severity: 'error', rule: 'file-not-found', message })}\n`,
    );
    return undefined;
  }
}
