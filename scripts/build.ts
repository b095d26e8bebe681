import { relative, resolve } from 'node:path';
import { contentDir } from '../src/content-dir.ts';
import { formatDiagnostic, hasErrors } from '../src/pipeline/diagnostic.ts';
import { loadArchive } from '../src/pipeline/load.ts';
import { buildInto, swapInto, unsafeOutputReason } from '../src/site/build-output.ts';
import { serveStatic } from '../src/site/static-server.ts';
import { readSettings } from '../src/site/settings.ts';

/**
 * `npm run build`: content check, then Eleventy into a fresh temporary folder, then swap it into
 * place, so `_site/` is either the previous complete site or the new one, never a mix.
 * `npm start` (--serve) does the same and serves the result.
 * Options: --out DIR (or env SITE_DIR), default `_site`; CONTENT_DIR, SITE_URL, PATH_PREFIX from env.
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
  const archive = await loadArchive(dir, relative(process.cwd(), dir) || '.');
  if (hasErrors(archive.diagnostics)) {
    for (const d of archive.diagnostics.filter((d) => d.severity === 'error')) process.stderr.write(`${formatDiagnostic(d)}\n`);
    process.stderr.write(`\n内容有错误，未生成网站；${relative(process.cwd(), out)}/ 保持不变。请按上面的提示修改后重试（npm run check 可单独检查）。\n`);
    return 1;
  }

  const started = performance.now();
  const temporary = await buildInto(out);
  await swapInto(temporary, out);
  process.stdout.write(`已生成 ${relative(process.cwd(), out) || '.'}/（${archive.issues.length} 期，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒）。\n`);
  // Warnings do not stop publishing; editors read them in full with npm run check.
  const warnings = archive.diagnostics.length;
  if (warnings > 0) process.stdout.write(`内容有 ${warnings} 个警告，运行 npm run check 查看。\n`);

  if (args.includes('--serve')) {
    const settings = readSettings();
    const port = Number(process.env.PORT ?? 8080);
    await serveStatic(out, settings.pathPrefix, port);
    process.stdout.write(`网站已在 http://localhost:${port}${settings.pathPrefix} 运行，按 Ctrl+C 停止。\n`);
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
