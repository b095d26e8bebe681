import { cpSync, mkdtempSync, renameSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mediaArchive, repoRoot } from '../helpers/content.ts';
import { spawnBuild, spawnCommand } from './helpers/build.ts';

const work = mkdtempSync(join(tmpdir(), 'bulletin-picture-failure-'));
afterAll(() => rm(work, { recursive: true, force: true }));

describe('a picture that cannot be processed', () => {
  it('fails the build with the file named, exits, and leaves the previous site as it was', async () => {
    const content = join(work, 'content');
    cpSync(mediaArchive, content, { recursive: true });
    const out = join(work, 'site');
    const env = { CONTENT_DIR: content, BULLETIN_CACHE_DIR: join(work, 'cache') };
    const first = await spawnBuild(out, env);
    expect(first.code, first.stderr).toBe(0);
    // Three photos (one figure of one, and one of two side by side) and the cover rendered from the original.
    expect(first.stdout).toContain('正在处理 4 张新图片（0 张已处理过，取自缓存）');
    const page = await readFile(join(out, '2018/01/p1/index.html'), 'utf8');

    // A copy cut short: the header (and so the check) is fine, the pixels are not all there.
    const meeting = join(content, '2018/2018-01/meeting.jpg');
    await writeFile(meeting, (await readFile(meeting)).subarray(0, 2000));
    // Run beside a content folder of another name, the message names it as the editor gave it.
    renameSync(content, join(work, 'bulletin'));
    const second = await spawnCommand(
      process.execPath,
      [
        '--import',
        join(repoRoot, 'node_modules/tsx/dist/loader.mjs'),
        join(repoRoot, 'scripts/build.ts'),
        '--out',
        out,
      ],
      { ...env, CONTENT_DIR: 'bulletin' },
      work,
    );
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('图片无法处理：bulletin/2018/2018-01/meeting.jpg');
    expect(second.stderr).not.toContain('content/');
    expect(second.stderr).toContain('保持不变');
    expect(second.stderr).not.toMatch(/\n\s+at /);
    expect(await readFile(join(out, '2018/01/p1/index.html'), 'utf8')).toBe(page);
  });
});
