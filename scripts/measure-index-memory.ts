import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadArchive } from '../src/archive/load-archive.ts';
import { childPids, treeRssBytes } from '../src/bench/process-tree.ts';
import { openSearchIndex } from '../src/search/build-index.ts';
import { articleRecord, plainArticleRecord, searchRecords, type SearchRecord } from '../src/search/records.ts';

/**
 * `[BULLETIN_INDEX_MEMORY_MB=N] npm run measure-index-memory -- --content DIR [--shape ours|default|once]`:
 * where Pagefind's indexer spends its memory on an archive — the peak resident memory of its
 * processes while the records are added (parts written on the way, index-memory.ts), and while the
 * last part is written and the parts are joined. Shapes: `ours` (one word
 * per character, as the site indexes), `default` (Pagefind's own segmentation, the baseline) and
 * `once` (each character once per paragraph: what lists without repeated positions would leave
 * Pagefind to hold). Issue 16's build-memory target is judged from these figures (docs/performance.md).
 */
const shapes: Record<string, (record: SearchRecord) => SearchRecord> = {
  ours: (record) => record,
  default: (record) => record,
  once: (record) => ({
    ...record,
    content: record.content.replace(
      /<p>([^<]*)<\/p>/g,
      (_paragraph, text: string) => `<p>${[...new Set(text.split('\u200b'))].join('\u200b')}</p>`,
    ),
  }),
};

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const content = option('--content');
const shape = option('--shape') ?? 'ours';
const reshape = shapes[shape];
if (content === undefined || reshape === undefined)
  throw new Error('usage: npm run measure-index-memory -- --content DIR [--shape ours|default|once]');

const { issues } = await loadArchive(content);
const work = await mkdtemp(join(tmpdir(), 'index-memory-'));
/** Pagefind's indexer is the only child process of this script. */
const indexerBytes = async () =>
  (await Promise.all((await childPids(process.pid)).map(treeRssBytes))).reduce((sum, bytes) => sum + bytes, 0);
let phasePeak = 0;
const sample = async () => {
  phasePeak = Math.max(phasePeak, await indexerBytes());
};
// Building records keeps this thread busy between Pagefind's answers, so samples may come late;
// one more is taken at each phase's end.
const timer = setInterval(() => void sample(), 100);
try {
  const index = await openSearchIndex();
  const started = performance.now();
  let records = 0;
  for (const issue of issues) {
    const batch = searchRecords([issue], shape === 'default' ? plainArticleRecord : articleRecord).map(reshape);
    records += batch.length;
    await index.add(batch);
  }
  const added = performance.now();
  await sample();
  const addPeak = phasePeak;
  phasePeak = 0;
  await index.write(join(work, 'pagefind'));
  await sample();
  const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
  console.log(
    `${shape}: ${records} records; adding ${((added - started) / 1000).toFixed(1)} s, peak ${mb(addPeak)}; ` +
      `writing ${((performance.now() - added) / 1000).toFixed(1)} s, peak ${mb(phasePeak)}`,
  );
} finally {
  clearInterval(timer);
  await rm(work, { recursive: true, force: true });
}
