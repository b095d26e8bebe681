import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/archive/load-archive.ts';
import { searchIndexFolder, writeSearchIndex } from '../../src/search/build-index.ts';
import { openPagefind } from '../../src/search/node-pagefind.ts';
import { searchArchive } from '../../src/search/query.ts';
import { bundledContent } from '../helpers/content.ts';

const work = await mkdtemp(join(tmpdir(), 'node-pagefind-'));
afterAll(() => rm(work, { recursive: true, force: true }));

describe('openPagefind', () => {
  it('counts every file Pagefind fetched, in request order, at its size on disk', async () => {
    const site = join(work, 'site');
    await writeSearchIndex((await loadArchive(bundledContent)).issues, site);
    const loaded = await openPagefind(site);
    try {
      const results = await searchArchive(loaded.pagefind, { query: '泰州' });
      expect(results.total).toBeGreaterThan(0);
      await results.hits(0, 1);
      const { files, bytes } = loaded.transfer();
      const paths = [...files.keys()];
      expect(paths[0]).toBe(`/${searchIndexFolder}/pagefind.js`);
      expect(paths.some((path) => path.endsWith('.pf_meta'))).toBe(true);
      expect(paths.some((path) => path.includes('/fragment/'))).toBe(true);
      for (const [path, size] of files) expect(size, path).toBe((await stat(join(site, path))).size);
      expect(bytes).toBe([...files.values()].reduce((sum, size) => sum + size, 0));
    } finally {
      await loaded.close();
    }
  });
});
