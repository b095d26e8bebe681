import { writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { relative, resolve } from 'node:path';
import { contentDir } from '../src/core/content-dir.ts';
import { formatDiagnostic, hasErrors } from '../src/core/diagnostics.ts';
import { loadArchive } from '../src/archive/load-archive.ts';
import { openSearchIndex } from '../src/search/build-index.ts';
import { searchRecords } from '../src/search/records.ts';
import { startPreview } from '../src/preview/preview.ts';
import { removeLeftovers, unsafeOutputReason } from '../src/site/build-output.ts';
import { publishSite, stopwatch } from '../src/site/publish.ts';
import { readSettings } from '../src/site/settings.ts';

/**
 * `npm run build`: content check, then Eleventy into a fresh temporary folder, then swap it into
 * place, so `_site/` is either the previous complete site or the new one, never a mix.
 * `npm start` (--serve): the editor's preview — the same build, served on localhost, rebuilt and
 * reloaded in the browser on every save in content/, templates/ or public/.
 * Options: --out DIR (or env SITE_DIR), default `_site`; CONTENT_DIR, SITE_URL, PATH_PREFIX, PORT from env.
 */
async function main(args: string[]): Promise<number> {
  const outIndex = args.indexOf('--out');
  const outArgument = outIndex >= 0 ? args[outIndex + 1] : process.env.SITE_DIR?.trim() || '_site';
  if (!outArgument || outArgument.startsWith('--')) {
    process.stderr.write('用法：npm run build -- [--out 输出目录] [--serve]\n');
    return 2;
  }
  const out = resolve(outArgument);
  const dir = contentDir();
  const unsafe = unsafeOutputReason(out, [process.cwd(), dir]);
  if (unsafe) {
    process.stderr.write(`${unsafe}\n`);
    return 2;
  }
  const displayDir = relative(process.cwd(), dir) || '.';
  await removeLeftovers(out);
  return args.includes('--serve') ? preview(dir, displayDir, out) : build(dir, displayDir, out);
}

async function build(dir: string, displayDir: string, out: string): Promise<number> {
  const started = performance.now();
  const lap = stopwatch();
  // Pagefind indexes each issue in its own process while the next ones are parsed here.
  const searchIndex = await openSearchIndex();
  const archive = await loadArchive(dir, displayDir, undefined, { onIssue: (issue) => searchIndex.add(searchRecords([issue])) }).catch(async (error: unknown) => {
    await searchIndex.discard();
    throw error;
  });
  const load = lap();
  if (hasErrors(archive.diagnostics)) {
    await searchIndex.discard();
    for (const d of archive.diagnostics.filter((d) => d.severity === 'error')) process.stderr.write(`${formatDiagnostic(d)}\n`);
    process.stderr.write(`\n内容有错误，未生成网站；${relative(process.cwd(), out)}/ 保持不变。请按上面的提示修改后重试（npm run check 可单独检查）。\n`);
    return 1;
  }
  const published = await publishSite(archive, out, { settings: readSettings(), index: 'now', searchIndex });
  const timings = { load, ...published.timings };
  // npm run bench reads the phases from here; the build itself prints only the total.
  if (process.env.BENCH_TIMINGS) await writeFile(process.env.BENCH_TIMINGS, JSON.stringify(timings));
  process.stdout.write(`已生成 ${relative(process.cwd(), out) || '.'}/（${archive.issues.length} 期，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒）。\n`);
  // Warnings do not stop publishing; editors read them in full with npm run check.
  const warnings = archive.diagnostics.length;
  if (warnings > 0) process.stdout.write(`内容有 ${warnings} 个警告，运行 npm run check 查看。\n`);
  return 0;
}

async function preview(dir: string, displayDir: string, out: string): Promise<number> {
  const settings = readSettings();
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const running = await startPreview({
    contentDir: dir,
    displayDir,
    out,
    port: Number(process.env.PORT ?? 8080),
    pathPrefix: settings.pathPrefix,
    alsoWatch: ['templates', 'public'],
    log,
  });
  const { port } = running.server.address() as AddressInfo;
  log(`预览网站：http://localhost:${port}${settings.pathPrefix}`);
  log(`保存 ${displayDir}/ 中的文件后会自动重新生成并刷新浏览器；按 Ctrl+C 停止。`);
  log('（修改 src/ 或 .eleventy.ts 中的程序代码后，请重新运行 npm start。）');
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return 0;
}

process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
  // Not a content error (those are reported above, with file and line): the program or the machine failed.
  process.stderr.write(`生成失败：${error instanceof Error ? error.message : String(error)}\n网站目录保持原样。请检查磁盘空间和输出目录的权限后重试；问题仍在时，请连同这条信息报告。\n`);
  return 1;
});
