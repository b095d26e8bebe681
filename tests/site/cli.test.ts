import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnBuild } from './helpers/build.ts';
import { writeBrokenContent } from './helpers/fixture-content.ts';

const work = await mkdtemp(join(tmpdir(), 'build-cli-'));
afterAll(() => rm(work, { recursive: true, force: true }));

/** The other site tests build in-process; these run the command itself, once each way. */
describe('npm run build, the command', () => {
  it('builds the bundled content and says where', async () => {
    const out = join(work, 'site');
    const result = await spawnBuild(out, { CONTENT_DIR: '' });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/已生成 .*site\/（1 期，用时 [\d.]+ 秒）。/);
    expect(await readFile(join(out, 'index.html'), 'utf8')).toContain('<html lang="zh-CN">');
    expect(existsSync(join(out, 'pagefind/pagefind.js'))).toBe(true);
  });

  it('exits 1 on a content error with path:line:col lines and no stack trace', async () => {
    const content = join(work, 'broken');
    await writeBrokenContent(content);
    const result = await spawnBuild(join(work, 'broken-site'), { CONTENT_DIR: content });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/2018-01\.md:\d+:\d+ {2}error {2}.+ {2}\(empty-article\)/);
    expect(result.stderr).not.toMatch(/^\s+at |Error:/m);
    expect(existsSync(join(work, 'broken-site'))).toBe(false);
  });
});
