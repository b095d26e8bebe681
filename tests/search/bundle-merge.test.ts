import { ChildProcess } from 'node:child_process';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decode, encode } from 'cborg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/archive/load-archive.ts';
import { InvariantError, SearchIndexError } from '../../src/core/errors.ts';
import { writeGeneratedArchive } from '../../src/generate/archive.ts';
import type { Issue } from '../../src/model.ts';
import {
  openSearchIndex,
  searchIndexFolder,
  writePagefindBundle,
  writeSearchIndex,
} from '../../src/search/build-index.ts';
import { chunkBoundaryPrefixes, mergeBundles, type BundlePart } from '../../src/search/bundle-merge.ts';
import { indexMemoryBudget, indexPartSize, pagefindBytesPerUnit } from '../../src/search/index-memory.ts';
import { openPagefind } from '../../src/search/node-pagefind.ts';
import { searchArchive, type SortOrder } from '../../src/search/query.ts';
import { searchRecords, type SearchRecord } from '../../src/search/records.ts';
import { bundledContent } from '../helpers/content.ts';
import { defined } from '../helpers/defined.ts';
import { spawnBuild } from '../site/helpers/build.ts';

const work = await mkdtemp(join(tmpdir(), 'bundle-merge-'));
let issues: Issue[];
let records: SearchRecord[];
/** Record text of the whole archive: a third of it makes three parts or more. */
let textSize: number;

beforeAll(async () => {
  const content = join(work, 'content');
  await writeGeneratedArchive({ sourceDir: bundledContent, outDir: content, issues: 12, seed: 7, includeSource: true });
  ({ issues } = await loadArchive(content));
  records = searchRecords(issues);
  textSize = records.reduce((sum, record) => sum + record.content.length, 0);
});
afterAll(() => rm(work, { recursive: true, force: true }));

const signature = Buffer.from('pagefind_dcd');
type Decoded = unknown[];
async function pagefindFile(path: string): Promise<Decoded> {
  return decode(gunzipSync(await readFile(path)).subarray(signature.length), { useMaps: false }) as Decoded;
}
async function writePagefindFile(path: string, value: unknown): Promise<void> {
  await writeFile(path, gzipSync(Buffer.concat([signature, encode(value)])));
}

interface Bundle {
  entry: { languages: Record<string, { hash: string; page_count: number }> };
  meta: [
    string,
    [string, number, string][],
    [string, string, string][],
    [string, string][],
    [string, number[]][],
    string[],
  ];
  /** Word → its page list with absolute page numbers. */
  words: Map<string, unknown>;
  /** Filter → value → pages, in a fixed order (Pagefind writes values in no particular order). */
  filters: [string, [string, number[]][]][];
  fragments: string[];
}

async function readBundle(folder: string): Promise<Bundle> {
  const entry = JSON.parse(await readFile(join(folder, 'pagefind-entry.json'), 'utf8')) as Bundle['entry'];
  const [language] = Object.values(entry.languages);
  const meta = (await pagefindFile(join(folder, `pagefind.${language?.hash}.pf_meta`))) as Bundle['meta'];
  const words = new Map<string, unknown>();
  for (const [, , hash] of meta[2]) {
    const [list] = (await pagefindFile(join(folder, 'index', `${hash}.pf_index`))) as [
      [string, [number, ...unknown[]][]][],
    ];
    for (const [word, pages] of list) {
      let page = 0;
      words.set(
        word,
        pages.map(([delta, ...rest]) => [(page += delta), ...rest]),
      );
    }
  }
  const filters: Bundle['filters'] = [];
  for (const [filter, hash] of meta[3]) {
    const [, values] = (await pagefindFile(join(folder, 'filter', `${hash}.pf_filter`))) as [
      string,
      [string, number[]][],
    ];
    filters.push([filter, values.sort(([a], [b]) => (a < b ? -1 : 1))]);
  }
  filters.sort(([a], [b]) => (a < b ? -1 : 1));
  return { entry, meta, words, filters, fragments: (await readdir(join(folder, 'fragment'))).sort() };
}

/**
 * Processes started while `run` runs: only Pagefind starts any here (a spawn's file name is not yet
 * known when it is announced).
 */
async function pagefindStarts(run: () => Promise<unknown>): Promise<number> {
  let started = 0;
  const onProcess = (message: unknown) => {
    if (typeof message === 'object' && message !== null && 'process' in message)
      if (message.process instanceof ChildProcess) started++;
  };
  subscribe('child_process', onProcess);
  try {
    await run();
  } finally {
    unsubscribe('child_process', onProcess);
  }
  return started;
}

async function hits(site: string, query: string, sort: SortOrder = 'relevance', filters = {}) {
  const loaded = await openPagefind(site);
  try {
    const results = await searchArchive(loaded.pagefind, { query, sort, filters });
    return { total: results.total, hits: (await results.hits(0, results.total)).map((hit) => [hit.url, hit.excerpt]) };
  } finally {
    await loaded.close();
  }
}

describe('an index written in parts', () => {
  let single: Bundle;
  let joined: Bundle;
  let starts: number;

  beforeAll(async () => {
    await writeSearchIndex(issues, join(work, 'single'));
    starts = await pagefindStarts(() =>
      writeSearchIndex(issues, join(work, 'parts'), undefined, { partSize: Math.ceil(textSize / 3) }),
    );
    single = await readBundle(join(work, 'single', searchIndexFolder));
    joined = await readBundle(join(work, 'parts', searchIndexFolder));
  });

  it('is written by one Pagefind process a part', () => {
    expect(starts).toBeGreaterThanOrEqual(3);
  });

  it('joins into the bundle Pagefind writes at once: pages, word lists, filters, sort orders', () => {
    expect(joined.meta[0]).toBe(single.meta[0]);
    expect(joined.meta[1]).toEqual(single.meta[1]);
    expect(joined.meta[1]).toHaveLength(records.length);
    expect(Object.values(joined.entry.languages)[0]?.page_count).toBe(records.length);
    expect([...joined.words.keys()].sort()).toEqual([...single.words.keys()].sort());
    for (const [word, pages] of single.words) expect(joined.words.get(word), word).toEqual(pages);
    expect(joined.filters).toEqual(single.filters);
    expect(joined.meta[4]).toEqual(single.meta[4]);
    expect(joined.meta[5]).toEqual(single.meta[5]);
    expect(joined.fragments).toEqual(single.fragments);
  });

  it('chunks as Pagefind does: about as many chunks, words in byte order, ranges that tell chunks apart', () => {
    const chunks = joined.meta[2];
    expect(chunks.length).toBeGreaterThan(1);
    expect(Math.abs(chunks.length - single.meta[2].length)).toBeLessThanOrEqual(Math.ceil(single.meta[2].length / 10));
    const words = [...joined.words.keys()];
    const bytes = words.map((word) => Buffer.from(word));
    bytes.reduce((before, after) => {
      expect(Buffer.compare(before, after)).toBe(-1);
      return after;
    });
    chunks.reduce((before, after) => {
      expect(Buffer.compare(Buffer.from(before[1]), Buffer.from(after[0])), after[0]).toBe(-1);
      return after;
    });
  });

  it('answers searches as the single bundle does: hits, order, excerpts, sorting and filters', async () => {
    const site = join(work, 'single');
    const parts = join(work, 'parts');
    for (const query of ['泰州', '生态工业园区', '园区 -泰州', '"ISO 14001"', '循环化改造 OR 泰州']) {
      const expected = await hits(site, query);
      expect(await hits(parts, query), query).toEqual(expected);
    }
    const newest = await hits(parts, '园区', 'newest');
    expect(newest.total).toBeGreaterThan(10);
    expect(newest).toEqual(await hits(site, '园区', 'newest'));
    expect(await hits(parts, '园区', 'oldest')).toEqual(await hits(site, '园区', 'oldest'));
    const year = String(issues[0]?.year);
    expect(await hits(parts, '园区', 'relevance', { year })).toEqual(await hits(site, '园区', 'relevance', { year }));
  });

  it('leaves no parts behind, also when given up halfway', async () => {
    const ours = (names: string[]) => names.filter((name) => name.startsWith(`bulletin-search-parts-${process.pid}-`));
    expect(ours(await readdir(tmpdir()))).toEqual([]);
    const writer = await openSearchIndex(undefined, { partSize: Math.ceil(textSize / 4) });
    await writer.add(records.slice(0, Math.ceil(records.length / 2)));
    await writer.discard();
    expect(ours(await readdir(tmpdir()))).toEqual([]);
  });
});

describe('npm run build with BULLETIN_INDEX_MEMORY_MB', () => {
  it('indexes in parts when the archive needs more than the budget, and the site searches as before', async () => {
    const content = join(work, 'content');
    // 20 MB is room for about 210,000 units of record text: this archive takes two parts or more.
    expect(textSize).toBeGreaterThan((2 * 20 * 2 ** 20) / pagefindBytesPerUnit);
    const built = await spawnBuild(join(work, 'built'), { CONTENT_DIR: content, BULLETIN_INDEX_MEMORY_MB: '20' });
    expect(built.stderr).not.toMatch(/错误|失败|Error/);
    expect(built.code).toBe(0);
    expect(built.stdout).toMatch(
      /检索索引分 [2-9] 部分制作后合并（每部分的 Pagefind 进程约用 20 MB；可用 BULLETIN_INDEX_MEMORY_MB 调整）/,
    );
    await writeSearchIndex(issues, join(work, 'reference'));
    for (const query of ['泰州', '生态工业园区', '园区 -泰州'])
      expect(await hits(join(work, 'built'), query, 'newest'), query).toEqual(
        await hits(join(work, 'reference'), query, 'newest'),
      );
    const joined = await readBundle(join(work, 'built', searchIndexFolder));
    expect(joined.meta[1]).toHaveLength(records.length);
  });

  it('refuses a value that is no budget, in Chinese, and leaves the site as it was', async () => {
    const out = join(work, 'built');
    const before = await readdir(join(out, searchIndexFolder));
    const built = await spawnBuild(out, { CONTENT_DIR: join(work, 'content'), BULLETIN_INDEX_MEMORY_MB: 'lots' });
    expect(built.code).toBe(1);
    expect(built.stderr).toMatch(/BULLETIN_INDEX_MEMORY_MB=lots 无效/);
    expect(built.stderr).not.toMatch(/\n\s+at /);
    expect(await readdir(join(out, searchIndexFolder))).toEqual(before);
  });
});

describe('mergeBundles', () => {
  /** Two bundles of the first and second half of the records, with their sort keys. */
  async function halves(name: string): Promise<BundlePart[]> {
    const half = Math.ceil(records.length / 2);
    const parts: BundlePart[] = [];
    for (const [i, slice] of [records.slice(0, half), records.slice(half)].entries()) {
      const folder = join(work, name, String(i));
      await writePagefindBundle(slice, folder);
      parts.push({ folder, sortKeys: { date: slice.map((record) => record.sortKeys.date ?? '') } });
    }
    return parts;
  }

  it('refuses a bundle of another Pagefind version', async () => {
    const parts = await halves('version');
    const entryFile = join(defined(parts[1], 'second part').folder, 'pagefind-entry.json');
    const entry = JSON.parse(await readFile(entryFile, 'utf8')) as { version: string };
    await writeFile(entryFile, JSON.stringify({ ...entry, version: '9.0.0' }));
    await mkdir(join(work, 'version-out'));
    await expect(mergeBundles(parts, join(work, 'version-out'))).rejects.toThrow(InvariantError);
  });

  it('refuses sort keys that disagree with the order Pagefind gave the pages', async () => {
    const parts = await halves('keys');
    const [first, second] = [defined(parts[0], 'first part'), defined(parts[1], 'second part')];
    const reversed = { ...first, sortKeys: { date: [...(first.sortKeys.date ?? [])].reverse() } };
    await mkdir(join(work, 'keys-out'));
    await expect(mergeBundles([reversed, second], join(work, 'keys-out'))).rejects.toThrow(/排序与给出的键不符/);
  });

  it('renames a fragment whose name another part gave a different page', async () => {
    const parts = await halves('collision');
    const [first, second] = parts as [BundlePart, BundlePart];
    const readMeta = async (folder: string) => {
      const entry = JSON.parse(await readFile(join(folder, 'pagefind-entry.json'), 'utf8')) as Bundle['entry'];
      const file = join(folder, `pagefind.${Object.values(entry.languages)[0]?.hash}.pf_meta`);
      return { file, meta: (await pagefindFile(file)) as Bundle['meta'] };
    };
    const a = await readMeta(first.folder);
    const b = await readMeta(second.folder);
    // The second part's first page takes the name of the first part's first page.
    const [taken] = defined(a.meta[1][0], 'first page of the first part');
    const ownPage = defined(b.meta[1][0], 'first page of the second part');
    const [own] = ownPage;
    await rename(
      join(second.folder, 'fragment', `${own}.pf_fragment`),
      join(second.folder, 'fragment', `${taken}.pf_fragment`),
    );
    ownPage[0] = taken;
    await writePagefindFile(b.file, b.meta);
    const out = join(work, 'collision-out');
    await mkdir(out);
    await mergeBundles(parts, out);
    const joined = await readBundle(out);
    const names = joined.meta[1].map(([hash]) => hash);
    expect(new Set(names).size).toBe(names.length);
    const half = a.meta[1].length;
    expect(names[0]).toBe(taken);
    expect(names[half]).not.toBe(taken);
    const fragmentUrl = async (hash: string) =>
      (
        JSON.parse(
          gunzipSync(await readFile(join(out, 'fragment', `${hash}.pf_fragment`)))
            .subarray(signature.length)
            .toString(),
        ) as {
          url: string;
        }
      ).url;
    expect(await fragmentUrl(defined(names[0], 'first page'))).toBe(records[0]?.url);
    expect(await fragmentUrl(defined(names[half], 'second part’s first page'))).toBe(records[half]?.url);
  });
});

describe('chunkBoundaryPrefixes', () => {
  it('gives the shortest prefixes that still tell two neighbouring chunks apart, by character', () => {
    expect(chunkBoundaryPrefixes('结', '结合园区实际')).toEqual(['结', '结合']);
    expect(chunkBoundaryPrefixes('2038年第9期', '2039年')).toEqual(['2038', '2039']);
    expect(chunkBoundaryPrefixes('划\u{E007F}', '列')).toEqual(['划', '列']);
    expect(chunkBoundaryPrefixes('a\u{E007F}', 'a\u{E007F}b')).toEqual(['a\u{E007F}', 'a\u{E007F}b']);
  });
});

describe('the index memory budget', () => {
  it('is a quarter of the machine unless BULLETIN_INDEX_MEMORY_MB says otherwise', () => {
    expect(indexMemoryBudget(undefined, 8 * 2 ** 30)).toBe(2 * 2 ** 30);
    expect(indexMemoryBudget(' ', 8 * 2 ** 30)).toBe(2 * 2 ** 30);
    expect(indexMemoryBudget('800', 8 * 2 ** 30)).toBe(800 * 2 ** 20);
    expect(indexPartSize({ BULLETIN_INDEX_MEMORY_MB: '800' })).toBe(Math.floor((800 * 2 ** 20) / pagefindBytesPerUnit));
  });

  it('refuses a value that is no number of megabytes, in Chinese', () => {
    for (const value of ['abc', '0', '5', '1.5', '-100'])
      expect(() => indexMemoryBudget(value, 2 ** 30), value).toThrow(SearchIndexError);
    expect(() => indexMemoryBudget('abc', 2 ** 30)).toThrow(/BULLETIN_INDEX_MEMORY_MB=abc 无效/);
  });
});
