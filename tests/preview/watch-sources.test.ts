import { mkdirSync, mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ignoredSource, watchSources, type SourceWatcher } from '../../src/preview/watch-sources.ts';
import { defined } from '../helpers/defined.ts';

describe('ignoredSource', () => {
  const ignored = ignoredSource(['/home/editor/.work/site/content']);
  it('skips editor leftovers and dot-folders below the root, not above it', () => {
    expect(ignored('/home/editor/.work/site/content')).toBe(false);
    expect(ignored('/home/editor/.work/site/content/2018/2018-01.md')).toBe(false);
    for (const leftover of [
      '2018/.2018-01.md.swp',
      '2018/2018-01.md~',
      '2018/4913',
      '2018/#2018-01.md#',
      '.git/index',
      '2018/.DS_Store',
    ]) {
      expect(ignored(`/home/editor/.work/site/content/${leftover}`), leftover).toBe(true);
    }
  });
});

describe('watchSources', () => {
  const root = mkdtempSync(join(tmpdir(), 'bulletin-watch-'));
  const content = join(root, 'content');
  const templates = join(root, 'templates');
  const batches: string[][] = [];
  let wake = () => {};
  let watcher: SourceWatcher;

  /** The next batch after the call; earlier batches are dropped. */
  const nextBatch = async (act: () => void): Promise<string[]> => {
    batches.length = 0;
    const arrived = new Promise<void>((resolve) => (wake = resolve));
    act();
    await arrived;
    return defined(batches.shift(), 'a batch of changes');
  };

  beforeAll(async () => {
    mkdirSync(join(content, '2018'), { recursive: true });
    mkdirSync(templates);
    writeFileSync(join(content, '2018/2018-01.md'), 'v1');
    writeFileSync(join(content, '2018/2018-02.md'), 'v1');
    writeFileSync(join(templates, 'issue.njk'), 'v1');
    watcher = await watchSources(
      [content, templates],
      (changed) => {
        batches.push(changed);
        wake();
      },
      { quietMs: 100 },
    );
  });

  afterAll(async () => {
    await watcher?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('reports a burst of saves once, with every file changed', async () => {
    const batch = await nextBatch(() => {
      writeFileSync(join(content, '2018/2018-01.md'), 'v2');
      writeFileSync(join(content, '2018/2018-02.md'), 'v2');
      writeFileSync(join(templates, 'issue.njk'), 'v2');
    });
    expect(batch.sort()).toEqual([
      join(content, '2018/2018-01.md'),
      join(content, '2018/2018-02.md'),
      join(templates, 'issue.njk'),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(batches).toEqual([]);
  });

  it('keeps following a file saved by rename, as sed -i and vim save', async () => {
    const file = join(content, '2018/2018-01.md');
    // sed -i: a temporary file beside it, renamed over it.
    const sed = await nextBatch(() => {
      writeFileSync(join(content, '2018/sedAbC123'), 'v3');
      renameSync(join(content, '2018/sedAbC123'), file);
    });
    expect(sed).toContain(file);
    // vim (writebackup): probe file 4913, the original renamed to a backup, a new file, the backup removed.
    const vim = await nextBatch(() => {
      writeFileSync(join(content, '2018/4913'), '');
      unlinkSync(join(content, '2018/4913'));
      renameSync(file, `${file}~`);
      writeFileSync(file, 'v4');
      unlinkSync(`${file}~`);
    });
    expect(vim).toContain(file);
    expect(vim.filter((path) => path.endsWith('~') || path.endsWith('4913'))).toEqual([]);
    // And the file is still watched after being replaced twice.
    expect(await nextBatch(() => writeFileSync(file, 'v5'))).toEqual([file]);
  });

  it('picks up a new year folder and files saved in it', async () => {
    const added = await nextBatch(() => {
      mkdirSync(join(content, '2019'));
      writeFileSync(join(content, '2019/2019-01.md'), 'v1');
    });
    expect(added).toContain(join(content, '2019/2019-01.md'));
    expect(await nextBatch(() => writeFileSync(join(content, '2019/2019-01.md'), 'v2'))).toEqual([
      join(content, '2019/2019-01.md'),
    ]);
  });

  it('ignores swap files and dot-folders', async () => {
    batches.length = 0;
    mkdirSync(join(content, '.git'));
    writeFileSync(join(content, '.git/index'), 'x');
    writeFileSync(join(content, '2018/.2018-01.md.swp'), 'x');
    writeFileSync(join(content, '2018/2018-01.md~'), 'x');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(batches).toEqual([]);
  });
});
