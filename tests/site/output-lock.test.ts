import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockOutputFolder } from '../../src/site/output-lock.ts';

const work = await mkdtemp(join(tmpdir(), 'output-lock-'));
afterAll(() => rm(work, { recursive: true, force: true }));

const holderLine = (command: string) =>
  `${JSON.stringify({ pid: process.pid, host: hostname(), command, started: '2026-12-08T00:00:00.000Z' })}\n`;

describe('lockOutputFolder', () => {
  it('takes a free folder and releases it', async () => {
    const lock = join(work, 'free.lock');
    const release = await lockOutputFolder(lock, 'free', 'npm run build');
    expect(JSON.parse(await readFile(lock, 'utf8'))).toMatchObject({ pid: process.pid, command: 'npm run build' });
    release();
    await expect(readFile(lock, 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('names the other build even when it is still writing its lock (created, not yet filled)', async () => {
    const lock = join(work, 'racing.lock');
    await writeFile(lock, '');
    setTimeout(() => void writeFile(lock, holderLine('npm start')), 100);
    await expect(lockOutputFolder(lock, 'racing', 'npm run build')).rejects.toThrow(
      new RegExp(`racing/ 正被另一个 npm start（进程 ${process.pid}，`),
    );
  });

  it('calls a lock it cannot read another program’s, and leaves it', async () => {
    const lock = join(work, 'damaged.lock');
    await writeFile(lock, 'not a lock');
    await expect(lockOutputFolder(lock, 'damaged', 'npm run build')).rejects.toThrow(/damaged\/ 正被另一个程序使用/);
    expect(await readFile(lock, 'utf8')).toBe('not a lock');
  });
});
