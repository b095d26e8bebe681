import { chmod, mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { runBuild, type BuildResult } from './build.ts';
import type { SharedSiteRef } from './shared-site.ts';
import { outputMarker } from '../../../src/site/build-output.ts';

/** Every file and folder under `dir` with its size and modification time, to tell whether a test wrote there. */
async function fingerprint(dir: string): Promise<string> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const lines = await Promise.all(
    entries.map(async (entry) => {
      const path = join(entry.parentPath, entry.name);
      const { size, mtimeMs } = await stat(path);
      return `${path} ${entry.isDirectory() ? 'dir' : size} ${mtimeMs}`;
    }),
  );
  return lines.sort().join('\n');
}

/** Read-only for everyone but root (who ignores modes: the fingerprint catches writes then). */
async function setMode(dir: string, writable: boolean): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const folders = [dir, ...entries.filter((e) => e.isDirectory()).map((e) => join(e.parentPath, e.name))];
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  // Folders opened before their files are made read-only, closed after their files are writable again.
  if (writable) for (const folder of folders) await chmod(folder, 0o755);
  for (const file of files) await chmod(file, writable ? 0o644 : 0o444);
  if (!writable) for (const folder of folders.reverse()) await chmod(folder, 0o555);
}

/**
 * Global setup of the e2e project: builds the bundled content once for every test file that
 * reads it (tests/a11y, tests/site/site-build.test.ts) instead of once per file. The build is
 * not awaited here, so it runs alongside the first test files; sharedBundledSite() waits for it.
 * Afterwards the folder is removed, and the run fails if a test changed it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const work = await mkdtemp(join(tmpdir(), 'shared-site-'));
  const dir = join(work, 'bundled');
  const resultFile = join(work, 'bundled.json');
  // A leftover of an earlier build in the output folder: site-build.test.ts checks it is gone.
  await mkdir(join(dir, 'stale'), { recursive: true });
  await writeFile(join(dir, 'stale/index.html'), 'old');
  await writeFile(join(dir, outputMarker), 'an earlier build');

  let built = '';
  const building = runBuild(dir)
    .catch((error: unknown): BuildResult => ({ code: null, stdout: '', stderr: String(error) }))
    .then(async (result) => {
      if (result.code === 0) {
        await setMode(dir, false);
        built = await fingerprint(dir);
      }
      // Written whole, then renamed: a reader never sees half a file.
      await writeFile(`${resultFile}.tmp`, JSON.stringify(result));
      await rename(`${resultFile}.tmp`, resultFile);
    });
  project.provide('bundledSite', { dir, resultFile } satisfies SharedSiteRef);

  return async () => {
    await building;
    const changed = built !== '' && (await fingerprint(dir)) !== built;
    await setMode(dir, true).catch(() => {});
    await rm(work, { recursive: true, force: true });
    if (changed) {
      console.error(`A test wrote into the shared built site ${dir}; tests must copy it before changing it.`);
      process.exitCode = 1;
    }
  };
}
