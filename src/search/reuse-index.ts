import { link, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/**
 * Pagefind names its index files by a hash of what they hold and does not write (or compress,
 * at gzip's best level, one file after another) a hashed file that is already in its output
 * folder. Compressing is most of the time it takes to write an index, and after an edit most
 * files are the same: so the new index is written into a folder that already holds the previous
 * index's hashed files (hard links: instant, and the previous index stays untouched), and the
 * files the new index does not refer to are removed afterwards.
 */

const hashedFolders = ['fragment', 'index', 'filter'] as const;
const metaFile = /^pagefind\.(.+)\.pf_meta$/;

/** Links the previous index's hashed files into `staging`; without a previous index (or across file systems) there is nothing to reuse. */
export async function seedWithPreviousIndex(previous: string, staging: string): Promise<void> {
  const names = await readdir(previous).catch(() => [] as string[]);
  const files = [
    ...names.filter((name) => metaFile.test(name)),
    ...(await Promise.all(hashedFolders.map(async (folder) => (await readdir(join(previous, folder)).catch(() => [] as string[])).map((name) => `${folder}/${name}`)))).flat(),
  ];
  if (files.length === 0) return;
  for (const folder of hashedFolders) await mkdir(join(staging, folder), { recursive: true });
  await Promise.all(files.map((file) => link(join(previous, file), join(staging, file)).catch(() => undefined)));
}

/**
 * Removes the hashed files of `bundle` that its index does not refer to: every file it needs is
 * named in its metadata file (the one `pagefind-entry.json` names), and files are named by hash.
 */
export async function removeUnreferencedFiles(bundle: string): Promise<void> {
  const entry = JSON.parse(await readFile(join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string }> };
  const metaHashes = Object.values(entry.languages).map((language) => language.hash);
  const metadata = (await Promise.all(metaHashes.map(async (hash) => gunzipSync(await readFile(join(bundle, `pagefind.${hash}.pf_meta`))).toString('latin1')))).join('\n');
  const referenced = (name: string) => metadata.includes(name.replace(/\.pf_[a-z]+$/, ''));
  const unreferencedMeta = (await readdir(bundle)).filter((name) => {
    const hash = metaFile.exec(name)?.[1];
    return hash !== undefined && !metaHashes.includes(hash);
  });
  const unreferenced = [
    ...unreferencedMeta,
    ...(await Promise.all(hashedFolders.map(async (folder) => (await readdir(join(bundle, folder)).catch(() => [] as string[])).filter((name) => !referenced(name)).map((name) => `${folder}/${name}`)))).flat(),
  ];
  await Promise.all(unreferenced.map((file) => rm(join(bundle, file), { force: true })));
}
