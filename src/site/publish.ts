import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { isMissing } from '../core/read-file.ts';
import type { Archive } from '../pipeline/load.ts';
import { openSearchIndex, searchIndexFolder, type SearchIndexWriter } from '../search/build-index.ts';
import { searchEditsFolder } from '../search/edits-index.ts';
import { recordsByIssue } from '../search/records.ts';
import { buildInto, renderSite, swapInto } from './build-output.ts';
import { allPages, changedMediaFiles, changedPages, overlayInto, removedFiles } from './incremental.ts';
import { placeMedia } from './media/place-media.ts';
import { prepareMedia, type CacheReport, type CoverReport } from './media/site-media.ts';
import { withMastheadDefaults, type SiteSettings } from './settings.ts';
import { siteData, type SiteData } from './site-data.ts';
import { writeSiteScripts } from './site-scripts.ts';

export type PublishOptions = {
  settings: SiteSettings;
  /** Where processed pictures are kept between builds; `BULLETIN_CACHE_DIR` or `.cache/pictures` unless given. */
  pictureCache?: string;
  /** Told how many pictures are to be made, before making them. */
  onPictures?: (planned: CacheReport) => void;
  /** Told how the issues' covers were found, with a warning for each original that could not be drawn. */
  onCovers?: (report: CoverReport) => void;
} & (
  | {
      index: 'now';
      /**
       * An index already holding every article of the archive (the build fills it while parsing),
       * written instead of indexing the archive here.
       */
      searchIndex?: SearchIndexWriter;
    }
  | {
      index: 'later';
      /**
       * The data of the site now in `out`, when it came from this process and only content
       * changed since: then only the pages whose data differ are rendered and moved in.
       */
      changedSince?: SiteData;
    }
);

export interface PublishResult {
  timings: PublishTimings;
  /** The data of the site now in `out`: what the next `changedSince` compares with. */
  data: SiteData;
}

/**
 * Renders a checked archive into a fresh folder, indexes it for search and swaps it into `out`:
 * readers see the previous complete site until the new one is complete.
 *
 * `index: 'later'` (the preview) moves the previous search index, and its edits bundle, into the
 * new site instead of rebuilding it, so the page is updated at once and search keeps working; the
 * caller then brings the index up to date (src/search/edits-index.ts).
 *
 * `changedSince` (the preview, after content edits only): renders just the pages whose data
 * differ from that site's into a fresh folder, then moves them into `out` file by file and
 * deletes the pages that are gone; the rest of `out`, search index included, stays as it is.
 * Each file is replaced in one rename, so the server never sends half a page, though for a
 * moment a page may link to one still on its way; a failed render leaves `out` untouched.
 */
export async function publishSite(archive: Archive, out: string, options: PublishOptions): Promise<PublishResult> {
  const lap = stopwatch();
  // Texts the settings leave out are the newest masthead's (series as the site's name).
  const settings = withMastheadDefaults(options.settings, archive.issues[0]);
  // Pictures the cache lacks are made before anything is rendered: a picture that cannot be
  // processed fails the build while the previous site stays as it is.
  const { media } = await prepareMedia(
    archive.issues,
    options.pictureCache,
    options.onPictures,
    options.onCovers,
  ).catch(async (error: unknown) => {
    // Pagefind's process would keep the command from exiting.
    if (options.index === 'now') await options.searchIndex?.discard();
    throw error;
  });
  const data = siteData(archive, settings, media);
  const prepared = lap();
  const previous = options.index === 'later' ? options.changedSince : undefined;
  if (previous) {
    const site = { settings, data, pages: changedPages(previous, data) };
    let placed = 0;
    const temporary = await buildInto(out, async (folder) => {
      await renderSite(site, folder);
      const started = performance.now();
      await placeMedia(changedMediaFiles(previous, data), folder);
      placed = performance.now() - started;
    });
    const render = lap() - placed;
    await overlayInto(temporary, out, removedFiles(previous, data));
    return { timings: { render, index: 0, media: prepared + placed, swap: lap() }, data };
  }
  const site = { settings, data, pages: allPages(data) };
  const timings = { render: 0, index: 0, media: prepared };
  const filled = options.index === 'now' ? options.searchIndex : undefined;
  const writer = options.index === 'now' ? (filled ?? (await openSearchIndex())) : undefined;
  const indexInto = async (folder: string, writer: SearchIndexWriter) => {
    if (!filled) for (const records of recordsByIssue(archive.issues)) await writer.add(records);
    await writer.write(join(folder, searchIndexFolder));
  };
  const temporary = await buildInto(out, (folder) =>
    renderAlongside(
      timed(
        async () => {
          await renderSite(site, folder);
          await writeSiteScripts(folder);
          const started = performance.now();
          await placeMedia(media.files, folder);
          timings.media += performance.now() - started;
        },
        (ms) => (timings.render = ms - (timings.media - prepared)),
      ),
      writer &&
        timed(
          () => indexInto(folder, writer),
          (ms) => (timings.index = ms),
        ),
      () => writer?.discard(),
    ),
  );
  if (options.index === 'later') {
    // The first preview build has no index to take over yet; the preview writes one next.
    for (const folder of [searchIndexFolder, searchEditsFolder])
      await rename(join(out, folder), join(temporary, folder)).catch((error: unknown) => {
        if (!isMissing(error)) throw error;
      });
  }
  lap();
  await swapInto(temporary, out);
  return { timings: { ...timings, swap: lap() }, data };
}

/**
 * Rendering runs in this process and Pagefind's indexing in its own, so they run side by side.
 * If rendering fails, the index is given up: nothing more is sent to Pagefind, and only what it
 * is already working on is waited for.
 */
async function renderAlongside(
  rendering: Promise<void>,
  indexing: Promise<void> | undefined,
  stopIndexing: () => Promise<void> | undefined,
): Promise<void> {
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
  /** Making the pictures the cache lacks, and placing pictures and PDFs into the site. */
  media: number;
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
