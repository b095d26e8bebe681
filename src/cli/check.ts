import { relative } from 'node:path';
import { contentDir } from '../core/content-dir.ts';
import { formatDiagnostic, hasErrors } from '../core/diagnostics.ts';
import { loadArchive } from '../archive/load-archive.ts';

/** `npm run check`: every rule over the content folder; exit 1 on any error. */
async function main(): Promise<number> {
  const dir = contentDir();
  const display = relative(process.cwd(), dir) || '.';
  const archive = await loadArchive(dir, display);
  for (const d of archive.diagnostics) process.stdout.write(`${formatDiagnostic(d)}\n`);
  const errors = archive.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = archive.diagnostics.length - errors;
  const articles = archive.issues.reduce((n, issue) => n + issue.sections.reduce((m, s) => m + s.articles.length, 0), 0);
  if (hasErrors(archive.diagnostics)) {
    process.stdout.write(`\n检查未通过：${errors} 个错误，${warnings} 个警告。请按上面的提示修改后再运行 npm run check。\n`);
    return 1;
  }
  process.stdout.write(`检查通过：${archive.issues.length} 期，${articles} 篇文章，${warnings} 个警告。\n`);
  return 0;
}

process.exitCode = await main();
