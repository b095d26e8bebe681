import { mkdir, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { citationFormats, outputFile } from '../core/routes.ts';
import type { SiteData } from './site-data.ts';

/**
 * The preview's rebuild after an edit renders only the pages whose data changed, and leaves every
 * other file of the previous site in place. Templates paginate over `PageLists`, and each page
 * reads only its own entry (plus site settings), so an entry equal to the previous build's gives
 * the same page. Pages that list the whole archive (home, feeds, sitemap …) are not paginated and
 * are always rendered.
 */
export type PageLists = Pick<
  SiteData,
  'years' | 'issuePages' | 'articlePages' | 'sectionPages' | 'parks' | 'redirects' | 'issueData'
>;

/** Each kind of paginated page, with the site path that identifies an entry across builds. */
const addresses: { [K in keyof PageLists]: (entry: PageLists[K][number]) => string } = {
  years: (group) => group.url,
  issuePages: (page) => page.issue.url,
  articlePages: (page) => page.article.url,
  sectionPages: (page) => page.url,
  parks: (park) => park.url,
  redirects: (redirect) => redirect.url,
  issueData: (item) => item.path,
};

/** A full build: every page. */
export function allPages(data: SiteData): PageLists {
  const { years, issuePages, articlePages, sectionPages, parks, redirects, issueData } = data;
  return { years, issuePages, articlePages, sectionPages, parks, redirects, issueData };
}

/** The entries of `next` that are new or differ from the previous build's entry at the same address. */
function changed<T>(previous: readonly T[], next: readonly T[], address: (entry: T) => string): T[] {
  const before = new Map(previous.map((entry) => [address(entry), entry]));
  return next.filter((entry) => !sameData(before.get(address(entry)), entry));
}

/** The pages of each kind that are new or differ from the previous build's page at the same address. */
export function changedPages(previous: SiteData, next: SiteData): PageLists {
  return {
    years: changed(previous.years, next.years, addresses.years),
    issuePages: changed(previous.issuePages, next.issuePages, addresses.issuePages),
    articlePages: changed(previous.articlePages, next.articlePages, addresses.articlePages),
    sectionPages: changed(previous.sectionPages, next.sectionPages, addresses.sectionPages),
    parks: changed(previous.parks, next.parks, addresses.parks),
    redirects: changed(previous.redirects, next.redirects, addresses.redirects),
    issueData: changed(previous.issueData, next.issueData, addresses.issueData),
  };
}

/** Media files (pictures, PDFs) that are new or differ from the previous build's at the same address. */
export function changedMediaFiles(previous: SiteData, next: SiteData): SiteData['media']['files'] {
  return changed(previous.media.files, next.media.files, (file) => file.path);
}

/** Addresses of `previous` that `next` no longer has. */
function gone<T>(previous: readonly T[], next: readonly T[], address: (entry: T) => string): string[] {
  const kept = new Set(next.map(address));
  return previous.map(address).filter((path) => !kept.has(path));
}

/** Files of the previous build's pages and media that this build no longer has (an article renamed or deleted). */
export function removedFiles(previous: SiteData, next: SiteData): string[] {
  return [
    ...gone(previous.years, next.years, addresses.years),
    ...gone(previous.issuePages, next.issuePages, addresses.issuePages),
    ...gone(previous.articlePages, next.articlePages, addresses.articlePages),
    // Each article page has its reference files beside it (cite.ris, cite.bib).
    ...gone(previous.articlePages, next.articlePages, addresses.articlePages).flatMap((url) =>
      citationFormats.map((format) => `${url}cite.${format}`),
    ),
    ...gone(previous.sectionPages, next.sectionPages, addresses.sectionPages),
    ...gone(previous.parks, next.parks, addresses.parks),
    ...gone(previous.redirects, next.redirects, addresses.redirects),
    ...gone(previous.issueData, next.issueData, addresses.issueData),
    ...gone(previous.media.files, next.media.files, (file) => file.path),
  ].map(outputFile);
}

/**
 * Deep equality of model data. Unchanged issues keep their objects across loads (the preview's
 * file cache), so the identity check answers almost every comparison without descending.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  // Reflect.get reads a key of any object without a cast; this runs for every page at every save.
  return keys.every((key) => Object.hasOwn(b, key) && sameData(Reflect.get(a, key), Reflect.get(b, key)));
}

/**
 * Moves every file of `from` (a partial build) to the same place in `to`, then deletes the
 * `removed` files from `to`, with the folders they leave empty, and `from` itself.
 */
export async function overlayInto(from: string, to: string, removed: readonly string[]): Promise<void> {
  try {
    const files = await relativeFiles(from);
    for (const folder of new Set(files.map((file) => dirname(file))))
      await mkdir(join(to, folder), { recursive: true });
    await Promise.all(files.map((file) => rename(join(from, file), join(to, file))));
    for (const file of removed) {
      await rm(join(to, file), { force: true });
      for (let folder = dirname(file); folder !== '.'; folder = dirname(folder)) {
        const emptied = await rmdir(join(to, folder)).then(
          () => true,
          () => false,
        );
        if (!emptied) break;
      }
    }
  } finally {
    await rm(from, { recursive: true, force: true });
  }
}

async function relativeFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}
