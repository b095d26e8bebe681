import { readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Issue } from '../model.ts';
import { killServicesNow, openWatchedIndex } from './pagefind-service.ts';
import { recordsByIssue, type SearchRecord } from './records.ts';
import { CharacterCounter, characterStatsFile } from './character-stats.ts';
import { mergeBundles, type BundlePart } from './bundle-merge.ts';
import { indexPartSize } from './index-memory.ts';
import type { IndexCosts } from './query-plan.ts';
import { SearchIndexDiscardedError, SearchIndexError } from '../core/errors.ts';
import { routes } from '../core/routes.ts';
import { makeFreshFolder } from '../core/fresh-folder.ts';
import { movePath } from '../core/move-path.ts';
import { cleanupOnExit } from '../core/shutdown.ts';

/** Folder of the index inside the built site (routes.searchIndex); the search page loads its `pagefind.js`. */
export const searchIndexFolder = routes.searchIndex.replace(/^\/|\/$/g, '');

/**
 * Records handed to Pagefind and not yet acknowledged. Pagefind indexes in its own process, so a
 * producer (the build parsing issues) keeps working while it catches up; the limit keeps the
 * producer from queueing the whole archive in memory when Pagefind is the slower one.
 */
const recordsInFlight = 64;

export interface IndexParts {
  /** Record text per part (index-memory.ts `indexPartSize`); tests make it small to have parts joined. */
  partSize?: number;
}

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
   * Says that every record is in. An index written in parts then writes its last part and joins
   * the parts at once, so that the work that follows (rendering) does not run beside the joining
   * and add its memory to it; `write` then only installs the result. One bundle is still written
   * by `write`, beside the rendering, as Pagefind needs no memory of this process for it.
   * Resolves with the number of parts.
   */
  finish(): Promise<{ parts: number }>;
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
export async function openSearchIndex(
  signal?: AbortSignal,
  { partSize = indexPartSize() }: IndexParts = {},
): Promise<SearchIndexWriter> {
  signal?.throwIfAborted();
  let index = await openWatchedIndex();
  let failure: Error | undefined;
  let discarded = false;
  const added: Promise<void>[] = [];
  const characters = new CharacterCounter();
  const open = new Set<Promise<void>>();
  /** The current part's records' sort keys, in the order Pagefind numbers its pages. */
  let sortKeys: Record<string, string[]> = {};
  let partFilled = 0;
  /** Parts written so far, in a folder of their own; the joined bundle takes their fragments. */
  const parts: BundlePart[] = [];
  let partsFolder: { path: string; forget: () => void } | undefined;
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
  /** Pagefind's bundle of the current part, written into the empty folder `folder`. */
  const writePart = async (folder: string) => {
    await Promise.all(added.splice(0));
    check();
    const written = await track(index.request((pages) => pages.writeFiles({ outputPath: folder })));
    check();
    if (written.errors.length > 0)
      throw new SearchIndexError(
        `无法写出搜索索引：${written.errors.join('；')}。请检查磁盘空间和 ${dirname(folder)} 的写入权限。`,
      );
    parts.push({ folder, sortKeys });
  };
  /**
   * Writes the part and gives its Pagefind process up, so that its memory is freed before the
   * next part starts in a new one.
   */
  const closePart = async () => {
    switching = true;
    if (!partsFolder) {
      const path = await makeFreshFolder(join(tmpdir(), 'bulletin-search-parts-'));
      partsFolder = { path, forget: cleanupOnExit(() => rmSync(path, { recursive: true, force: true })) };
    }
    await writePart(join(partsFolder.path, String(parts.length)));
    await releaseIndex();
    check();
    index = await openWatchedIndex();
    sortKeys = {};
    partFilled = 0;
    switching = false;
  };
  const releaseIndex = async () => {
    while (open.size > 0) await Promise.all(open);
    await index.release();
  };
  let released: Promise<void> | undefined;
  const discard = () => {
    discarded = true;
    released ??= (async () => {
      // The pump stops at its next record or part, now that the writer is discarded.
      while (pumping) await pumping;
      await releaseIndex();
      await removeParts();
    })();
    return released;
  };
  const removeParts = async () => {
    if (!partsFolder) return;
    await rm(partsFolder.path, { recursive: true, force: true });
    partsFolder.forget();
  };
  /**
   * Records not yet sent. A pump sends them, so that while a part is written and the next
   * Pagefind process starts, the build goes on parsing into this backlog instead of waiting.
   */
  const backlog: SearchRecord[] = [];
  let backlogSize = 0;
  let pumping: Promise<void> | undefined;
  /** While a part is being written and the next process started: records wait in the backlog meanwhile. */
  let switching = false;
  const waiting = new Set<() => void>();
  const sent = () => {
    for (const wake of waiting) wake();
    waiting.clear();
  };
  const send = async (record: SearchRecord) => {
    for (const [sort, key] of Object.entries(record.sortKeys)) (sortKeys[sort] ??= []).push(key);
    partFilled += record.content.length;
    // Settles without rejecting, so that a failure waiting in the queue is never unhandled.
    added.push(
      track(index.request((pages) => pages.addHTMLFile({ url: record.url, content: record.content }))).then(
        (result) => {
          if (result.errors.length > 0)
            failure ??= new SearchIndexError(`无法为 ${record.url} 建立搜索索引：${result.errors.join('；')}`);
        },
        (error: unknown) => {
          failure ??= asFailure(error);
        },
      ),
    );
    while (added.length > recordsInFlight) await added.shift();
    check();
    if (partFilled >= partSize) await closePart();
  };
  const pump = async () => {
    for (let record = backlog.shift(); record; record = backlog.shift()) {
      backlogSize -= record.content.length;
      sent();
      await send(record);
    }
  };
  const startPump = () => {
    pumping ??= pump()
      .catch((error: unknown) => {
        failure ??= asFailure(error);
      })
      .finally(() => {
        pumping = undefined;
        sent();
        // Records handed over after the pump's last look at the backlog.
        if (backlog.length > 0 && failure === undefined && !discarded) startPump();
      });
  };
  /** Until every record handed over is with Pagefind; a failure of the pump is the writer's failure. */
  const drained = async () => {
    while (pumping) await pumping;
    check();
  };
  let joining: Promise<string | undefined> | undefined;
  /** The folder of the joined parts; undefined for an index of one part, which `write` writes. */
  const finish = () =>
    (joining ??= (async () => {
      await drained();
      if (parts.length === 0 || !partsFolder) return undefined;
      if (partFilled > 0) await writePart(join(partsFolder.path, String(parts.length)));
      // Pagefind's last process is not needed for joining the parts.
      await releaseIndex();
      const joined = join(partsFolder.path, 'joined');
      await mkdir(joined);
      await mergeBundles(parts, joined);
      check();
      return joined;
    })());
  return {
    async finish() {
      await finish();
      return { parts: Math.max(1, parts.length) };
    },
    async add(records) {
      check();
      for (const record of records) {
        characters.add(record.foldedBlocks);
        backlog.push(record);
        backlogSize += record.content.length;
      }
      startPump();
      // Otherwise `add` returns once its records are with Pagefind (which answers them in turn).
      while (pumping !== undefined && backlogSize > (switching ? partSize / 4 : 0))
        await new Promise<void>((resolve) => waiting.add(resolve));
      check();
    },
    async write(outputPath, options = {}) {
      try {
        await drained();
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
          const joinedFolder = await finish();
          // An archive that fits one part gets Pagefind's bundle as Pagefind wrote it.
          if (joinedFolder === undefined) await writePart(staging);
          else {
            await rm(staging, { recursive: true, force: true });
            await movePath(joinedFolder, staging);
            await removeParts();
          }
          check();
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

/** What a failed request leaves the writer failing with. */
function asFailure(error: unknown): Error {
  return error instanceof Error ? error : new SearchIndexError(`Pagefind 出错：${String(error)}`);
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
  options?: IndexParts,
): Promise<number> {
  const writer = await openSearchIndex(signal, options);
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
  options?: IndexParts,
): Promise<{ records: number; outputPath: string }> {
  const outputPath = join(siteDir, searchIndexFolder);
  return { records: await writeBatches(recordsByIssue(issues), outputPath, signal, options), outputPath };
}
