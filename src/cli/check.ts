import { relative } from 'node:path';
import { contentDir } from '../core/content-dir.ts';
import { runCheck } from './check-command.ts';

/** `npm run check`: every rule over the content folder; exit 1 on any error. */
const dir = contentDir();
process.exitCode = await runCheck({
  contentDir: dir,
  displayDir: relative(process.cwd(), dir) || '.',
  write: (text) => process.stdout.write(text),
});
