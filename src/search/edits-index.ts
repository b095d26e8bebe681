import { createHash } from 'node:crypto';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Issue } from '../model.ts';
import { SearchIndexError } from '../core/errors.ts';
import { makeFreshFolder } from '../core/fresh-folder.ts';
import { routes } from '../core/routes.ts';
import { openSearchIndex, searchIndexFolder } from './build-index.ts';
import { editsManifestFile, entryHash, type EditsManifest } from './edits-merge.ts';
import { searchRecords, type SearchRecord } from './records.ts';
import { readPagefindBytes } from './pagefind-files.ts';

/** Folder of the preview's edits bundle inside the site (routes.searchEdits). */
export const searchEditsFolder = routes.searchEdits.replace(/^\/|\/$/g, '');

/**
 * Changed or new articles beyond this many are indexed in full instead. The edits bundle is
 * rewritten whole at every save; at 1,000 issues one of 61 articles took 2.0 s (most of it making
 * the records of the 60 edited issues) and the full index 79 s, so a few hundred articles still
 * cost seconds, while a save that changes more (a settings change that alters every record) is
 * better served by one full index.
 */
export const editsLimit = 500;

/** What an article's search record looks like to a comparison: enough to tell whether it changed. */
interface RecordSummary {
  url: string;
  digest: string;
  dateKey: string;
}

interface IndexedPage {
  digest: string;
  /** Its Pagefind page id (its fragment's hash) in the full index. */
  id: string;
  dateKey: string;
}

/** The full index as written: what an edits bundle amends. */
interface Baseline {
  pages: Map<string, IndexedPage>;
  /** Full-index pages by ascending date key. */
  order: IndexedPage[];
  /** The full index's language hash (edits-merge.ts `entryHash`). */
  base: string;
}

export type EditsOutcome =
  /** The edits bundle now matches the archive (`pages` articles in it, `superseded` full-index pages hidden). */
  | { kind: 'edits'; pages: number; superseded: number; unchanged: boolean }
  /** Too many changed articles for an edits bundle, or no full index yet: the caller writes the full index. */
  | { kind: 'full-needed' };

/**
 * The preview's search index: a full index (`writeFull`) and, after content saves, an edits bundle
 * (`writeEdits`) of only the records that differ from the full index's. Records are made once per
 * issue object: the preview's issue cache keeps an unchanged file's `Issue` across saves, and a
 * record depends on its issue alone. One call at a time (the preview runs them one after another).
 */
export function previewSearchIndex(siteDir: string) {
  const summaries = new WeakMap<Issue, RecordSummary[]>();
  /** Records of issues made after the full index: the edited ones, whose text a bundle may need. */
  const records = new WeakMap<Issue, SearchRecord[]>();
  let baseline: Baseline | undefined;
  /** What the installed edits bundle holds, to skip rewriting an identical one. */
  let installed: string | undefined;
  const editsPath = join(siteDir, searchEditsFolder);

  const summarize = (issue: Issue, made: readonly SearchRecord[]): RecordSummary[] => {
    const summary = made.map(({ url, content, sortKeys }) => ({
      url,
      digest: digest(url, content),
      dateKey: sortKeys.date ?? '',
    }));
    summaries.set(issue, summary);
    return summary;
  };
  const recordsOf = (issue: Issue): SearchRecord[] => {
    let made = records.get(issue);
    if (!made) {
      made = searchRecords([issue]);
      records.set(issue, made);
      summarize(issue, made);
    }
    return made;
  };

  return {
    /** Whether a full index was written by this process (and an edits bundle can amend it). */
    get hasFull() {
      return baseline !== undefined;
    },

    /**
     * Indexes every article into the site's search index folder and drops any edits bundle. Aborting
     * the signal installs nothing and keeps the previous state.
     */
    async writeFull(issues: readonly Issue[], signal?: AbortSignal): Promise<void> {
      const writer = await openSearchIndex(signal);
      const made: RecordSummary[] = [];
      try {
        for (const issue of issues) {
          const batch = searchRecords([issue]);
          made.push(...summarize(issue, batch));
          await writer.add(batch);
        }
      } catch (error) {
        await writer.discard();
        throw error;
      }
      let next: Baseline | undefined;
      await writer.write(join(siteDir, searchIndexFolder), {
        beforeInstall: async (staging) => {
          const ids = await fragmentIds(staging);
          const pages = new Map<string, IndexedPage>();
          for (const { url, digest, dateKey } of made) {
            const id = ids.get(url);
            if (id !== undefined) pages.set(url, { digest, id, dateKey });
          }
          const order = [...pages.values()].sort((a, b) => compare(a.dateKey, b.dateKey));
          next = { pages, order, base: await bundleHash(staging) };
        },
      });
      baseline = next;
      installed = undefined;
      await rm(editsPath, { recursive: true, force: true });
    },

    /** Writes the edits bundle for the archive as it is now, unless a full index is the better way. */
    async writeEdits(issues: readonly Issue[], signal?: AbortSignal): Promise<EditsOutcome> {
      signal?.throwIfAborted();
      if (!baseline) return { kind: 'full-needed' };
      const base = baseline;
      /** URL → its record's digest now, for every article of the archive. */
      const current = new Map<string, string>();
      const changed: SearchRecord[] = [];
      for (const issue of issues) {
        const summary = summaries.get(issue) ?? summarize(issue, recordsOf(issue));
        for (const { url, digest } of summary) current.set(url, digest);
        if (summary.every(({ url, digest }) => base.pages.get(url)?.digest === digest)) continue;
        for (const record of recordsOf(issue))
          if (base.pages.get(record.url)?.digest !== current.get(record.url)) changed.push(record);
        if (changed.length > editsLimit) return { kind: 'full-needed' };
      }
      const superseded = [...base.pages]
        .filter(([url, page]) => current.get(url) !== page.digest)
        .map(([, page]) => page.id);
      const fingerprint = JSON.stringify([base.base, changed.map((record) => current.get(record.url)), superseded]);
      const outcome = { kind: 'edits' as const, pages: changed.length, superseded: superseded.length };
      if (fingerprint === installed) return { ...outcome, unchanged: true };
      const manifest = (ids: ReadonlyMap<string, string>): EditsManifest => ({
        version: 1,
        base: base.base,
        stamp: createHash('sha1').update(fingerprint).digest('hex').slice(0, 16),
        pages: changed.length,
        superseded,
        order: base.order.map((page) => page.id),
        places: Object.fromEntries(
          changed.flatMap((record) => {
            const id = ids.get(record.url);
            return id === undefined ? [] : [[id, placeAmong(base.order, record.sortKeys.date ?? '')]];
          }),
        ),
      });
      if (changed.length === 0 && superseded.length === 0) {
        await rm(editsPath, { recursive: true, force: true });
      } else if (changed.length === 0) {
        // Deletions only: Pagefind has nothing to index, the manifest alone hides the pages.
        await installFolder(editsPath, async (staging) => {
          await writeFile(join(staging, editsManifestFile), JSON.stringify(manifest(new Map())));
        });
      } else {
        const writer = await openSearchIndex(signal);
        try {
          await writer.add(changed);
        } catch (error) {
          await writer.discard();
          throw error;
        }
        await writer.write(editsPath, {
          beforeInstall: async (staging) => {
            await writeFile(join(staging, editsManifestFile), JSON.stringify(manifest(await fragmentIds(staging))));
          },
        });
      }
      installed = fingerprint;
      return { ...outcome, unchanged: false };
    },
  };
}

export type PreviewSearchIndex = ReturnType<typeof previewSearchIndex>;

function digest(url: string, content: string): string {
  return createHash('sha1').update(url).update('\n').update(content).digest('base64');
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** How many of the pages (by ascending date key) have a smaller date key than `dateKey`. */
function placeAmong(order: readonly IndexedPage[], dateKey: string): number {
  let low = 0;
  let high = order.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (compare(order[middle]?.dateKey ?? '', dateKey) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Page URL → Pagefind page id in a written bundle. The id a search result carries is its
 * fragment's name; the fragment (pagefind-files.ts) holds the URL.
 */
export async function fragmentIds(bundle: string): Promise<Map<string, string>> {
  const folder = join(bundle, 'fragment');
  const names = (await readdir(folder)).filter((name) => name.endsWith(fragmentSuffix));
  const ids = new Map<string, string>();
  for (let start = 0; start < names.length; start += 64)
    await Promise.all(
      names.slice(start, start + 64).map(async (name) => {
        const text = (await readPagefindBytes(join(folder, name))).toString('utf8');
        const { url } = JSON.parse(text) as { url?: unknown };
        if (typeof url === 'string') ids.set(url, name.slice(0, -fragmentSuffix.length));
      }),
    );
  return ids;
}

const fragmentSuffix = '.pf_fragment';

async function bundleHash(bundle: string): Promise<string> {
  const hash = entryHash(JSON.parse(await readFile(join(bundle, 'pagefind-entry.json'), 'utf8')) as unknown);
  if (hash === undefined)
    throw new SearchIndexError(
      `Pagefind 写出的 ${bundle}/pagefind-entry.json 无法读取（Pagefind 升级后改变了格式？）。`,
    );
  return hash;
}

/** Fills a fresh folder beside the site and puts it in place of `outputPath`: never half a folder there. */
async function installFolder(outputPath: string, fill: (staging: string) => Promise<void>): Promise<void> {
  const staging = await makeFreshFolder(`${dirname(outputPath)}.${basename(outputPath)}-`);
  try {
    await fill(staging);
    await rm(outputPath, { recursive: true, force: true });
    await rename(staging, outputPath);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
