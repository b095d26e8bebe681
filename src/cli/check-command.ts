import { formatDiagnostic, hasErrors } from '../core/diagnostics.ts';
import { loadArchive } from '../archive/load-archive.ts';
import { settingsErrorLines, tryReadSettings } from '../site/settings.ts';

export interface CheckOptions {
  /** The content folder to check. */
  contentDir: string;
  /** How the folder is named in messages: as the editor gave it, relative to where they stand. */
  displayDir: string;
  /** Where the report goes; the command writes nothing anywhere else. */
  write: (text: string) => void;
  /** SITE_URL and PATH_PREFIX are checked as the build reads them (default: this process's). */
  env?: NodeJS.ProcessEnv;
}

/**
 * `npm run check` without the process around it, so tests can run it once per broken input
 * in-process: the site's settings and every rule over the content folder; returns the exit code,
 * 1 on any error. A bad site.yaml is told as a bad issue is, and the issues are still checked
 * (with the programme's milestone steps, as the settings' own cannot be read).
 */
export async function runCheck({ contentDir, displayDir, write, env = process.env }: CheckOptions): Promise<number> {
  const read = tryReadSettings(env, { dir: contentDir, displayDir, warn: (line) => write(`${line}\n`) });
  const settingsErrors = read.ok ? [] : settingsErrorLines(read.error);
  const steps = read.ok ? { steps: read.settings.index.steps } : {};
  const archive = await loadArchive(contentDir, displayDir, undefined, steps);
  for (const line of settingsErrors) write(`${line}\n`);
  for (const d of archive.diagnostics) write(`${formatDiagnostic(d)}\n`);
  const contentErrors = archive.diagnostics.filter((d) => d.severity === 'error').length;
  const errors = settingsErrors.length + contentErrors;
  const warnings = archive.diagnostics.length - contentErrors;
  const articles = archive.issues.reduce(
    (n, issue) => n + issue.sections.reduce((m, s) => m + s.articles.length, 0),
    0,
  );
  if (settingsErrors.length > 0 || hasErrors(archive.diagnostics)) {
    write(`\n检查未通过：${errors} 个错误，${warnings} 个警告。请按上面的提示修改后再运行 npm run check。\n`);
    return 1;
  }
  write(`检查通过：${archive.issues.length} 期，${articles} 篇文章，${warnings} 个警告。\n`);
  return 0;
}
