import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeGeneratedArchive } from '../src/generate/archive.ts';
import type { Issue } from '../src/model.ts';
import { loadArchive } from '../src/archive/load-archive.ts';
import { searchIndexFolder, writePagefindBundle, writeSearchIndex } from '../src/search/build-index.ts';
import { plainArticleRecord, searchRecords } from '../src/search/records.ts';
import { coldSearchBytes, indexBytes } from '../src/search/search-cost.ts';
import { searchInChromium } from './search-in-chromium.ts';

/**
 * `npm run measure-search -- --chromium --site DIR`: a first search in Chromium for each of the
 * reader queries below on a built site (build it with `CONTENT_DIR=… npm run build -- --out DIR`):
 * bytes on the wire and time to results drawn (scripts/search-in-chromium.ts).
 *
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

/** A sentence of the bundled issue as a reader would paste it: 200 characters. */
const pastedSentence = [
  '专家组认为规划以党的十九大关于生态文明建设和环境保护的决策部署为科学指引，对园区创建生态工业园区具有',
  '较强的指导作用；泰州医药高新技术产业开发区积极创建国家生态工业园区，对园区乃至区域突破资源环境瓶颈、',
  '实现创新、绿色、低碳、循环发展，在工业领域建设生态文明具有重要的现实意义。专家组一致同意泰州医药高新',
  '技术产业开发区国家生态工业园区建设规划通过论证。论证专家组由中国环保产业协会刘启风副会长以及中国环境',
  '科学研究院',
].join('');
const chromiumQueries = ['泰州', '生态工业园区', '循环化改造', 'VOC', '的', pastedSentence];

async function chromium(site: string): Promise<void> {
  console.log('| 检索词 | 结果 | 结果显示前传输 | 含筛选计数 | 结果显示用时 |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const cost of await searchInChromium(site, chromiumQueries)) {
    const label = cost.query.length > 12 ? `${[...cost.query].length} 字粘贴句` : cost.query;
    console.log(
      `| ${label} | ${cost.results} | ${kb(cost.bytesToResults)} | ${kb(cost.bytesWithFilters)} | ` +
        `${(cost.msToResults / 1000).toFixed(2)} s |`,
    );
  }
}

async function main(): Promise<void> {
  if (process.argv.includes('--chromium')) {
    const index = process.argv.indexOf('--site');
    return chromium(index >= 0 ? (process.argv[index + 1] ?? '_site') : '_site');
  }
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
