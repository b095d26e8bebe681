import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { baselineFormats, baselineProject, writeProject } from '../src/bench/baseline.ts';
import { timePreviewEdits } from '../src/bench/preview-rebuild.ts';
import { measureCommand } from '../src/bench/process-tree.ts';
import {
  figuresTable,
  markdownTable,
  type ArchiveMedia,
  type BuildFigures,
  type SizeFigures,
} from '../src/bench/report.ts';
import { writeGeneratedArchive } from '../src/generate/archive.ts';
import { loadArchive } from '../src/archive/load-archive.ts';
import { searchIndexFolder } from '../src/search/build-index.ts';
import { coldSearchBytes, fileSizes, indexBytes } from '../src/search/search-cost.ts';
import type { PublishTimings } from '../src/site/publish.ts';

/**
 * `npm run bench [-- --sizes 100,1000] [--keep DIR] [--json FILE]`: builds generated archives of
 * each size, pictures and original PDFs included, with our build (`npm run build`) and with a
 * baseline — the same articles as Markdown pages of a bare Eleventy project that copies the same
 * pictures and PDFs through, indexed by Pagefind's CLI — and prints phase times, peak RSS, output
 * and index size and cold-search bytes side by side. Ours builds twice, first with an empty
 * picture cache, then with the cache that left; the second is compared with the baseline. Then,
 * on the largest archive, it times the preview's rebuild after an edit (with that warm cache).
 * Every build runs in its own processes, measured from here. Not part of `npm test`: it takes minutes.
 */
const queries = ['泰州', '生态工业园区', 'VOC'];
const previewEdits = 3;
const seed = 1;
const bin = (name: string) => resolve('node_modules/.bin', name);
const ourBuild = (...args: string[]) => [process.execPath, '--import', 'tsx', resolve('scripts/build.ts'), ...args];

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/**
 * The picture cache of a size's builds (`BULLETIN_CACHE_DIR`): the cold build fills it, the warm
 * one and the preview use it.
 */
const pictureCache = (work: string) => join(work, 'picture-cache');

const totalBytes = async (dir: string) => (await fileSizes(dir)).reduce((sum, file) => sum + file.size, 0);

async function searchCost(
  siteDir: string,
  mode: 'ours' | 'default',
): Promise<Pick<BuildFigures, 'outputBytes' | 'indexBytes' | 'coldSearch'>> {
  const coldSearch: Record<string, number> = {};
  for (const query of queries) coldSearch[query] = (await coldSearchBytes(siteDir, query, mode)).bytes;
  return {
    outputBytes: await totalBytes(siteDir),
    indexBytes: (await indexBytes(join(siteDir, searchIndexFolder))).index,
    coldSearch,
  };
}

/** What our build writes to `BENCH_TIMINGS`. */
type OurTimings = PublishTimings & { load: number };

/**
 * The time our phases cover: parsing (Pagefind takes each issue while the next is parsed), then
 * the pictures and PDFs, then rendering with Pagefind writing its index beside it.
 */
function ourPhasesWallMs(timings: OurTimings): number {
  return timings.load + timings.media + Math.max(timings.render, timings.index);
}

/** Our build into a new folder `<work>/ours-<name>-site`, with `cacheDir` as its picture cache. */
async function measureOurs(contentDir: string, work: string, name: string, cacheDir: string): Promise<BuildFigures> {
  const siteDir = join(work, `ours-${name}-site`);
  const timingsFile = join(work, `ours-${name}-timings.json`);
  const [node = '', ...args] = ourBuild('--out', siteDir);
  const run = await measureCommand(node, args, {
    env: { ...process.env, CONTENT_DIR: contentDir, BENCH_TIMINGS: timingsFile, BULLETIN_CACHE_DIR: cacheDir },
  });
  const timings = JSON.parse(await readFile(timingsFile, 'utf8')) as OurTimings;
  return {
    phases: {
      parse: timings.load,
      media: timings.media,
      render: timings.render,
      index: timings.index,
    },
    phasesWallMs: ourPhasesWallMs(timings),
    totalMs: run.ms,
    peakRssBytes: run.peakRssBytes,
    ...(await searchCost(siteDir, 'ours')),
  };
}

async function measureBaseline(issues: Parameters<typeof baselineProject>[0], work: string): Promise<BuildFigures> {
  const projectDir = join(work, 'baseline-project');
  const siteDir = join(work, 'baseline-site');
  const project = baselineProject(issues);
  await writeProject(projectDir, project);
  // Run inside the project folder, so Eleventy finds no configuration file: all defaults, except
  // that --formats names the pictures' and PDFs' extensions beside md, so they are copied through.
  const formats = `--formats=${baselineFormats(project).join(',')}`;
  const render = await measureCommand(bin('eleventy'), [`--input=.`, `--output=${siteDir}`, formats], {
    cwd: projectDir,
  });
  const index = await measureCommand(bin('pagefind'), ['--site', siteDir], { cwd: projectDir });
  return {
    phases: { render: render.ms, index: index.ms },
    phasesWallMs: render.ms + index.ms,
    totalMs: render.ms + index.ms,
    peakRssBytes: Math.max(render.peakRssBytes, index.peakRssBytes),
    ...(await searchCost(siteDir, 'default')),
  };
}

function archiveMedia(issues: Parameters<typeof baselineProject>[0]): ArchiveMedia {
  const pictures = issues.flatMap((issue) =>
    issue.sections.flatMap((s) =>
      s.articles.flatMap((a) => a.figures.flatMap((f) => f.pictures.flatMap((p) => p.image ?? []))),
    ),
  );
  const originals = issues.flatMap((issue) => issue.original ?? []);
  const bytes = (files: readonly { bytes: number }[]) => files.reduce((sum, file) => sum + file.bytes, 0);
  return {
    pictures: pictures.length,
    pictureBytes: bytes(pictures),
    originals: originals.length,
    originalBytes: bytes(originals),
  };
}

async function machine(): Promise<string> {
  const cpuinfo = await readFile('/proc/cpuinfo', 'utf8').catch(() => '');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown CPU';
  const memory = `${(totalmem() / 1024 ** 3).toFixed(1)} GB RAM`;
  return `${cpus().length} × ${model}, ${memory}, Node ${process.version}, ${process.platform}`;
}

async function main(): Promise<void> {
  const sizes = (option('--sizes') ?? '100,1000').split(',').map(Number);
  if (sizes.some((size) => !Number.isInteger(size) || size < 1))
    throw new Error('usage: npm run bench -- [--sizes 100,1000] [--keep DIR] [--json FILE]');
  const keep = option('--keep');
  const root = keep ? resolve(keep) : await mkdtemp(join(tmpdir(), 'bench-'));
  console.log(`Machine: ${await machine()}\nWork folder: ${root}\n`);
  const results: SizeFigures[] = [];
  try {
    for (const size of sizes) {
      const work = join(root, String(size));
      await rm(work, { recursive: true, force: true });
      await mkdir(work, { recursive: true });
      const contentDir = join(work, 'content');
      await writeGeneratedArchive({ sourceDir: 'content', outDir: contentDir, issues: size, seed });
      const { issues } = await loadArchive(contentDir);
      // Empty for the first build; the second finds what the first processed.
      const cacheDir = pictureCache(work);
      await mkdir(cacheDir);
      const cold = await measureOurs(contentDir, work, 'cold', cacheDir);
      const warm = await measureOurs(contentDir, work, 'warm', cacheDir);
      const figures: SizeFigures = {
        issues: issues.length,
        articles: issues.reduce(
          (n, issue) => n + issue.sections.reduce((m, section) => m + section.articles.length, 0),
          0,
        ),
        media: archiveMedia(issues),
        ours: { cold, warm },
        baseline: await measureBaseline(issues, work),
      };
      results.push(figures);
      console.log(`${figuresTable(figures)}\n`);
    }

    // Written before the preview run too, so the build figures survive a failed preview.
    const json = option('--json');
    if (json) await writeFile(json, JSON.stringify({ machine: await machine(), sizes: results }, null, 2));

    const largest = Math.max(...sizes);
    const work = join(root, String(largest));
    const { issues } = await loadArchive(join(work, 'content'));
    const edited = issues[0];
    if (!edited) throw new Error('no issue to edit');
    const preview = await timePreviewEdits(
      {
        contentDir: join(work, 'content'),
        issueFile: join(work, 'content', edited.sourcePath),
        issuePath: edited.url,
        edits: previewEdits,
        pictureCacheDir: pictureCache(work),
      },
      ourBuild('--serve', '--out', join(work, 'preview-site')),
    );
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(
      `Preview on ${largest} issues: started in ${s(preview.startupMs)}; after saving ${edited.sourcePath}:\n`,
    );
    console.log(
      markdownTable(
        ['edit', 'page updated', 'search index updated'],
        preview.edits.map((edit, i) => [String(i + 1), s(edit.pageMs), s(edit.searchMs)]),
      ),
    );
    if (json) await writeFile(json, JSON.stringify({ machine: await machine(), sizes: results, preview }, null, 2));
  } finally {
    if (!keep) await rm(root, { recursive: true, force: true });
  }
}

await main();
