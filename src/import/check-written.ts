import { readFile } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { loadArchive, loadIssueContextFor, settingsSteps } from '../archive/load-archive.ts';
import { issueFileExtension } from '../core/content-format.ts';
import type { Diagnostic } from '../model.ts';
import { processIssueFile } from '../pipeline/issue-file.ts';

/**
 * What `npm run check` will say about a file just written: inside the content folder the whole
 * archive is loaded (file name, duplicate and order rules need the other issues) and only this
 * file's findings are kept; elsewhere the file is checked on its own, with the folder's tables, and
 * its pictures and original are looked for beside it (where the import put them).
 */
export async function checkWrittenIssue(file: string, contentDir: string, cwd = process.cwd()): Promise<Diagnostic[]> {
  const display = (path: string) => relative(cwd, path) || path;
  const steps = settingsSteps(contentDir);
  const inside = relative(contentDir, file);
  if (file.endsWith(issueFileExtension) && !inside.split(sep).some((part) => part.startsWith('.'))) {
    const archive = await loadArchive(contentDir, display(contentDir), undefined, steps);
    const shown = join(display(contentDir), inside);
    return archive.diagnostics.filter((d) => d.path === shown);
  }
  const { context } = await loadIssueContextFor(contentDir, display(contentDir), steps);
  const besideIt = { ...context, contentDir: dirname(file) };
  const result = await processIssueFile(display(file), basename(file), await readFile(file), besideIt);
  return result.diagnostics;
}
