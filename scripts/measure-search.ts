import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeGeneratedArchive } from '../src/generate/archive.ts';
import type { Issue } from '../src/model.ts';
import { loadArchive } from '../src/archive/load-archive.ts';
import { searchIndexFolder, writePagefindBundle, writeSearchIndex } from '../src/search/build-index.ts';
import { plainArticleRecord, searchRecords } from '../src/search/records.ts';
import { coldSearchBytes, indexBytes } from '../src/search/search-cost.ts';

/**
 * `npm run measure-search [-- --issues 1000 --seed 1]`: index size on disk and bytes a cold search
 * transfers (first page of 10 results, nothing cached), for our per-character index and for
 * Pagefind's default indexing of the same articles, on the bundled archive and on a generated one.
 */
const queries = ['泰州', '生态工业园区', '态工', 'VOC', '合肥 环保', '园'];

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function measure(name: string, issues: Issue[], work: string): Promise<void> {
  const ours = join(work, `${name}-ours`);
  const plain = join(work, `${name}-default`);
  let started = performance.now();
  const { records } = await writeSearchIndex(issues, ours);
  const oursSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  await writePagefindBundle(searchRecords(issues, plainArticleRecord), join(plain, searchIndexFolder));
  const plainSeconds = (performance.now() - started) / 1000;
  const oursSize = await indexBytes(join(ours, searchIndexFolder));
  const plainSize = await indexBytes(join(plain, searchIndexFolder));
  console.log(`\n## ${name}: ${issues.length} 期，${records} 篇文章`);
  console.log(
    `索引（不含 Pagefind 界面文件 ${kb(oursSize.ui)}）：本方案 ${kb(oursSize.index)}（${oursSeconds.toFixed(1)} 秒），` +
      `Pagefind 默认 ${kb(plainSize.index)}（${plainSeconds.toFixed(1)} 秒）`,
  );
  console.log('| 检索词 | 本方案 结果数 | 本方案 冷启动传输 | 默认 结果数 | 默认 冷启动传输 |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const query of queries) {
    const a = await coldSearchBytes(ours, query, 'ours');
    const b = await coldSearchBytes(plain, query, 'default');
    console.log(`| ${query} | ${a.results} | ${kb(a.bytes)} | ${b.results} | ${kb(b.bytes)} |`);
  }
}

async function main(): Promise<void> {
  const issues = option('--issues', 1000);
  const seed = option('--seed', 1);
  const work = await mkdtemp(join(tmpdir(), 'measure-search-'));
  try {
    const bundled = await loadArchive('content');
    await measure('收录内容（content/）', bundled.issues, work);
    const generatedDir = join(work, 'generated-content');
    await writeGeneratedArchive({ sourceDir: 'content', outDir: generatedDir, issues, seed });
    const generated = await loadArchive(generatedDir);
    await measure(`生成的 ${issues} 期`, generated.issues, work);
    console.log(
      '\n冷启动传输：pagefind.js、wasm、入口与元数据文件、所需索引块、前 10 条结果的片段，按文件原始大小计（索引文件本身已压缩）。',
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main();
