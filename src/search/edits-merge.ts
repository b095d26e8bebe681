/**
 * The preview's search over two indexes: the full index written at start and the small edits
 * bundle (routes.searchEdits) of the articles edited since, which the preview writes in seconds
 * where the full index takes most of a minute at 1,000 issues.
 *
 * Not Pagefind's `mergeIndex`: its merged results come sorted by score, and with a sort option a
 * score is only a rank within its own index (measured on Pagefind 1.6.0: 4, 3, 2, 1, 0), so two
 * date-sorted lists would be interleaved by rank, not by date. query.ts relies on Pagefind's date
 * order. Instead each index is searched on its own and the lists are merged here by date, from
 * the order the manifest gives; the full index's pages an edit replaced (or whose article is gone)
 * are dropped by id, without fetching a fragment.
 *
 * Browser-safe: no Node imports.
 */
import type { PagefindWithFilters } from './facets.ts';
import type { PagefindResult } from './query.ts';

/**
 * The `<meta name>` the preview adds to every page it serves: only then does the search page look
 * for an edits bundle, so a published site's search makes no request for one.
 */
export const editsMarkerName = 'bulletin-search-edits';

/** The manifest's file name inside the edits folder (routes.searchEdits). */
export const editsManifestFile = 'edits.json';

/** What `edits.json` holds. */
export interface EditsManifest {
  version: 1;
  /** The full index this bundle amends: its language hash (pagefind-entry.json); other indexes ignore it. */
  base: string;
  /** Changes with every written bundle, so that a page knows to load the new one. */
  stamp: string;
  /** Pages in the bundle; 0 when only deletions are to be told (then there is no Pagefind bundle). */
  pages: number;
  /** Ids of full-index pages no longer current: edited or deleted articles. */
  superseded: string[];
  /** Ids of every full-index page, by ascending date key (the records' `date` sort). */
  order: string[];
  /**
   * Each bundle page's place among the full index's, by date: the number of full-index pages whose
   * date key is smaller.
   */
  places: Record<string, number>;
}

/** The manifest as read; anything unreadable reads as "no edits" (undefined). */
export function readEditsManifest(data: unknown): EditsManifest | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { version, base, stamp, pages, superseded, order, places } = data as Partial<EditsManifest>;
  if (version !== 1 || typeof base !== 'string' || typeof stamp !== 'string' || typeof pages !== 'number')
    return undefined;
  if (!Array.isArray(superseded) || !Array.isArray(order) || typeof places !== 'object' || places === null)
    return undefined;
  return { version, base, stamp, pages, superseded, order, places };
}

/** The language hash of a Pagefind bundle's `pagefind-entry.json`: it changes whenever its pages do. */
export function entryHash(entry: unknown): string | undefined {
  if (typeof entry !== 'object' || entry === null || !('languages' in entry)) return undefined;
  const { languages } = entry;
  if (typeof languages !== 'object' || languages === null) return undefined;
  const hashes = Object.values(languages as Record<string, { hash?: unknown }>).map((language) => language.hash);
  return hashes.every((hash) => typeof hash === 'string') ? hashes.join(' ') : undefined;
}

/**
 * The edits manifest if it amends the full index whose `pagefind-entry.json` is `entry`; a bundle
 * written for another full index (one being replaced) is left out.
 */
export function editsAmending(entry: unknown, manifest: unknown): EditsManifest | undefined {
  const edits = readEditsManifest(manifest);
  return edits && edits.base === entryHash(entry) ? edits : undefined;
}

/**
 * The full index with the edits: superseded pages left out, the bundle's pages put in their date
 * places. `edits` is undefined when the manifest tells deletions only.
 */
export function withEdits(
  full: PagefindWithFilters,
  edits: PagefindWithFilters | undefined,
  manifest: EditsManifest,
): PagefindWithFilters {
  const superseded = new Set(manifest.superseded);
  // Twice the place, so that a bundle page sorts just before the full-index page at its place.
  const position = new Map<string, number>(manifest.order.map((id, index) => [id, 2 * index + 1]));
  for (const [id, place] of Object.entries(manifest.places)) position.set(id, 2 * place);
  const unknown = 2 * manifest.order.length + 1;
  const at = (result: PagefindResult) => position.get(result.id) ?? unknown;
  return {
    async search(term, options = {}) {
      const [fromFull, fromEdits] = await Promise.all([
        full.search(term, options),
        edits?.search(term, options) ?? Promise.resolve(null),
      ]);
      const kept = (fromFull?.results ?? []).filter((result) => !superseded.has(result.id));
      const results = [...kept, ...(fromEdits?.results ?? [])];
      const direction = options.sort?.['date'];
      if (direction) results.sort((a, b) => (direction === 'asc' ? at(a) - at(b) : at(b) - at(a)));
      return { results };
    },
    // The values of both; their counts still include superseded pages, but the page reads only
    // the values and counts results itself (facets.ts), from searches that leave those out.
    async filters() {
      const merged: Record<string, Record<string, number>> = {};
      for (const values of await Promise.all([full.filters(), edits?.filters() ?? Promise.resolve({})]))
        for (const [name, counts] of Object.entries(values))
          for (const [value, count] of Object.entries(counts))
            (merged[name] ??= {})[value] = (merged[name][value] ?? 0) + count;
      return merged;
    },
  };
}
