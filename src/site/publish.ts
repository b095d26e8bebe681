import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { Archive } from '../pipeline/load.ts';
import { searchIndexFolder, writeSearchIndex } from '../search/build-index.ts';
import { provideArchive } from './archive-source.ts';
import { buildInto, swapInto } from './build-output.ts';

/**
 * Renders a checked archive into a fresh folder, indexes it for search and swaps it into `out`:
 * readers (and the preview server) see the previous complete site until the new one is complete.
 *
 * `index: 'later'` (the preview) moves the previous search index into the new site instead of
 * rebuilding it, so the page is updated at once and search keeps working; the caller then runs
 * `reindexSite` when it has time.
 */
export async function publishSite(archive: Archive, out: string, { index = 'now' }: { index?: 'now' | 'later' } = {}): Promise<PublishTimings> {
  const lap = stopwatch();
  provideArchive(archive);
  const temporary = await buildInto(out);
  const render = lap();
  if (index === 'now') await writeSearchIndex(archive.issues, temporary);
  else await rename(join(out, searchIndexFolder), join(temporary, searchIndexFolder)).catch(() => undefined);
  const indexing = lap();
  await swapInto(temporary, out);
  return { render, index: indexing, swap: lap() };
}

/** Milliseconds spent in each step of `publishSite`, for `npm run bench`. */
export interface PublishTimings {
  render: number;
  index: number;
  swap: number;
}

/** Each call returns the milliseconds since the previous call (or since the start). */
export function stopwatch(): () => number {
  let last = performance.now();
  return () => {
    const now = performance.now();
    const elapsed = now - last;
    last = now;
    return elapsed;
  };
}

/** Rebuilds the search index of a published site in place (Pagefind writes aside, then swaps). */
export async function reindexSite(archive: Archive, out: string): Promise<void> {
  await writeSearchIndex(archive.issues, out);
}
