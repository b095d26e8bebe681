import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { Archive } from '../pipeline/load.ts';
import { openSearchIndex, searchIndexFolder, writeSearchIndex, type SearchIndexWriter } from '../search/build-index.ts';
import { recordsByIssue } from '../search/records.ts';
import { provideSite } from './archive-source.ts';
import { buildInto, renderSite, swapInto } from './build-output.ts';
import { allPages, changedPages, overlayInto, removedFiles } from './incremental.ts';
import { readSettings } from './settings.ts';
import { siteData, type SiteData } from './site-data.ts';
import { writeSiteScripts } from './site-scripts.ts';

/** The data of the last site each output folder received from this process, for `changedOnly`. */
const published = new Map<string, SiteData>();

/**
 * Renders a checked archive into a fresh folder, indexes it for search and swaps it into `out`:
 * readers see the previous complete site until the new one is complete.
 *
 * `index: 'later'` (the preview) moves the previous search index into the new site instead of
 * rebuilding it, so the page is updated at once and search keeps working; the caller then runs
 * `reindexSite` when it has time.
 *
 * `changedOnly` (the preview, after content edits only): renders just the pages whose data differ
 * from the last site this process published to `out` into a fresh folder, then moves them into
 * `out` file by file and deletes the pages that are gone; the rest of `out`, search index
 * included, stays as it is. Each file is replaced in one rename, so the server never sends half
 * a page, though for a moment a page may link to one still on its way; a failed render leaves
 * `out` untouched. Without such a site (first build, failed build) it renders everything.
 */
export async function publishSite(archive: Archive, out: string, options: PublishOptions = { index: 'now' }): Promise<PublishTimings> {
  const lap = stopwatch();
  const data = siteData(archive, readSettings());
  const previous = siteToUpdate(out, options);
  published.delete(out);
  if (previous) {
    provideSite({ data, pages: changedPages(previous, data) });
    const temporary = await buildInto(out);
    const render = lap();
    await overlayInto(temporary, out, removedFiles(previous, data));
    published.set(out, data);
    return { render, index: 0, swap: lap() };
  }
  provideSite({ data, pages: allPages(data) });
  const timings = { render: 0, index: 0 };
  const filled = options.index === 'now' ? options.searchIndex : undefined;
  const writer = options.index === 'now' ? (filled ?? (await openSearchIndex())) : undefined;
  const indexInto = async (folder: string, writer: SearchIndexWriter) => {
    if (!filled) for (const records of recordsByIssue(archive.issues)) await writer.add(records);
    await writer.write(join(folder, searchIndexFolder));
  };
  const temporary = await buildInto(out, (folder) => renderAlongside(
    timed(async () => {
      await renderSite(folder);
      await writeSiteScripts(folder);
    }, (ms) => (timings.render = ms)),
    writer && timed(() => indexInto(folder, writer), (ms) => (timings.index = ms)),
    () => writer?.discard(),
  ));
  if (options.index === 'later') await rename(join(out, searchIndexFolder), join(temporary, searchIndexFolder)).catch(() => undefined);
  lap();
  await swapInto(temporary, out);
  published.set(out, data);
  return { ...timings, swap: lap() };
}

export type PublishOptions =
  | {
      index: 'now';
      /** An index already holding every article of the archive (the build fills it while parsing), written instead of indexing the archive here. */
      searchIndex?: SearchIndexWriter;
    }
  | { index: 'later'; changedOnly?: boolean };

/** The site `publishSite` would update in place: with `changedOnly`, the last one this process published to `out`. */
function siteToUpdate(out: string, options: PublishOptions): SiteData | undefined {
  return options.index === 'later' && options.changedOnly ? published.get(out) : undefined;
}

/** Whether `publishSite` with these options would update `out` in place rather than replace it (and its search index with it). */
export function updatesInPlace(out: string, options: PublishOptions): boolean {
  return siteToUpdate(out, options) !== undefined;
}

/**
 * Rendering runs in this process and Pagefind's indexing in its own, so they run side by side.
 * If rendering fails, the index is given up: nothing more is sent to Pagefind, and only what it
 * is already working on is waited for.
 */
async function renderAlongside(rendering: Promise<void>, indexing: Promise<void> | undefined, stopIndexing: () => Promise<void> | undefined): Promise<void> {
  const settled = Promise.allSettled([indexing]);
  try {
    await rendering;
  } catch (error) {
    await stopIndexing();
    await settled;
    throw error;
  }
  await indexing;
}

async function timed(task: () => Promise<void>, record: (ms: number) => void): Promise<void> {
  const started = performance.now();
  try {
    await task();
  } finally {
    record(performance.now() - started);
  }
}

/** Milliseconds spent in each step of `publishSite`, for `npm run bench`; rendering and indexing overlap. */
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

/**
 * Rebuilds the search index of a published site in place (Pagefind writes aside, then swaps).
 * Aborting the signal stops Pagefind and rejects with the signal's reason; the index in place stays.
 */
export async function reindexSite(archive: Archive, out: string, signal?: AbortSignal): Promise<void> {
  await writeSearchIndex(archive.issues, out, signal);
}
