import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type * as FsPromises from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadArchive } from '../../src/archive/load-archive.ts';
import { issueFileCache } from '../../src/pipeline/load.ts';
import { makeContentDir, masthead, minimalBody } from '../helpers/content.ts';

/** Files to delete for real just before loadArchive stats them: after the listing, before the stat. */
const removeBeforeStat = new Set<string>();

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  const stat = (async (path: string, options?: object) => {
    if (removeBeforeStat.delete(String(path))) rmSync(path);
    return actual.stat(path, options);
  }) as typeof actual.stat;
  return { ...actual, stat, default: { ...actual, stat } };
});

const second = masthead({ number: 2, cumulativeNumber: 11, date: '2018-07-29' }) + minimalBody;

function archiveDir(): string {
  return makeContentDir({ '2018/2018-01.md': masthead() + minimalBody, '2018/2018-02.md': second });
}

const ids = (archive: Awaited<ReturnType<typeof loadArchive>>) => archive.issues.map((issue) => issue.id).sort();

describe('loadArchive while files vanish (the preview loads during saves)', () => {
  it('treats a file deleted after the listing, before its stat, as absent', async () => {
    const dir = archiveDir();
    removeBeforeStat.add(join(dir, '2018/2018-02.md'));
    const archive = await loadArchive(dir, dir, issueFileCache());
    expect(existsSync(join(dir, '2018/2018-02.md'))).toBe(false);
    expect(ids(archive)).toEqual(['2018-01']);
    expect(archive.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it(
    'treats a file deleted or renamed after its stat, before its read, as absent, ' +
      'and finds it again at the next load',
    async () => {
      const dir = archiveDir();
      const cache = issueFileCache();
      // Issues are read in path order: while 2018-01 is handed over, 2018-02 is listed but not read yet.
      const renamed = await loadArchive(dir, dir, cache, {
        onIssue: (issue) => {
          if (issue.id === '2018-01') renameSync(join(dir, '2018/2018-02.md'), join(dir, '2018/2018-02.md.bak'));
        },
      });
      expect(ids(renamed)).toEqual(['2018-01']);
      renameSync(join(dir, '2018/2018-02.md.bak'), join(dir, '2018/2018-02.md'));
      expect(ids(await loadArchive(dir, dir, cache))).toEqual(['2018-01', '2018-02']);

      const deleted = await loadArchive(dir, dir, cache, {
        onIssue: (issue) => {
          if (issue.id === '2018-01') rmSync(join(dir, '2018/2018-02.md'));
        },
      });
      expect(ids(deleted)).toEqual(['2018-01']);
      writeFileSync(join(dir, '2018/2018-02.md'), second);
      expect(ids(await loadArchive(dir, dir, cache))).toEqual(['2018-01', '2018-02']);
    },
  );
});
