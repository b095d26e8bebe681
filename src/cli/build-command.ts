import { writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { loadArchive } from '../archive/load-archive.ts';
import { formatDiagnostic, hasErrors } from '../core/diagnostics.ts';
import { openSearchIndex } from '../search/build-index.ts';
import { searchRecords } from '../search/records.ts';
import { publishSite, stopwatch, type PublishTimings } from '../site/publish.ts';
import type { SiteSettings } from '../site/settings.ts';

export interface BuildOptions {
  contentDir: string;
  /** How messages name the content folder, as the editor gave it. */
  displayDir: string;
  out: string;
  settings: SiteSettings;
  /** Where the report goes: progress to `write`, problems to `writeError`. */
  write: (text: string) => void;
  writeError: (text: string) => void;
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
  const { out, write, writeError } = options;
  const shownOut = relative(process.cwd(), out) || '.';
  const started = performance.now();
  const lap = stopwatch();
  // Pagefind indexes each issue in its own process while the next ones are parsed here.
  const searchIndex = await openSearchIndex();
  const archive = await loadArchive(options.contentDir, options.displayDir, undefined, {
    onIssue: (issue) => searchIndex.add(searchRecords([issue])),
  }).catch(async (error: unknown) => {
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
  const published = await publishSite(archive, out, { settings: options.settings, index: 'now', searchIndex });
  const timings: BuildTimings = { load, ...published.timings };
  if (options.timingsFile) await writeFile(options.timingsFile, JSON.stringify(timings));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  write(`已生成 ${shownOut}/（${archive.issues.length} 期，用时 ${seconds} 秒）。\n`);
  // Warnings do not stop publishing; editors read them in full with npm run check.
  const warnings = archive.diagnostics.length;
  if (warnings > 0) write(`内容有 ${warnings} 个警告，运行 npm run check 查看。\n`);
  return 0;
}
