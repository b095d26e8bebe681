import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { Archive } from '../pipeline/load.ts';
import { searchIndexFolder, writeSearchIndex } from '../search/build-index.ts';
import { provideSite } from './archive-source.ts';
import { buildInto, swapInto } from './build-output.ts';
import { allPages, changedPages, keepUnchangedFiles, removedFiles } from './incremental.ts';
import { readSettings } from './settings.ts';
import { siteData, type SiteData } from './site-data.ts';
import { writeSiteScripts } from './site-scripts.ts';

/** The data of the last site each output folder received from this process, for `changedOnly`. */
const published = new Map<string, SiteData>();

/**
 * Renders a checked archive into a fresh folder, indexes it for search and swaps it into `out`:
 * readers (and the preview server) see the previous complete site until the new one is complete.
 *
 * `index: 'later'` (the preview) moves the previous search index into the new site instead of
 * rebuilding it, so the page is updated at once and search keeps working; the caller then runs
 * `reindexSite` when it has time.
 *
 * `changedOnly` (the preview, after content edits only): renders just the pages whose data differ
 * from the last site this process published to `out`, and links every other file over from it.
 * Without such a site (first build, failed build) it renders everything.
 */
export async function publishSite(archive: Archive, out: string, { index = 'now', changedOnly = false }: { index?: 'now' | 'later'; changedOnly?: boolean } = {}): Promise<PublishTimings> {
  const lap = stopwatch();
  const data = siteData(archive, readSettings());
  const previous = changedOnly ? published.get(out) : undefined;
  published.delete(out);
  provideSite({ data, pages: previous ? changedPages(previous, data) : allPages(data) });
  const temporary = await buildInto(out);
  await writeSiteScripts(temporary);
  if (previous) await keepUnchangedFiles(out, temporary, { except: removedFiles(previous, data), skipFolders: [searchIndexFolder] });
  const render = lap();
  if (index === 'now') await writeSearchIndex(archive.issues, temporary);
  else await rename(join(out, searchIndexFolder), join(temporary, searchIndexFolder)).catch(() => undefined);
  const indexing = lap();
  await swapInto(temporary, out);
  published.set(out, data);
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
