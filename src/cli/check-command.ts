import { formatDiagnostic, hasErrors } from '../core/diagnostics.ts';
import { loadArchive } from '../archive/load-archive.ts';

export interface CheckOptions {
  /** The content folder to check. */
  contentDir: string;
  /** How the folder is named in messages: as the editor gave it, relative to where they stand. */
  displayDir: string;
  /** Where the report goes; the command writes nothing anywhere else. */
  write: (text: string) => void;
}

/**
 * `npm run check` without the process around it, so tests can run it once per broken input
 * in-process: every rule over the content folder; returns the exit code, 1 on any error.
 */
export async function runCheck({ contentDir, displayDir, write }: CheckOptions): Promise<number> {
  const archive = await loadArchive(contentDir, displayDir);
  for (const d of archive.diagnostics) write(`${formatDiagnostic(d)}\n`);
  const errors = archive.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = archive.diagnostics.length - errors;
  const articles = archive.issues.reduce(
    (n, issue) => n + issue.sections.reduce((m, s) => m + s.articles.length, 0),
    0,
  );
  if (hasErrors(archive.diagnostics)) {
    write(`\n检查未通过：${errors} 个错误，${warnings} 个警告。请按上面的提示修改后再运行 npm run check。\n`);
    return 1;
  }
  write(`检查通过：${archive.issues.length} 期，${articles} 篇文章，${warnings} 个警告。\n`);
  return 0;
}
