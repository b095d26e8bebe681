import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import type { BuildResult } from './build.ts';

/** What shared-site-setup.ts hands the e2e test files. */
export interface SharedSiteRef {
  /** The built site: read it, never write into it (copy it first). */
  dir: string;
  /** Written, with the build's BuildResult, once the build has ended. */
  resultFile: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    bundledSite: SharedSiteRef;
  }
}

export interface SharedSite {
  dir: string;
  result: BuildResult;
}

/**
 * The bundled content as `npm run build` builds it, built once per run for every test file
 * that reads it; waits for the build, which runs alongside the first test files.
 */
export async function sharedBundledSite(): Promise<SharedSite> {
  const { dir, resultFile } = inject('bundledSite');
  while (!existsSync(resultFile)) await sleep(100);
  return { dir, result: JSON.parse(readFileSync(resultFile, 'utf8')) as BuildResult };
}
