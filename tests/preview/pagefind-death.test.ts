import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeGeneratedArchive } from '../../src/generate/archive.ts';
import { openPagefind } from '../../src/search/node-pagefind.ts';
import { searchArchive } from '../../src/search/query.ts';
import { bundledContent, repoRoot } from '../helpers/content.ts';
import { defined } from '../helpers/defined.ts';
import { nextPagefindChild } from '../helpers/pagefind-process.ts';

const died = '更新检索索引失败：检索索引程序意外退出（可能内存不足）：Pagefind 进程被信号 SIGKILL 终止。';
const updated = '检索索引已更新。';

/**
 * The preview killed under its re-indexing, as the out-of-memory killer would. It runs in a folder
 * of its own: it watches `public/` relative to where it was started, so a stand-in `public/` there
 * makes the full rebuild a change of static files causes, without touching the project's files.
 */
describe('npm start when Pagefind dies while re-indexing', () => {
  const work = mkdtempSync(join(tmpdir(), 'preview-pagefind-death-'));
  const content = join(work, 'content');
  const out = join(work, '_site');
  const staticFile = join(work, 'public', 'note.txt');
  const issueFile = join(content, '2019', '2019-01.md');
  let preview: ChildProcess;
  let output = '';
  /** Pagefind processes already killed or seen: the next one is the next index. */
  const seen: number[] = [];

  /** Resolves once `text` has been printed `times` times; fails the test after `ms` with the log so far. */
  const printed = (text: string, times: number, ms = 30_000) =>
    new Promise<void>((resolve, reject) => {
      const deadline = Date.now() + ms;
      const poll = setInterval(() => {
        if (output.split(text).length - 1 >= times) {
          clearInterval(poll);
          resolve();
        } else if (Date.now() > deadline) {
          clearInterval(poll);
          reject(new Error(`${JSON.stringify(text)} not printed ${times} times within ${ms} ms; log:\n${output}`));
        }
      }, 20);
    });

  /**
   * Kills the preview's next Pagefind process as soon as it is there, or with `whileWriting` once
   * it writes the index (its folder beside the site exists): then the preview waits on that one
   * answer alone and sends nothing more, which is where it used to hang.
   */
  const killNextPagefind = async ({ whileWriting = false } = {}) => {
    const pid = defined(preview.pid, 'the preview process id');
    const pagefind = await nextPagefindChild(pid, seen);
    while (whileWriting && !readdirSync(work).some((name) => name.startsWith('_site.pagefind-')))
      await new Promise((resolve) => setTimeout(resolve, 5));
    seen.push(pagefind);
    process.kill(pagefind, 'SIGKILL');
  };
  /** Lets the next index run: its process is only remembered, so it is not taken for a later one. */
  const spareNextPagefind = async () =>
    seen.push(await nextPagefindChild(defined(preview.pid, 'the preview process id'), seen));

  const hits = async (query: string) => {
    // As the preview's search page: the full index with the edits bundle written after saves.
    const loaded = await openPagefind(out, { previewEdits: true });
    try {
      return (await searchArchive(loaded.pagefind, { query })).total;
    } finally {
      await loaded.close();
    }
  };

  beforeAll(async () => {
    // Text alone, as tests/search/pagefind-death.test.ts: Pagefind's death is the subject, and 20
    // issues' photos and covers made the first build take most of the first test's minute.
    await writeGeneratedArchive({ sourceDir: bundledContent, outDir: content, issues: 20, seed: 5, media: false });
    mkdirSync(join(work, 'public'));
    writeFileSync(staticFile, 'first');
    preview = spawn(
      process.execPath,
      [
        '--import',
        pathToFileURL(join(repoRoot, 'node_modules/tsx/dist/loader.mjs')).href,
        join(repoRoot, 'scripts/build.ts'),
        '--serve',
        '--out',
        out,
      ],
      { cwd: work, env: { ...process.env, CONTENT_DIR: content, PORT: '0', PATH_PREFIX: '' }, stdio: 'pipe' },
    );
    preview.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    preview.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  });

  afterAll(async () => {
    if (preview.exitCode === null && preview.signalCode === null) {
      const exited = once(preview, 'exit');
      preview.kill();
      await exited;
    }
    rmSync(work, { recursive: true, force: true });
  });

  it('reports it, tries again twice, then says search is stale until the next save', async () => {
    await killNextPagefind({ whileWriting: true });
    await printed(died, 1);
    expect(output).toContain('2 秒后重试（第 1 次，共 2 次）。');
    await killNextPagefind();
    await printed(died, 2);
    expect(output).toContain('8 秒后重试（第 2 次，共 2 次）。');
    await killNextPagefind();
    await printed('已重试 2 次仍未成功，搜索结果仍是上次成功更新时的内容；下次保存文件后会再试。', 1);
    expect(output).not.toContain(updated);
    expect(output).not.toMatch(/Service stopped|\n\s+at /);
  });

  it('still rebuilds after a change in public/ and indexes again', async () => {
    writeFileSync(staticFile, 'second');
    await printed('已更新（20 期', 2);
    await spareNextPagefind();
    await printed(updated, 1);
    expect(await hits('园区')).toBeGreaterThan(0);
  });

  it('a save stops a retry that is waiting, and its rebuild and index go through', async () => {
    appendFileSync(issueFile, '\n索引重试标记段落。\n');
    await printed('已更新（20 期', 3);
    await killNextPagefind();
    await printed(died, 4);
    await killNextPagefind();
    await printed(died, 5);
    // Now it waits 8 s to try again. A change to a static file renders everything, which first
    // waits for the index job to end: that wait must end the job, not sit out its 8 s.
    writeFileSync(staticFile, 'third');
    await printed('已更新（20 期', 4, 5000);
    await spareNextPagefind();
    await printed(updated, 2);
    expect(await hits('索引重试标记')).toBe(1);
    expect(output).not.toMatch(/Service stopped|\n\s+at /);
  });
});
