import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { loadArchive } from '../archive/load-archive.ts';
import { formatDiagnostic, hasErrors } from '../core/diagnostics.ts';
import { openSearchIndex } from '../search/build-index.ts';
import { indexMemoryLabel, indexMemoryVariable } from '../search/index-memory.ts';
import { searchRecords } from '../search/records.ts';
import { publishSite, stopwatch, type PublishTimings } from '../site/publish.ts';
import type { SiteSettings } from '../site/settings.ts';
import { claimOutputFolder } from '../site/output-folder.ts';
import { OutputWriteError } from '../core/errors.ts';
import { failureMessage } from '../core/failure-message.ts';

export interface BuildOptions {
  contentDir: string;
  /** How messages name the content folder, as the editor gave it. */
  displayDir: string;
  out: string;
  settings: SiteSettings;
  /** Where the report goes: progress to `write`, problems to `writeError`. */
  write: (text: string) => void;
  writeError: (text: string) => void;
  /** Where processed pictures are kept (`BULLETIN_CACHE_DIR`); `.cache/pictures` in the project when absent. */
  pictureCache?: string | undefined;
  /** `npm run bench` reads the phase times from this file when given. */
  timingsFile?: string | undefined;
}

export type BuildTimings = PublishTimings & { load: number };

/**
 * `npm run build` without the process around it (tests run it in-process): check the content,
 * then publish the site with its search index. Returns the exit code; a content error leaves
 * `out` as it was.
 */
export async function runBuild(options: BuildOptions): Promise<number> {
  const { write, writeError } = options;
  const shownOut = relative(process.cwd(), options.out) || '.';
  if (!existsSync(options.contentDir)) {
    writeError(
      `找不到内容目录 ${options.displayDir}/：请在项目根目录运行，或用 CONTENT_DIR 指定内容目录。${shownOut}/ 保持不变。\n`,
    );
    return 2;
  }
  const claim = await claimOutputFolder(options.out, {
    keep: [process.cwd(), options.contentDir],
    shownOut,
    command: 'npm run build',
  }).catch((error: unknown) => {
    if (!(error instanceof OutputWriteError)) throw error;
    writeError(`${error.message}\n`);
    return undefined;
  });
  if (!claim) return 2;
  try {
    for (const note of claim.notes) write(`${note}\n`);
    return await buildClaimed(options, claim.folder, shownOut);
  } catch (error) {
    // publishSite swaps the new site in as its last step, and a failed swap puts the old one back.
    writeError(`生成失败：${failureMessage(error)}\n${shownOut}/ 保持不变。\n`);
    return 1;
  } finally {
    claim.release();
  }
}

async function buildClaimed(options: BuildOptions, out: string, shownOut: string): Promise<number> {
  const { write, writeError } = options;
  const started = performance.now();
  const lap = stopwatch();
  // Pagefind indexes each issue in its own process while the next ones are parsed here.
  const searchIndex = await openSearchIndex();
  const archive = await loadArchive(options.contentDir, options.displayDir, undefined, {
    steps: options.settings.index.steps,
    onIssue: (issue) => searchIndex.add(searchRecords([issue])),
  })
    .then(async (archive) => {
      // An index written in parts is joined before rendering, not beside it: their memory would add up.
      if (hasErrors(archive.diagnostics)) return archive;
      const { parts } = await searchIndex.finish();
      if (parts > 1)
        write(
          `检索索引分 ${parts} 部分制作后合并（每部分的 Pagefind 进程约用 ${indexMemoryLabel()}；` +
            `可用 ${indexMemoryVariable} 调整）。\n`,
        );
      return archive;
    })
    .catch(async (error: unknown) => {
      await searchIndex.discard();
      throw error;
    });
  const load = lap();
  if (hasErrors(archive.diagnostics)) {
    await searchIndex.discard();
    for (const d of archive.diagnostics.filter((d) => d.severity === 'error')) writeError(`${formatDiagnostic(d)}\n`);
    writeError(
      `\n内容有错误，未生成网站；${shownOut}/ 保持不变。请按上面的提示修改后重试（npm run check 可单独检查）。\n`,
    );
    return 1;
  }
  const published = await publishSite(archive, out, {
    settings: options.settings,
    index: 'now',
    searchIndex,
    ...(options.pictureCache ? { pictureCache: options.pictureCache } : {}),
    onCovers: ({ rendered, warnings }) => {
      if (rendered > 0) write(`已由原刊 PDF 生成 ${rendered} 张封面。\n`);
      for (const warning of warnings) writeError(`警告：${warning}\n`);
    },
    onPictures: ({ made, cached }) => {
      if (made > 0) write(`正在处理 ${made} 张新图片（${cached} 张已处理过，取自缓存）…\n`);
    },
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  write(`已生成 ${shownOut}/（${archive.issues.length} 期，用时 ${seconds} 秒）。\n`);
  const timings: BuildTimings = { load, ...published.timings };
  if (options.timingsFile)
    await writeFile(options.timingsFile, JSON.stringify(timings)).catch((error: unknown) =>
      writeError(`无法写出用时记录 ${options.timingsFile}：${failureMessage(error)}\n`),
    );
  // Warnings do not stop publishing; editors read them in full with npm run check.
  const warnings = archive.diagnostics.length;
  if (warnings > 0) write(`内容有 ${warnings} 个警告，运行 npm run check 查看。\n`);
  return 0;
}
