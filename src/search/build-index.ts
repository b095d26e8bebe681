import { readdirSync, rmSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Issue } from '../model.ts';
import { killServicesNow, openWatchedIndex } from './pagefind-service.ts';
import { recordsByIssue, type SearchRecord } from './records.ts';
import { CharacterCounter, characterStatsFile } from './character-stats.ts';
import type { IndexCosts } from './query-plan.ts';
import { SearchIndexDiscardedError, SearchIndexError } from '../core/errors.ts';
import { routes } from '../core/routes.ts';
import { makeFreshFolder } from '../core/fresh-folder.ts';
import { cleanupOnExit } from '../core/shutdown.ts';

/** Folder of the index inside the built site (routes.searchIndex); the search page loads its `pagefind.js`. */
export const searchIndexFolder = routes.searchIndex.replace(/^\/|\/$/g, '');

/**
 * Records handed to Pagefind and not yet acknowledged. Pagefind indexes in its own process, so a
 * producer (the build parsing issues) keeps working while it catches up; the limit keeps the
 * producer from queueing the whole archive in memory when Pagefind is the slower one.
 */
const recordsInFlight = 64;

/** A Pagefind index being filled. Pagefind runs one indexing service per process: one writer at a time. */
export interface SearchIndexWriter {
  /** Hands records to Pagefind; waits only when many are still unacknowledged. */
  add(records: readonly SearchRecord[]): Promise<void>;
  /**
   * Writes the bundle to `outputPath`, replacing whatever was there, and stops Pagefind (so the
   * process can exit). Pagefind's `writeFiles` adds to an existing folder without clearing it,
   * so it writes into a fresh folder that then takes the place of the old one. That folder sits
   * beside the site folder, not in it: the preview may replace the site while an index it no
   * longer wants is still being written. `beforeInstall` may add files to the written folder
   * before it takes the old one's place (the preview's edits manifest, which names its page ids).
   */
  write(outputPath: string, options?: { beforeInstall?: (staging: string) => Promise<void> }): Promise<void>;
  /**
   * Gives the index up: a `write` under way installs nothing; Pagefind stops once it has answered
   * what it was asked.
   */
  discard(): Promise<void>;
}

/**
 * Aborting the signal stops the writer: `add` and `write` reject with the signal's reason and
 * nothing is installed. Pagefind itself is stopped only once it has answered every request it
 * was sent (at most `recordsInFlight` records, or the index being written): stopping it with
 * requests open makes it print a panic about a broken pipe into the editor's terminal.
 *
 * If Pagefind's process dies (pagefind-service.ts), every pending and later `add` and `write`
 * rejects with a SearchServiceDiedError and the next writer starts a new process.
 */
export async function openSearchIndex(signal?: AbortSignal): Promise<SearchIndexWriter> {
  signal?.throwIfAborted();
  const index = await openWatchedIndex();
  let failure: Error | undefined;
  let discarded = false;
  const added: Promise<void>[] = [];
  const characters = new CharacterCounter();
  const open = new Set<Promise<void>>();
  /** Every request is tracked until Pagefind answers it, whether the caller still waits or not. */
  const track = <T>(request: Promise<T>): Promise<T> => {
    const answered = request.then(
      () => undefined,
      () => undefined,
    );
    open.add(answered);
    void answered.then(() => open.delete(answered));
    return request;
  };
  const check = () => {
    signal?.throwIfAborted();
    if (discarded) throw new SearchIndexDiscardedError();
    // The death first: requests it cut off may have failed with a vaguer error before it was known.
    if (index.death) throw index.death;
    if (failure !== undefined) throw failure;
  };
  let released: Promise<void> | undefined;
  const discard = () => {
    discarded = true;
    released ??= (async () => {
      while (open.size > 0) await Promise.all(open);
      await index.release();
    })();
    return released;
  };
  return {
    async add(records) {
      check();
      for (const record of records) {
        characters.add(record.foldedBlocks);
        // Settles without rejecting, so that a failure waiting in the queue is never unhandled.
        added.push(
          track(index.request((pages) => pages.addHTMLFile({ url: record.url, content: record.content }))).then(
            (result) => {
              if (result.errors.length > 0)
                failure ??= new SearchIndexError(`无法为 ${record.url} 建立搜索索引：${result.errors.join('；')}`);
            },
            (error: unknown) => {
              failure ??= error instanceof Error ? error : new SearchIndexError(`Pagefind 出错：${String(error)}`);
            },
          ),
        );
        while (added.length > recordsInFlight) await added.shift();
        check();
      }
    },
    async write(outputPath, options = {}) {
      try {
        await Promise.all(added.splice(0));
        check();
        const site = dirname(outputPath);
        await mkdir(site, { recursive: true });
        const prefix = `${site}.${basename(outputPath)}-`;
        // Registered before the folder is made: a stop can come after mkdir has made it and before
        // its name is known here, so the cleanup removes every staging folder of this process.
        const forget = cleanupOnExit(() => {
          // On a stop Pagefind may still be writing into it: it must end first.
          killServicesNow();
          removeStagingFolders(prefix);
        });
        const staging = await makeFreshFolder(prefix);
        try {
          const written = await track(index.request((pages) => pages.writeFiles({ outputPath: staging })));
          check();
          if (written.errors.length > 0)
            throw new SearchIndexError(
              `无法写出搜索索引：${written.errors.join('；')}。请检查磁盘空间和 ${site} 的写入权限。`,
            );
          // In the same folder as the index, so that a search never reads counts of another index.
          const costs = await indexCosts(staging, characters.occurrences);
          await writeFile(join(staging, characterStatsFile), JSON.stringify(characters.toFile(costs)));
          await options.beforeInstall?.(staging);
          check();
          await rm(outputPath, { recursive: true, force: true });
          await rename(staging, outputPath);
        } finally {
          await rm(staging, { recursive: true, force: true });
          forget();
        }
      } finally {
        await discard();
      }
    },
    discard,
  };
}

/**
 * What the written index costs a search, for its plan (query-plan.ts): bytes per word position,
 * a typical chunk (the median: most chunks hold many rare words' lists), an average fragment.
 */
async function indexCosts(bundle: string, occurrences: number): Promise<IndexCosts> {
  const sizes = async (folder: string) => {
    const names = await readdir(join(bundle, folder)).catch(() => []);
    return Promise.all(names.map(async (name) => (await stat(join(bundle, folder, name))).size));
  };
  const chunks = (await sizes('index')).sort((a, b) => a - b);
  const fragments = await sizes('fragment');
  const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
  return {
    perOccurrence: sum(chunks) / Math.max(1, occurrences),
    chunk: Math.max(1, chunks[Math.floor(chunks.length / 2)] ?? 1),
    fragment: Math.max(1, sum(fragments) / Math.max(1, fragments.length)),
  };
}

/** This process's staging folders (`makeFreshFolder` names them `<prefix><pid>-<random>`). */
function removeStagingFolders(prefix: string): void {
  const parent = dirname(prefix);
  const own = `${basename(prefix)}${process.pid}-`;
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names)
    if (name.startsWith(own)) rmSync(join(parent, name), { recursive: true, force: true, maxRetries: 3 });
}

/**
 * Fills a new index batch by batch (a batch is made only when Pagefind is ready for it) and writes
 * it to `outputPath`.
 */
async function writeBatches(
  batches: Iterable<readonly SearchRecord[]>,
  outputPath: string,
  signal?: AbortSignal,
): Promise<number> {
  const writer = await openSearchIndex(signal);
  let records = 0;
  try {
    for (const batch of batches) {
      await writer.add(batch);
      records += batch.length;
    }
  } catch (error) {
    await writer.discard();
    throw error;
  }
  await writer.write(outputPath);
  return records;
}

/** Indexes the records with Pagefind and writes the bundle to `outputPath` (see `SearchIndexWriter.write`). */
export async function writePagefindBundle(
  records: readonly SearchRecord[],
  outputPath: string,
  signal?: AbortSignal,
): Promise<void> {
  await writeBatches([records], outputPath, signal);
}

/** One search record per article of the issues, in `<siteDir>/pagefind/`. */
export async function writeSearchIndex(
  issues: readonly Issue[],
  siteDir: string,
  signal?: AbortSignal,
): Promise<{ records: number; outputPath: string }> {
  const outputPath = join(siteDir, searchIndexFolder);
  return { records: await writeBatches(recordsByIssue(issues), outputPath, signal), outputPath };
}
