import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { issueFileCache } from '../../src/pipeline/load.ts';
import { loadArchive } from '../../src/archive/load-archive.ts';
import { makeContentDir, masthead, minimalBody } from '../helpers/content.ts';

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
