import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import type { Issue } from '../model.ts';
import { searchRecords, type SearchRecord } from './records.ts';

/** Folder of the index inside the built site; the search page loads `<pathPrefix>pagefind/pagefind.js`. */
export const searchIndexFolder = 'pagefind';

/**
 * Indexes the records with Pagefind and writes the bundle to `outputPath`, replacing whatever was
 * there. Pagefind's `writeFiles` adds to an existing folder without clearing it, so it writes into
 * a fresh sibling folder that then takes the place of the old one.
 * Stops Pagefind's indexing service afterwards, so the calling process can exit.
 */
export async function writePagefindBundle(records: readonly SearchRecord[], outputPath: string): Promise<void> {
  await mkdir(dirname(outputPath), { recursive: true });
  const staging = await mkdtemp(`${outputPath}.writing-`);
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`无法启动 Pagefind：${errors.join('；')}`);
    for (const record of records) {
      const added = await index.addHTMLFile({ url: record.url, content: record.content });
      if (added.errors.length > 0) throw new Error(`无法为 ${record.url} 建立搜索索引：${added.errors.join('；')}`);
    }
    const written = await index.writeFiles({ outputPath: staging });
    if (written.errors.length > 0) throw new Error(`无法写出搜索索引：${written.errors.join('；')}`);
    await rm(outputPath, { recursive: true, force: true });
    await rename(staging, outputPath);
  } finally {
    await rm(staging, { recursive: true, force: true });
    await pagefind.close();
  }
}

/** For the site build, after Eleventy has written `siteDir`: one search record per article, in `<siteDir>/pagefind/`. */
export async function writeSearchIndex(issues: readonly Issue[], siteDir: string): Promise<{ records: number; outputPath: string }> {
  const records = searchRecords(issues);
  const outputPath = join(siteDir, searchIndexFolder);
  await writePagefindBundle(records, outputPath);
  return { records: records.length, outputPath };
}
