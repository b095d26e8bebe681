import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeGeneratedArchive } from '../../src/generate/archive.ts';
import { outputMarker } from '../../src/site/build-output.ts';
import { bundledContent, repoRoot } from '../helpers/content.ts';
import { cpuTicks, nextPagefindChild } from '../helpers/pagefind-process.ts';

const work = await mkdtemp(join(tmpdir(), 'pagefind-death-'));
afterAll(() => rm(work, { recursive: true, force: true }));

interface Run {
  code: number | null;
  output: string;
  /** Milliseconds from the kill to the exit. */
  afterKill: number;
}

/** When to kill Pagefind: once this holds for its process id. */
type Moment = (pagefind: number) => boolean;
/** Pagefind has done some work: it is indexing, with pages sent and not yet answered. */
const whileAdding: Moment = (pagefind) => cpuTicks(pagefind) >= 10;
/** The index's folder beside the site exists: Pagefind is writing it, asked for nothing else. */
const whileWriting =
  (folder: string): Moment =>
  () =>
    readdirSync(folder).some((name) => name.includes('.pagefind-'));

/**
 * Runs node with tsx and `args` in the project, kills its Pagefind process with SIGKILL at the
 * moment given, and waits for the exit.
 */
function runAndKillPagefind(args: string[], env: Record<string, string>, moment: Moment): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
  return (async () => {
    const parent = child.pid;
    if (parent === undefined) throw new Error('node did not start');
    const pagefind = await nextPagefindChild(parent);
    while (!moment(pagefind)) await new Promise((resolve) => setTimeout(resolve, 5));
    const killed = performance.now();
    process.kill(pagefind, 'SIGKILL');
    const code = await exited;
    return { code, output, afterKill: performance.now() - killed };
  })();
}

const died = '检索索引程序意外退出（可能内存不足）：Pagefind 进程被信号 SIGKILL 终止。';

describe('when Pagefind is killed (as the out-of-memory killer does)', () => {
  const content = join(work, 'content');
  beforeAll(async () => {
    // Enough issues that Pagefind is still indexing well after it has started.
    await writeGeneratedArchive({ sourceDir: bundledContent, outDir: content, issues: 60, seed: 9, media: false });
  });

  it.each([
    ['adding pages', () => whileAdding],
    ['writing the index', (built: string) => whileWriting(built)],
  ])(
    'npm run build, Pagefind killed while %s: says why and exits 1, leaving the previous site and nothing beside it',
    async (_moment, moment) => {
      const built = mkdtempSync(join(work, 'built-'));
      const out = join(built, '_site');
      await mkdir(out, { recursive: true });
      await writeFile(join(out, outputMarker), 'the previous site');
      const run = await runAndKillPagefind(['scripts/build.ts', '--out', out], { CONTENT_DIR: content }, moment(built));
      expect(run.output).toContain(`生成失败：${died}请关闭其他占用内存的程序后重试`);
      expect(run.code).toBe(1);
      // Rendering, which cannot be interrupted, may still finish first.
      expect(run.afterKill).toBeLessThan(20_000);
      expect(run.output).not.toMatch(/Service stopped|\n\s+at /);
      expect(await readdir(out)).toEqual([outputMarker]);
      expect(await readdir(built)).toEqual(['_site']);
    },
  );

  it('a process doing nothing but indexing reports it instead of exiting 13 (an unsettled await)', async () => {
    const script = [
      "import { loadArchive } from './src/archive/load-archive.ts';",
      "import { writeSearchIndex } from './src/search/build-index.ts';",
      `const archive = await loadArchive(${JSON.stringify(content)});`,
      `await writeSearchIndex(archive.issues, ${JSON.stringify(join(work, 'indexed'))}).catch((error) => {`,
      '  console.log(`${error.name}: ${error.message}`);',
      '});',
    ].join('\n');
    const run = await runAndKillPagefind(['--input-type=module', '--eval', script], {}, whileAdding);
    expect(run.output).toContain(`SearchServiceDiedError: ${died}`);
    expect(run.code).toBe(0);
    expect(run.afterKill).toBeLessThan(5000);
    expect(run.output).not.toMatch(/Service stopped|\n\s+at /);
    expect((await readdir(work)).filter((name) => name.startsWith('indexed'))).toEqual([]);
  });
});
