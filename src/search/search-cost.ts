import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { openPagefind } from './node-pagefind.ts';
import { searchArchive } from './query.ts';

/**
 * What a search index costs a reader: its size on disk and the bytes a first search downloads.
 * Shared by `npm run measure-search` and `npm run bench`.
 */

/** Results a search page shows first, whose fragments a cold search downloads. */
export const firstPageSize = 10;

/** Pagefind's UI bundles: written next to the index but never loaded by our search page. */
const uiFile = /^pagefind-(ui|component-ui|modular-ui|highlight|worker)\./;

/** Bytes of a Pagefind bundle folder: the index proper, and Pagefind's UI files apart. */
export async function indexBytes(dir: string): Promise<{ index: number; ui: number }> {
  const sizes = { index: 0, ui: 0 };
  for (const { name, size } of await fileSizes(dir)) {
    if (uiFile.test(name)) sizes.ui += size;
    else sizes.index += size;
  }
  return sizes;
}

/** Every file under the folder with its size in bytes. */
export async function fileSizes(dir: string): Promise<{ name: string; size: number }[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return Promise.all(
    entries
      .filter((e) => e.isFile())
      .map(async (entry) => ({ name: entry.name, size: (await stat(join(entry.parentPath, entry.name))).size })),
  );
}

/**
 * Bytes a first search transfers (first page of results, nothing cached): a fresh Pagefind module
 * per call. `ours` runs the reader's query through our query module (per-character index);
 * `default` hands it to Pagefind as typed, as a site with Pagefind's default indexing would.
 */
export async function coldSearchBytes(
  siteDir: string,
  query: string,
  mode: 'ours' | 'default',
): Promise<{ bytes: number; results: number }> {
  const loaded = await openPagefind(siteDir);
  try {
    if (mode === 'ours') {
      const results = await searchArchive(loaded.pagefind, { query }, loaded.context);
      await results.hits(0, firstPageSize);
      return { bytes: loaded.transfer().bytes, results: results.total };
    }
    const response = await loaded.pagefind.search(query);
    const results = response?.results ?? [];
    await Promise.all(results.slice(0, firstPageSize).map((result) => result.data()));
    return { bytes: loaded.transfer().bytes, results: results.length };
  } finally {
    await loaded.close();
  }
}
