import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/archive/load-archive.ts';
import { writeGeneratedArchive } from '../../src/generate/archive.ts';
import { issueFileCache } from '../../src/pipeline/load.ts';
import { writeSearchIndex } from '../../src/search/build-index.ts';
import { previewSearchIndex, searchEditsFolder } from '../../src/search/edits-index.ts';
import { editsManifestFile } from '../../src/search/edits-merge.ts';
import { openPagefind } from '../../src/search/node-pagefind.ts';
import { searchArchive, type SearchRequest } from '../../src/search/query.ts';
import { bundledContent } from '../helpers/content.ts';

/**
 * The preview's edits bundle merged with the full index answers every query as a full index of
 * the edited archive would: the same articles in the same order, for each sort.
 */
describe('the edits bundle over the full index', () => {
  let work: string;
  let content: string;
  let site: string;
  /** The content as generated, to undo the edits with. */
  let original: string;
  const cache = issueFileCache();
  let index: ReturnType<typeof previewSearchIndex>;
  const load = async () => (await loadArchive(content, content, cache)).issues;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'edits-index-'));
    content = join(work, 'content');
    site = join(work, 'site');
    original = join(work, 'original');
    await writeGeneratedArchive({
      sourceDir: bundledContent,
      outDir: content,
      issues: 12,
      seed: 7,
      includeSource: true,
      media: false,
    });
    cpSync(content, original, { recursive: true });
    index = previewSearchIndex(site);
    expect(await index.writeEdits(await load())).toEqual({ kind: 'full-needed' });
    await index.writeFull(await load());
  }, 120_000);
  afterAll(() => rm(work, { recursive: true, force: true }));

  const urls = async (dir: string, request: SearchRequest, previewEdits: boolean) => {
    const loaded = await openPagefind(dir, { previewEdits });
    try {
      const results = await searchArchive(loaded.pagefind, request, loaded.context);
      return (await results.hits(0, results.total)).map((hit) => hit.url);
    } finally {
      await loaded.close();
    }
  };

  const queries: SearchRequest[] = [
    { query: '园区' },
    { query: '园区', sort: 'newest' },
    { query: '园区', sort: 'oldest' },
    { query: '生态 规划' },
    { query: '专家 OR 独一无二' },
    { query: '园区 -规划', sort: 'oldest' },
    { query: '独一无二的预览短语' },
    { query: '论证专家组由' },
    { query: '园区', titleOnly: true },
    // Long enough to be planned from the character counts (query-plan.ts).
    { query: '专家组在现场考察观看园区介绍视频听取规划汇报后' },
  ];

  it('finds an added phrase in the edited article only, not the removed one, and repeats none', async () => {
    const issueFile = join(content, '2018', '2018-01.md');
    writeFileSync(issueFile, readFileSync(issueFile, 'utf8').replace('论证专家组由', '独一无二的预览短语由'));
    // A whole issue gone: its articles leave the results.
    const year = readdirSync(content)
      .filter((name) => /^\d{4}$/.test(name) && name !== '2018')
      .sort()[0];
    const gone = join(content, year ?? '', readdirSync(join(content, year ?? '')).sort()[0] ?? '');
    rmSync(gone);
    const outcome = await index.writeEdits(await load());
    expect(outcome).toMatchObject({ kind: 'edits', pages: 1, unchanged: false });
    expect(outcome.kind === 'edits' && outcome.superseded).toBeGreaterThan(1);

    expect(await urls(site, { query: '独一无二的预览短语' }, true)).toEqual(['/2018/01/p1/']);
    // The generated issues recombine the bundled wording, so other articles keep the removed phrase.
    expect(await urls(site, { query: '论证专家组由' }, true)).not.toContain('/2018/01/p1/');
    // Without the bundle (a published site's search) the full index is as it was.
    expect(await urls(site, { query: '论证专家组由' }, false)).toContain('/2018/01/p1/');

    const reference = join(work, 'reference');
    await writeSearchIndex(await load(), reference);
    for (const request of queries) {
      const merged = await urls(site, request, true);
      expect(merged, JSON.stringify(request)).toEqual(await urls(reference, request, false));
      expect(new Set(merged).size).toBe(merged.length);
    }
  }, 120_000);

  it('writes nothing again for the same archive, and drops the bundle once the edits are undone', async () => {
    expect(await index.writeEdits(await load())).toMatchObject({ kind: 'edits', unchanged: true });
    rmSync(content, { recursive: true });
    cpSync(original, content, { recursive: true });
    expect(await index.writeEdits(await load())).toEqual({ kind: 'edits', pages: 0, superseded: 0, unchanged: false });
    expect(existsSync(join(site, searchEditsFolder, editsManifestFile))).toBe(false);
  }, 120_000);
});
