import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { issueFileCache } from '../../src/pipeline/load.ts';
import { loadArchive } from '../../src/archive/load-archive.ts';
import { makeContentDir, masthead, minimalBody } from '../helpers/content.ts';
import { pdf, png } from '../helpers/media-files.ts';

const parks = `- id: taizhou\n  name: 泰州医药高新技术产业开发区\n  aliases: [泰州医药高新区]\n  province: 江苏省\n  city: 泰州市\n`;

function archiveDir(): string {
  return makeContentDir({
    'parks.yaml': parks,
    '2018/2018-01.md': masthead() + minimalBody.replace('正文第一段。', '泰州医药高新区于2018年2月5日通过验收。'),
    '2018/2018-02.md': masthead({ number: 2, cumulativeNumber: 11, date: '2018-07-29' }) + minimalBody,
  });
}

const issueById = (archive: Awaited<ReturnType<typeof loadArchive>>, id: string) =>
  archive.issues.find((issue) => issue.id === id);

describe('loadArchive with a cache (the preview)', () => {
  it('keeps the objects of files that did not change, and processes the edited one', async () => {
    const dir = archiveDir();
    const cache = issueFileCache();
    const first = await loadArchive(dir, dir, cache);
    const enrichments = cache.enrichments;
    writeFileSync(
      join(dir, '2018/2018-02.md'),
      masthead({ number: 2, cumulativeNumber: 11, date: '2018-07-29' }) + minimalBody.replace('第一段', '第二段'),
    );
    const second = await loadArchive(dir, dir, cache);
    expect(issueById(second, '2018-01')).toBe(issueById(first, '2018-01'));
    expect(issueById(second, '2018-02')).not.toBe(issueById(first, '2018-02'));
    expect(issueById(second, '2018-02')?.sections[0]?.articles[0]?.text).toContain('正文第二段');
    // The gazetteer (the parks enrichment) is kept while parks.yaml is unchanged.
    expect(cache.enrichments).toBe(enrichments);
  });

  it('sees an edit that keeps the size and the modification time', async () => {
    const dir = archiveDir();
    const file = join(dir, '2018/2018-02.md');
    const cache = issueFileCache();
    await loadArchive(dir, dir, cache);
    const stamp = new Date('2020-01-01T00:00:00Z');
    utimesSync(file, stamp, stamp);
    await loadArchive(dir, dir, cache);
    writeFileSync(
      file,
      masthead({ number: 2, cumulativeNumber: 11, date: '2018-07-29' }) + minimalBody.replace('第一段', '第九段'),
    );
    utimesSync(file, stamp, stamp);
    const edited = await loadArchive(dir, dir, cache);
    expect(issueById(edited, '2018-02')?.sections[0]?.articles[0]?.text).toContain('正文第九段');
  });

  it('keeps the object when a file is saved again unchanged', async () => {
    const dir = archiveDir();
    const file = join(dir, '2018/2018-02.md');
    const cache = issueFileCache();
    const first = await loadArchive(dir, dir, cache);
    writeFileSync(file, masthead({ number: 2, cumulativeNumber: 11, date: '2018-07-29' }) + minimalBody);
    expect(issueById(await loadArchive(dir, dir, cache), '2018-02')).toBe(issueById(first, '2018-02'));
  });

  it('starts over when the gazetteer changes, and gives the same archive as a fresh load', async () => {
    const dir = archiveDir();
    const cache = issueFileCache();
    const first = await loadArchive(dir, dir, cache);
    expect(first.parks[0]?.milestones.map((m) => m.date)).toEqual(['2018-02-05']);
    const enrichments = cache.enrichments;
    writeFileSync(join(dir, 'parks.yaml'), parks.replace('aliases: [泰州医药高新区]', 'aliases: []'));
    const second = await loadArchive(dir, dir, cache);
    expect(cache.enrichments).not.toBe(enrichments);
    expect(issueById(second, '2018-01')).not.toBe(issueById(first, '2018-01'));
    expect(second.parks[0]?.milestones).toEqual([]);
    expect(second).toEqual(await loadArchive(dir, dir));
  });
});

describe('loadArchive with a cache, when pictures and originals change', () => {
  const old = new Date('2020-01-01T00:00:00Z');
  /** Writes a file and dates it back, so that its stamp is taken at once (not after the two-second wait). */
  const put = (dir: string, path: string, data: string | Uint8Array) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), data);
    utimesSync(join(dir, path), old, old);
  };
  const withMedia = () => {
    const dir = makeContentDir({});
    put(dir, '2018/2018-01.md', masthead() + minimalBody.replace('正文第一段。', '![会场](2018-01/a.png)'));
    put(dir, '2018/2018-01/a.png', png(400, 300));
    return dir;
  };
  const figureOf = (archive: Awaited<ReturnType<typeof loadArchive>>) =>
    issueById(archive, '2018-01')?.sections[0]?.articles[0]?.figures[0]?.pictures[0];

  it('keeps the issue while its picture and where its original would be stay as they were', async () => {
    const dir = withMedia();
    const cache = issueFileCache();
    const first = await loadArchive(dir, dir, cache);
    expect(figureOf(first)?.image?.width).toBe(400);
    expect(issueById(await loadArchive(dir, dir, cache), '2018-01')).toBe(issueById(first, '2018-01'));
  });

  it('reads the issue again when its picture changes, goes or comes back', async () => {
    const dir = withMedia();
    const cache = issueFileCache();
    await loadArchive(dir, dir, cache);
    put(dir, '2018/2018-01/a.png', png(800, 600));
    expect(figureOf(await loadArchive(dir, dir, cache))?.image?.width).toBe(800);
    rmSync(join(dir, '2018/2018-01/a.png'));
    const gone = await loadArchive(dir, dir, cache);
    expect(gone.diagnostics.map((d) => d.rule)).toEqual(['picture-missing']);
    put(dir, '2018/2018-01/a.png', png(500, 300));
    expect(figureOf(await loadArchive(dir, dir, cache))?.image?.width).toBe(500);
  });

  it('reads the issue again when the second picture of a figure with two changes', async () => {
    const dir = makeContentDir({});
    put(
      dir,
      '2018/2018-01.md',
      masthead() + minimalBody.replace('正文第一段。', '![会场](2018-01/a.png) ![](2018-01/b.png)'),
    );
    put(dir, '2018/2018-01/a.png', png(400, 300));
    put(dir, '2018/2018-01/b.png', png(400, 300));
    const cache = issueFileCache();
    const second = (archive: Awaited<ReturnType<typeof loadArchive>>) =>
      issueById(archive, '2018-01')?.sections[0]?.articles[0]?.figures[0]?.pictures[1];
    expect(second(await loadArchive(dir, dir, cache))?.image?.width).toBe(400);
    put(dir, '2018/2018-01/b.png', png(600, 300));
    expect(second(await loadArchive(dir, dir, cache))?.image?.width).toBe(600);
  });

  it('reads the issue again when its original comes, changes or goes', async () => {
    const dir = withMedia();
    const cache = issueFileCache();
    expect(issueById(await loadArchive(dir, dir, cache), '2018-01')?.original).toBeUndefined();
    put(dir, '2018/2018-01.pdf', pdf(2));
    expect(issueById(await loadArchive(dir, dir, cache), '2018-01')?.original?.pages).toBe(2);
    put(dir, '2018/2018-01.pdf', pdf(5));
    expect(issueById(await loadArchive(dir, dir, cache), '2018-01')?.original?.pages).toBe(5);
    rmSync(join(dir, '2018/2018-01.pdf'));
    expect(issueById(await loadArchive(dir, dir, cache), '2018-01')?.original).toBeUndefined();
  });
});
