import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InvariantError } from '../core/errors.ts';
import { movePath } from '../core/move-path.ts';
import { pagefindCborFile, readPagefindCbor } from './pagefind-files.ts';

/**
 * Joins Pagefind bundles written from consecutive parts of one archive into the one bundle
 * Pagefind would have written for all of it: the same word lists, page list, filters and sort
 * orders, so a search loads the same data as from a single bundle.
 *
 * Why: Pagefind's indexer holds every page's word map twice while it writes (it copies all
 * pages before building the index), so one bundle of 8,039 articles peaks at 3.7 GB. Written a
 * part at a time, each by a fresh Pagefind process, and joined here a chunk at a time, the build
 * needs only one part's memory. Pagefind does the indexing; this only renumbers pages.
 *
 * The bundle format is Pagefind's own (1.6.0; the version is checked): gzipped, signed
 * `pagefind_dcd` CBOR files. The metadata is [version, pages [hash, word count, ""], index chunks
 * [from, to, hash], filters [name, hash], sorts [name, page numbers], meta field names]; an index
 * chunk is [[word, pages [page-number delta, positions, ...], ...]]; a filter is [name, [value,
 * page numbers]]. Page numbers count from 0 in the order the pages were added; within a word's
 * list they are deltas from the previous page of that list. tests/search/bundle-merge.test.ts
 * checks a joined bundle against the single one, list for list.
 */
export const supportedPagefindVersion = '1.6.0';

/** One part: its bundle folder and, per Pagefind sort, each page's key in the order its pages were added. */
export interface BundlePart {
  folder: string;
  sortKeys: Readonly<Record<string, readonly string[]>>;
}

/** Pagefind closes an index chunk once its lists hold this many entries (a page or a position each). */
const chunkEntries = 20_000;

type PageEntry = [delta: number, positions: number[], ...rest: unknown[]];
type WordEntry = [word: string, pages: PageEntry[], ...rest: unknown[]];
type MetaPage = [hash: string, wordCount: number, ...rest: unknown[]];
type Meta = [
  version: string,
  pages: MetaPage[],
  chunks: [from: string, to: string, hash: string][],
  filters: [name: string, hash: string][],
  sorts: [name: string, pages: number[]][],
  metaFields: string[],
];
interface Entry {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
  [key: string]: unknown;
}

/** Rust orders Pagefind's words by their UTF-8 bytes; JavaScript strings compare by UTF-16 units. */
function compareWords(a: Buffer, b: Buffer): number {
  return Buffer.compare(a, b);
}

interface OpenPart {
  folder: string;
  entry: Entry;
  language: string;
  meta: Meta;
  /** Added to the part's page numbers in the joined bundle. */
  offset: number;
  sortKeys: Readonly<Record<string, readonly string[]>>;
}

async function openPart(part: BundlePart, offset: number): Promise<OpenPart> {
  const entry = JSON.parse(await readFile(join(part.folder, 'pagefind-entry.json'), 'utf8')) as Entry;
  const languages = Object.entries(entry.languages);
  const [only] = languages;
  if (entry.version !== supportedPagefindVersion || only === undefined || languages.length !== 1)
    throw new InvariantError(
      `无法合并 ${part.folder}：只支持一种语言的 Pagefind ${supportedPagefindVersion} 索引（此处为 ${entry.version}，` +
        `语言 ${languages.map(([language]) => language).join('、') || '无'}）。`,
    );
  const [language, { hash }] = only;
  const meta = (await readPagefindCbor(join(part.folder, `pagefind.${hash}.pf_meta`))) as Meta;
  if (meta.length !== 6 || meta[0] !== supportedPagefindVersion)
    throw new InvariantError(`无法合并 ${part.folder}：Pagefind 元数据的格式不是 ${supportedPagefindVersion} 的。`);
  return { folder: part.folder, entry, language, meta, offset, sortKeys: part.sortKeys };
}

interface PartWord {
  word: string;
  bytes: Buffer;
  /** With absolute page numbers instead of deltas. */
  pages: PageEntry[];
}
type PartWords = AsyncGenerator<PartWord, void>;

/** A part's words in order, a chunk at a time, with absolute page numbers of the joined bundle. */
async function* partWords(part: OpenPart): PartWords {
  for (const [, , hash] of part.meta[2]) {
    const [words] = (await readPagefindCbor(join(part.folder, 'index', `${hash}.pf_index`))) as [WordEntry[]];
    for (const [word, pages, ...rest] of words) {
      if (rest.some((field) => !(Array.isArray(field) && field.length === 0)))
        throw new InvariantError(`无法合并 ${part.folder}：词“${word}”带有本程序不认识的数据。`);
      let page = part.offset;
      yield {
        word,
        bytes: Buffer.from(word),
        pages: pages.map(([delta, ...data]) => {
          page += delta;
          return [page, ...data] as PageEntry;
        }),
      };
    }
  }
}

type Namer = (bytes: Buffer, length?: number) => string;

/** Names a file by its content, as Pagefind does: `<language>_<hex>`, longer where names would collide. */
function namer(language: string): Namer {
  const taken = new Set<string>();
  return (bytes: Buffer, length = 7): string => {
    const hex = createHash('sha256').update(bytes).digest('hex');
    for (let size = length; ; size++) {
      const name = `${language}_${hex.slice(0, size)}`;
      if (!taken.has(name) || size === hex.length) {
        taken.add(name);
        return name;
      }
    }
  };
}

/**
 * The shortest prefixes that still tell two neighbouring chunks apart (Pagefind's `get_prefixes`):
 * the search looks a word up by the chunks' from/to ranges.
 */
export function chunkBoundaryPrefixes(to: string, from: string): [string, string] {
  const a = Array.from(to);
  const b = Array.from(from);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return [a.slice(0, common + 1).join(''), b.slice(0, common + 1).join('')];
}

/** Merges the parts' sort orders by key, as Pagefind sorts one bundle's pages: by key, then by page number. */
function mergedSorts(parts: readonly OpenPart[]): [string, number[]][] {
  const names = [...new Set(parts.flatMap((part) => part.meta[4].map(([name]) => name)))].sort();
  return names.map((name) => {
    const keyed: { key: Buffer; page: number }[] = [];
    for (const part of parts) {
      const keys = part.sortKeys[name];
      const order = part.meta[4].find(([sort]) => sort === name)?.[1] ?? [];
      if (!keys) {
        if (order.length > 0) throw new InvariantError(`无法合并 ${part.folder}：缺少排序“${name}”的键。`);
        continue;
      }
      // Pagefind numbered the part's pages in the order they were added; if that ever changes,
      // its own order would disagree with the keys given here.
      let before: Buffer | undefined;
      for (const page of order) {
        const key = keys[page];
        if (key === undefined || (before && Buffer.compare(before, Buffer.from(key)) > 0))
          throw new InvariantError(`无法合并 ${part.folder}：Pagefind 的“${name}”排序与给出的键不符。`);
        before = Buffer.from(key);
        keyed.push({ key: before, page: part.offset + page });
      }
    }
    keyed.sort((x, y) => Buffer.compare(x.key, y.key) || x.page - y.page);
    return [name, keyed.map(({ page }) => page)];
  });
}

async function mergedFilters(parts: readonly OpenPart[], out: string, name: Namer): Promise<[string, string][]> {
  const values = new Map<string, Map<string, number[]>>();
  for (const part of parts)
    for (const [filter, hash] of part.meta[3]) {
      const [, list] = (await readPagefindCbor(join(part.folder, 'filter', `${hash}.pf_filter`))) as [
        string,
        [string, number[]][],
      ];
      const merged = values.get(filter) ?? new Map<string, number[]>();
      values.set(filter, merged);
      for (const [value, pages] of list) {
        const into = merged.get(value) ?? [];
        merged.set(value, into);
        for (const page of pages) into.push(part.offset + page);
      }
    }
  await mkdir(join(out, 'filter'), { recursive: true });
  const written: [string, string][] = [];
  for (const [filter, merged] of [...values].sort(([a], [b]) => compareWords(Buffer.from(a), Buffer.from(b)))) {
    const bytes = await pagefindCborFile([filter, [...merged]]);
    const hash = name(bytes);
    await writeFile(join(out, 'filter', `${hash}.pf_filter`), bytes);
    written.push([filter, hash]);
  }
  return written;
}

async function mergedChunks(parts: readonly OpenPart[], out: string, name: Namer): Promise<[string, string, string][]> {
  await mkdir(join(out, 'index'), { recursive: true });
  const streams = parts.map((part) => partWords(part));
  const step = async (stream: PartWords): Promise<PartWord | undefined> => {
    const next = await stream.next();
    return next.done ? undefined : next.value;
  };
  const heads = await Promise.all(streams.map(step));
  const chunks: [from: string, to: string, hash: string][] = [];
  let words: WordEntry[] = [];
  let entries = 0;
  const writes: Promise<void>[] = [];
  const flush = (first: string, last: string) => {
    const chunk: [from: string, to: string, hash: string] = [first, last, ''];
    chunks.push(chunk);
    // Compressing is the slow part; zlib runs it on its own threads while the next chunk is merged.
    writes.push(
      pagefindCborFile([words]).then(async (bytes) => {
        chunk[2] = name(bytes);
        await writeFile(join(out, 'index', `${chunk[2]}.pf_index`), bytes);
      }),
    );
    words = [];
    entries = 0;
  };
  let first = '';
  for (;;) {
    let next: Buffer | undefined;
    for (const head of heads) if (head && (!next || compareWords(head.bytes, next) < 0)) next = head.bytes;
    if (!next) break;
    let word = '';
    let previous = 0;
    const pages: PageEntry[] = [];
    for (const [i, stream] of streams.entries()) {
      const head = heads[i];
      if (!head || !head.bytes.equals(next)) continue;
      word = head.word;
      for (const [page, positions, ...rest] of head.pages) {
        pages.push([page - previous, positions, ...rest]);
        previous = page;
        entries += positions.length + 1;
      }
      heads[i] = await step(stream);
    }
    if (words.length === 0) first = word;
    words.push([word, pages, []]);
    if (entries >= chunkEntries) flush(first, word);
    // Bounds the compressed chunks waiting to be written.
    if (writes.length >= 8) await Promise.all(writes.splice(0));
  }
  const last = words.at(-1);
  if (last) flush(first, last[0]);
  await Promise.all(writes);
  if (chunks.length > 1)
    chunks.reduce((before, after) => {
      [before[1], after[0]] = chunkBoundaryPrefixes(before[1], after[0]);
      return after;
    });
  return chunks;
}

/**
 * Moves the parts' fragments into `out`. Pagefind names a fragment by a short hash of its
 * content, unique within one bundle only: a name two parts give different pages gets a new one.
 */
async function mergedPages(parts: readonly OpenPart[], out: string, name: Namer) {
  await mkdir(join(out, 'fragment'), { recursive: true });
  /** What each name placed holds, by digest: fragments are moved as they are read. */
  const placed = new Map<string, string>();
  const pages: MetaPage[] = [];
  for (const part of parts)
    for (const [hash, ...rest] of part.meta[1]) {
      const from = join(part.folder, 'fragment', `${hash}.pf_fragment`);
      const bytes = await readFile(from);
      const digest = createHash('sha256').update(bytes).digest('hex');
      let placedAs = hash;
      const there = placed.get(hash);
      if (there !== undefined && there !== digest) placedAs = name(bytes, hash.length - part.language.length);
      if (!placed.has(placedAs)) {
        placed.set(placedAs, digest);
        await movePath(from, join(out, 'fragment', `${placedAs}.pf_fragment`));
      }
      pages.push([placedAs, ...rest]);
    }
  return pages;
}

/** Writes the joined bundle into the empty folder `out`; the parts' fragments are moved, not copied. */
export async function mergeBundles(parts: readonly BundlePart[], out: string): Promise<void> {
  const opened: OpenPart[] = [];
  let offset = 0;
  for (const part of parts) {
    const open = await openPart(part, offset);
    offset += open.meta[1].length;
    opened.push(open);
  }
  const [first] = opened;
  if (!first) throw new InvariantError('没有可合并的检索索引。');
  if (opened.some((part) => part.language !== first.language))
    throw new InvariantError('无法合并语言不同的 Pagefind 索引。');
  const name = namer(first.language);
  const pages = await mergedPages(opened, out, name);
  const chunks = await mergedChunks(opened, out, name);
  const filters = await mergedFilters(opened, out, name);
  const metaFields = [...new Set(opened.flatMap((part) => part.meta[5]))].sort((a, b) =>
    compareWords(Buffer.from(a), Buffer.from(b)),
  );
  const meta: Meta = [supportedPagefindVersion, pages, chunks, filters, mergedSorts(opened), metaFields];
  const metaBytes = await pagefindCborFile(meta);
  const metaHash = name(metaBytes, 13);
  await writeFile(join(out, `pagefind.${metaHash}.pf_meta`), metaBytes);
  const language = first.entry.languages[first.language];
  const entry: Entry = {
    ...first.entry,
    languages: { [first.language]: { wasm: null, ...language, hash: metaHash, page_count: pages.length } },
  };
  // Pagefind's scripts, wasm and UI files are the same in every part.
  for (const file of await readdir(first.folder, { withFileTypes: true }))
    if (file.isFile() && file.name !== 'pagefind-entry.json' && !file.name.endsWith('.pf_meta'))
      await movePath(join(first.folder, file.name), join(out, file.name));
  await writeFile(join(out, 'pagefind-entry.json'), JSON.stringify(entry));
}
