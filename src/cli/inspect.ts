import { relative, resolve, sep } from 'node:path';
import { contentDir } from '../core/content-dir.ts';
import { formatDiagnostic, hasErrors } from '../core/diagnostics.ts';
import { processIssueFile } from '../pipeline/issue-file.ts';
import { loadIssueContextFor, settingsSteps } from '../archive/load-archive.ts';
import { readInputFile } from './read-input.ts';

/** `npm run inspect -- <file.md>`: the issue's typed model as one JSON object on stdout. */
async function main(args: string[]): Promise<number> {
  const [file] = args;
  if (!file || args.length > 1) {
    process.stderr.write('用法：npm run inspect -- <期刊文件.md>\n');
    return 2;
  }
  const dir = contentDir();
  const absolute = resolve(file);
  const { context, diagnostics: tableDiagnostics } = await loadIssueContextFor(dir, dir, settingsSteps(dir));
  const bytes = await readInputFile(file);
  if (!bytes) return 1;
  const sourcePath = relative(dir, absolute).split(sep).join('/');
  const result = await processIssueFile(file, sourcePath, bytes, context);
  const diagnostics = [...tableDiagnostics, ...result.diagnostics];
  for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
  if (!result.issue || hasErrors(diagnostics)) return 1;
  process.stdout.write(`${JSON.stringify(result.issue, null, 2)}\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
