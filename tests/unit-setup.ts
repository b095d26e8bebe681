import { createRequire, syncBuiltinESMExports } from 'node:module';
import { afterAll } from 'vitest';
import { removeContentDirs } from './helpers/content.ts';

/**
 * Setup of the `unit` project: a test there that starts a child process (a site build, the CLI,
 * Chromium, Pagefind's indexer) fails at once instead of quietly making the fast loop slow.
 * Patching the CommonJS object and syncing updates the `node:child_process` ESM exports too;
 * each test file runs in its own worker, so nothing outside this project is touched.
 */
const childProcess = createRequire(import.meta.url)('node:child_process') as Record<string, unknown>;
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) {
  childProcess[name] = () => {
    throw new Error(
      `child_process.${name} in a unit test: ` +
        'tests that start processes belong to the e2e project (list in vitest.config.ts)',
    );
  };
}
syncBuiltinESMExports();

// Unit files share one worker and its modules (isolate: false), so helpers/content.ts's own
// afterAll runs for the first file only: each file's content folders are removed here.
afterAll(removeContentDirs);
