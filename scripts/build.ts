import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { contentDir } from '../src/core/content-dir.ts';
import { runBuild } from '../src/cli/build-command.ts';
import { startPreview } from '../src/preview/preview.ts';
import { PortUnavailableError } from '../src/preview/site-server.ts';
import { failureMessage } from '../src/core/failure-message.ts';
import { OutputWriteError } from '../src/core/errors.ts';
import { exitWhenSafe, uninterruptibleStepUnderWay } from '../src/core/shutdown.ts';
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
  const displayDir = relative(process.cwd(), dir) || '.';
  if (args.includes('--serve')) return preview(dir, displayDir, out);
  stopOnSignals();
  return build(dir, displayDir, out);
}

function build(dir: string, displayDir: string, out: string): Promise<number> {
  return runBuild({
    contentDir: dir,
    displayDir,
    out,
    settings: readSettings(process.env, { dir, displayDir }),
    write: (text) => process.stdout.write(text),
    writeError: (text) => process.stderr.write(text),
    timingsFile: process.env.BENCH_TIMINGS,
    pictureCache: process.env.BULLETIN_CACHE_DIR,
  });
}

async function preview(dir: string, displayDir: string, out: string): Promise<number> {
  const port = previewPort(process.env.PORT);
  if (port === undefined) {
    process.stderr.write(
      `PORT 应是 0 到 65535 之间的整数（0 表示任选一个空闲端口），现在是 ${JSON.stringify(process.env.PORT)}。\n`,
    );
    return 2;
  }
  // Without it every rebuild would fail and the preview would serve nothing.
  if (!existsSync(dir)) {
    process.stderr.write(
      `找不到内容目录 ${displayDir}/：请在项目根目录运行 npm start，或用 CONTENT_DIR 指定内容目录。\n`,
    );
    return 2;
  }
  const log = (line: string) => process.stdout.write(`${line}\n`);
  let running: Awaited<ReturnType<typeof startPreview>>;
  try {
    running = await startPreview({
      contentDir: dir,
      displayDir,
      out,
      port,
      alsoWatch: ['templates', 'public'],
      log,
    });
  } catch (error) {
    if (error instanceof PortUnavailableError) process.stderr.write(`${portAdvice(error)}\n`);
    else if (error instanceof OutputWriteError) process.stderr.write(`${error.message}\n`);
    else throw error;
    return 1;
  }
  // One write: whoever reads the address (a test, a script) finds the lines under it with it.
  log(
    [
      `预览网站：http://localhost:${running.port}${running.pathPrefix}`,
      `要换端口，在命令前设置 PORT，例如 PORT=${anotherPort(running.port)} npm start（PORT=0 任选一个空闲端口）。`,
      `保存 ${displayDir}/ 中的文件（包括网站设置 site.yaml）后会自动重新生成并刷新浏览器；按 Ctrl+C 停止。`,
      '（修改 src/ 中的程序代码后，请重新运行 npm start。）',
    ].join('\n'),
  );
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.once('SIGHUP', stop);
  return 0;
}

/**
 * A stop (Ctrl+C, a CI job stop, the terminal closing) ends the build at once: the new site is
 * not swapped in, the half-built folder and the lock are removed on exit, Pagefind ends with its
 * input; a stop during the swap waits the moment it takes. A second signal exits straight away.
 */
function stopOnSignals(): void {
  const codes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
  let stopping = false;
  for (const [signal, code] of Object.entries(codes))
    process.on(signal, () => {
      if (stopping) process.exit(code);
      stopping = true;
      process.stderr.write(
        uninterruptibleStepUnderWay()
          ? '\n已停止：新网站正在换入，换完即退出。\n'
          : '\n已停止生成，网站目录保持原样。\n',
      );
      exitWhenSafe(code);
    });
}

function previewPort(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return 8080;
  const port = Number(value);
  return Number.isInteger(port) && port >= 0 && port <= 65535 ? port : undefined;
}

/** A port to suggest instead of `port`: the next one, or 8080 beside the reserved and the last. */
function anotherPort(port: number): number {
  return port >= 1024 && port < 65535 ? port + 1 : 8080;
}

function portAdvice({ port, code }: PortUnavailableError): string {
  const other = anotherPort(port);
  const reason =
    code === 'EACCES'
      ? `没有权限使用端口 ${port}（1024 以下的端口通常需要管理员权限）`
      : `端口 ${port} 已被占用（也许另一个预览或程序正在用它）`;
  return `${reason}，预览没有启动。请换一个端口，例如 PORT=${other} npm start；PORT=0 则任选一个空闲端口。`;
}

process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
  // Not a content error (those are reported with file and line) nor a failed build (runBuild
  // reports those): the preview failed to start, or the program has a bug.
  process.stderr.write(`失败：${failureMessage(error)}\n`);
  return 1;
});
