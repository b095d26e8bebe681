import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/archive/load-archive.ts';
import { openSearchIndex, searchIndexFolder, writeSearchIndex } from '../../src/search/build-index.ts';
import { openPagefind } from '../../src/search/node-pagefind.ts';
import { searchArchive } from '../../src/search/query.ts';
import { searchRecords } from '../../src/search/records.ts';
import { bundledContent } from '../helpers/content.ts';
import { SearchIndexDiscardedError } from '../../src/core/errors.ts';

const work = await mkdtemp(join(tmpdir(), 'build-index-'));
afterAll(() => rm(work, { recursive: true, force: true }));
const archive = await loadArchive(bundledContent);

/** A site folder whose search index holds only a marker file: the test sees whether anything replaced it. */
async function siteWithIndex(site: string): Promise<string> {
  const index = join(site, searchIndexFolder);
  await mkdir(index, { recursive: true });
  await writeFile(join(index, 'marker'), 'previous index');
  return index;
}

async function hitUrls(siteDir: string, query: string): Promise<string[]> {
  const loaded = await openPagefind(siteDir);
  try {
    const results = await searchArchive(loaded.pagefind, { query });
    return (await results.hits(0, results.total)).map((hit) => hit.url).sort();
  } finally {
    await loaded.close();
  }
}

describe('openSearchIndex', () => {
  it('takes records as they come and writes the same search as indexing them at once', async () => {
    const streamed = join(work, 'streamed');
    const writer = await openSearchIndex();
    for (const issue of archive.issues) for (const record of searchRecords([issue])) await writer.add([record]);
    await writer.write(join(streamed, searchIndexFolder));
    const whole = join(work, 'whole');
    await writeSearchIndex(archive.issues, whole);
    for (const query of ['泰州', '生态工业园区', '2018']) {
      const urls = await hitUrls(streamed, query);
      expect(urls.length, query).toBeGreaterThan(0);
      expect(urls, query).toEqual(await hitUrls(whole, query));
    }
  });

  it(
    'stops when aborted, leaves the index in place and nothing beside it, ' + 'and the next index still works',
    async () => {
      const site = join(work, 'aborted');
      const previous = await siteWithIndex(site);
      const stop = new AbortController();
      const writer = await openSearchIndex(stop.signal);
      const records = searchRecords(archive.issues);
      const adding = writer.add(records);
      const newerSave = new Error('a newer save');
      stop.abort(newerSave);
      await expect(adding.then(() => writer.write(previous))).rejects.toBe(newerSave);
      expect(await readdir(site)).toEqual([searchIndexFolder]);
      expect(await readdir(previous)).toEqual(['marker']);
      expect((await readdir(work)).filter((name) => name.startsWith('aborted.'))).toEqual([]);

      await writeSearchIndex(archive.issues, site);
      expect(await readdir(previous)).toContain('pagefind.js');
      expect(await hitUrls(site, '泰州')).not.toEqual([]);
    },
  );

  it('installs nothing when aborted while the index is being written', async () => {
    const previous = await siteWithIndex(join(work, 'aborted-writing'));
    const stop = new AbortController();
    const writer = await openSearchIndex(stop.signal);
    // Enough pages that writing takes a while (hundreds of milliseconds), so the abort lands during it.
    const records = searchRecords(archive.issues);
    for (let copy = 0; copy < 100; copy++)
      await writer.add(records.map((record) => ({ ...record, url: `/copy${copy}${record.url}` })));
    const writing = writer.write(previous);
    const newerSave = new Error('a newer save');
    setTimeout(() => stop.abort(newerSave), 20);
    await expect(writing).rejects.toBe(newerSave);
    expect(await readdir(previous)).toEqual(['marker']);
    expect((await readdir(work)).filter((name) => name.startsWith('aborted-writing.'))).toEqual([]);
  });

  it('installs nothing when given up after writing was asked for', async () => {
    const site = join(work, 'discarded');
    const writer = await openSearchIndex();
    await writer.add(searchRecords(archive.issues));
    const writing = writer.write(join(site, searchIndexFolder));
    await writer.discard();
    await expect(writing).rejects.toBeInstanceOf(SearchIndexDiscardedError);
    expect(await readdir(work)).not.toContain('discarded');
  });

  it('rejects at once when the signal is already aborted', async () => {
    const stop = new AbortController();
    const tooLate = new Error('too late');
    stop.abort(tooLate);
    await expect(openSearchIndex(stop.signal)).rejects.toBe(tooLate);
  });
});
