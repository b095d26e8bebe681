import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Diagnostic } from '../model.ts';
import { loadArchive } from '../pipeline/load.ts';
import { processIssueFile } from '../pipeline/issue-file.ts';
import type { SectionTable } from '../pipeline/section-kinds.ts';

/**
 * What `npm run check` will say about a file just written: inside the content folder the whole
 * archive is loaded (file name, duplicate and order rules need the other issues) and only this
 * file's findings are kept; elsewhere the file is checked on its own.
 */
export async function checkWrittenIssue(file: string, contentDir: string, table: SectionTable, cwd = process.cwd()): Promise<Diagnostic[]> {
  const display = (path: string) => relative(cwd, path) || path;
  const inside = relative(contentDir, file);
  if (file.endsWith('.md') && !inside.split(sep).some((part) => part.startsWith('.'))) {
    const archive = await loadArchive(contentDir, display(contentDir));
    const shown = join(display(contentDir), inside);
    return archive.diagnostics.filter((d) => d.path === shown);
  }
  return processIssueFile(display(file), inside.split(sep).join('/'), await readFile(file), table).diagnostics;
}
