import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeGeneratedArchive } from '../../src/generate/archive.ts';
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

/**
 * Runs node with tsx and `args` in the project, kills its Pagefind process with SIGKILL once that
 * has done `ticks` of CPU work (so it is indexing, with requests open), and waits for the exit.
 */
function runAndKillPagefind(args: string[], env: Record<string, string>, ticks: number): Promise<Run> {
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
    while (cpuTicks(pagefind) < ticks) await new Promise((resolve) => setTimeout(resolve, 10));
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
    await writeGeneratedArchive({ sourceDir: bundledContent, outDir: content, issues: 60, seed: 9 });
  });

  it('npm run build says why and exits 1, leaving the previous site and nothing beside it', async () => {
    const out = join(work, 'built', '_site');
    await mkdir(out, { recursive: true });
    await writeFile(join(out, 'marker'), 'the previous site');
    const run = await runAndKillPagefind(['scripts/build.ts', '--out', out], { CONTENT_DIR: content }, 10);
    expect(run.output).toContain(`生成失败：${died}请关闭其他占用内存的程序后重试`);
    expect(run.code).toBe(1);
    // Rendering, which cannot be interrupted, may still finish first.
    expect(run.afterKill).toBeLessThan(20_000);
    expect(run.output).not.toMatch(/Service stopped|\n\s+at /);
    expect(await readdir(out)).toEqual(['marker']);
    expect(await readdir(join(work, 'built'))).toEqual(['_site']);
  });

  it('a process doing nothing but indexing reports it instead of exiting 13 (an unsettled await)', async () => {
    const script = [
      "import { loadArchive } from './src/archive/load-archive.ts';",
      "import { writeSearchIndex } from './src/search/build-index.ts';",
      `const archive = await loadArchive(${JSON.stringify(content)});`,
      `await writeSearchIndex(archive.issues, ${JSON.stringify(join(work, 'indexed'))}).catch((error) => {`,
      '  console.log(`${error.name}: ${error.message}`);',
      '});',
    ].join('\n');
    const run = await runAndKillPagefind(['--input-type=module', '--eval', script], {}, 10);
    expect(run.output).toContain(`SearchServiceDiedError: ${died}`);
    expect(run.code).toBe(0);
    expect(run.afterKill).toBeLessThan(5000);
    expect(run.output).not.toMatch(/Service stopped|\n\s+at /);
    expect((await readdir(work)).filter((name) => name.startsWith('indexed'))).toEqual([]);
  });
});
