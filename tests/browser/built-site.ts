import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBuild } from '../site/helpers/build.ts';
import { sharedBundledSite } from '../site/helpers/shared-site.ts';

export interface BuiltSite {
  dir: string;
  remove(): Promise<void>;
}

/**
 * `npm run build` into a fresh temporary folder, with extra environment (CONTENT_DIR); throws with the build's
 * output when it fails.
 */
export async function buildSite(env: Record<string, string> = {}): Promise<BuiltSite> {
  const work = await mkdtemp(join(tmpdir(), 'browser-test-'));
  const remove = () => rm(work, { recursive: true, force: true });
  const dir = join(work, 'site');
  const result = await runBuild(dir, env);
  if (result.code !== 0) {
    await remove();
    throw new Error(`build failed (${result.code}):\n${result.stdout}\n${result.stderr}`);
  }
  return { dir, remove };
}

/**
 * The bundled content, built once per run for every file that reads it (global setup of the e2e
 * project); read-only, and removed by the setup, so `remove` does nothing. Throws as buildSite does.
 */
export async function bundledSite(): Promise<BuiltSite> {
  const { dir, result } = await sharedBundledSite();
  if (result.code !== 0) throw new Error(`build failed (${result.code}):\n${result.stdout}\n${result.stderr}`);
  return { dir, remove: async () => {} };
}
