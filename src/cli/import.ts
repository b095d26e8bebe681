import { contentDir } from '../core/content-dir.ts';
import { failureMessage } from '../core/failure-message.ts';
import { runImportCommand } from './import-command.ts';
import { importers } from './importers.ts';

/**
 * `npm run import`: a bulletin's PDF, Word file or text → an issue file, its pictures and original,
 * every guess reported. Ctrl-C stops a long read; a second one ends the process at once.
 */
const interrupt = new AbortController();
process.once('SIGINT', () => interrupt.abort(new Error('interrupted')));
process.exitCode = await runImportCommand({
  argv: process.argv.slice(2),
  contentDir: contentDir(),
  cwd: process.cwd(),
  importers,
  write: (text) => process.stdout.write(text),
  writeError: (text) => process.stderr.write(text),
  signal: interrupt.signal,
}).catch((error: unknown) => {
  // A bug or a failed read of the content folder: said in words, never as a stack trace.
  process.stderr.write(`${failureMessage(error)}\n`);
  return 1;
});
