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
import { nextPagefindChild, pagefindChildren, within } from '../helpers/pagefind-process.ts';

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

/** The error the promise rejects with; a promise that resolves fails the test. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('resolved where it should have rejected'),
    (error: unknown) => error,
  );
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

  it('gives planned searches excerpts and sub-results that show the match', async () => {
    // 创新院产学研 is planned (query-plan.ts) from windows whose first places in the article are
    // paragraphs away from the phrase, and Pagefind centres its excerpt there.
    const site = join(work, 'excerpts');
    await writeSearchIndex(archive.issues, site);
    const loaded = await openPagefind(site);
    try {
      for (const query of ['创新院产学研', '节能环保产业推进领导小组', '白色家电 VOC']) {
        const results = await searchArchive(loaded.pagefind, { query }, loaded.context);
        const hits = await results.hits(0, results.total);
        expect(hits.length, query).toBeGreaterThan(0);
        for (const hit of hits) expect(hit.excerpt, `${query} ${hit.url}`).toContain('<mark>');
      }
      // Sub-results name the sections that hold the phrase, not those of the windows searched.
      const sections = async (query: string, context = loaded.context) => {
        const results = await searchArchive(loaded.pagefind, { query }, context);
        return (await results.hits(0, results.total)).map((hit) => [
          hit.url,
          hit.subResults.map((sub) => [sub.title, sub.url, sub.excerpt.includes('<mark>')]),
        ]);
      };
      expect(await sections('创新院产学研')).toEqual([
        ['/2018/01/p6/', [['（五）创新院产学研合作模式', '/2018/01/p6/#五创新院产学研合作模式', true]]],
      ]);
      expect(await sections('节能环保产业推进领导小组')).toEqual([
        ['/2018/01/p6/', [['（一）做优顶层设计', '/2018/01/p6/#一做优顶层设计', true]]],
      ]);
      // Term by term (no statistics) the same.
      expect(await sections('创新院产学研', {})).toEqual(await sections('创新院产学研'));
    } finally {
      await loaded.close();
    }
  });

  it('rejects at once when the signal is already aborted', async () => {
    const stop = new AbortController();
    const tooLate = new Error('too late');
    stop.abort(tooLate);
    await expect(openSearchIndex(stop.signal)).rejects.toBe(tooLate);
  });

  it(
    'fails every waiting and later request of every open index at once when Pagefind is killed, ' +
      'and the next index starts a new Pagefind',
    async () => {
      const site = join(work, 'killed');
      const previous = await siteWithIndex(site);
      const first = await openSearchIndex();
      const second = await openSearchIndex();
      const pagefind = await nextPagefindChild(process.pid);
      const records = searchRecords(archive.issues);
      const copies = Array.from({ length: 50 }, (_, copy) =>
        records.map((record) => ({ ...record, url: `/copy${copy}${record.url}` })),
      ).flat();
      // More records than Pagefind is sent at once: `add` is waiting for its answers when it dies.
      const adding = first.add(copies);
      await second.add(records);
      const killed = performance.now();
      process.kill(pagefind, 'SIGKILL');
      const died = {
        name: 'SearchServiceDiedError',
        message: expect.stringMatching(
          /^检索索引程序意外退出（可能内存不足）：Pagefind 进程被信号 SIGKILL 终止。请关闭/,
        ),
      };
      expect(await rejection(within(adding, 3000, 'the first index'))).toMatchObject(died);
      const detected = performance.now() - killed;
      expect(await rejection(within(second.write(previous), 3000, 'the second index'))).toMatchObject(died);
      expect(await rejection(first.add(records))).toMatchObject(died);
      await first.discard();
      expect(detected).toBeLessThan(2000);
      expect(await readdir(previous)).toEqual(['marker']);
      expect((await readdir(work)).filter((name) => name.startsWith('killed.'))).toEqual([]);

      const fresh = join(work, 'after-kill');
      await within(writeSearchIndex(archive.issues, fresh), 30_000, 'the index after the kill');
      expect(await hitUrls(fresh, '泰州')).not.toEqual([]);
      expect(pagefindChildren(process.pid)).not.toContain(pagefind);
    },
  );
});
