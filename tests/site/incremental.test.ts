import { cpSync, mkdtempSync } from 'node:fs';
import { readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeGeneratedArchive } from '../../src/generate/archive.ts';
import { citationFormats, outputFile } from '../../src/core/routes.ts';
import sharp from 'sharp';
import { loadArchive } from '../../src/archive/load-archive.ts';
import { issueFileCache } from '../../src/pipeline/load.ts';
import { sameData } from '../../src/site/incremental.ts';
import { publishSite } from '../../src/site/publish.ts';
import { readSettings } from '../../src/site/settings.ts';
import { bundledContent, mediaArchive } from '../helpers/content.ts';
import { editAndRepublish } from './helpers/edit-and-republish.ts';

const work = mkdtempSync(join(tmpdir(), 'bulletin-incremental-'));
afterAll(() => rm(work, { recursive: true, force: true }));

async function siteFiles(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const files = new Map<string, string>();
  for (const entry of entries.filter((e) => e.isFile())) {
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path), await readFile(path, 'utf8'));
  }
  return files;
}

describe('sameData', () => {
  it('compares model data deeply, by identity first', () => {
    const shared = { a: [1, { b: '2' }] };
    expect(sameData(shared, shared)).toBe(true);
    expect(sameData({ x: [1, { b: '2' }], y: undefined }, { x: [1, { b: '2' }], y: undefined })).toBe(true);
    expect(sameData({ x: [1, { b: '2' }] }, { x: [1, { b: '3' }] })).toBe(false);
    expect(sameData({ x: 1 }, { x: 1, y: 2 })).toBe(false);
    expect(sameData({ x: 1, z: 2 }, { x: 1, y: 2 })).toBe(false);
    expect(sameData([1], { 0: 1 })).toBe(false);
    expect(sameData(undefined, {})).toBe(false);
  });
});

describe('outputFile', () => {
  it('maps a page address to the file Eleventy writes', () => {
    expect(outputFile('/2018/01/p3/')).toBe('2018/01/p3/index.html');
    expect(outputFile('/api/issues/2018-01.json')).toBe('api/issues/2018-01.json');
  });
});

describe('a preview rebuild of the changed pages only', () => {
  it('gives the same site as a full build after a title changes and an article goes', async () => {
    const content = join(work, 'content');
    await writeGeneratedArchive({
      sourceDir: bundledContent,
      outDir: content,
      issues: 4,
      seed: 7,
      includeSource: true,
    });
    // Files written in the last two seconds have no stamp yet (src/pipeline/load.ts) and are read
    // again at the next load; made a minute ago, only the edit below counts as a change.
    const minuteAgo = new Date(Date.now() - 60_000);
    for (const entry of await readdir(content, { withFileTypes: true, recursive: true }))
      if (entry.isFile()) await utimes(join(entry.parentPath, entry.name), minuteAgo, minuteAgo);
    const report = await editAndRepublish(content, work);
    expect(report.reparsed).toEqual([report.edited]);
    // The edited issue's articles and the neighbours whose links name the new title.
    expect(report.renderedArticles).toBeLessThan(report.articles / 2);
    // The deleted article's page and the reference files beside it.
    expect(report.removed).toEqual([
      outputFile(report.deletedArticle),
      ...citationFormats.map((format) => outputFile(`${report.deletedArticle}cite.${format}`)),
    ]);

    const [incremental, complete] = await Promise.all([
      siteFiles(join(work, 'preview')),
      siteFiles(join(work, 'full')),
    ]);
    expect([...incremental.keys()].sort()).toEqual([...complete.keys()].sort());
    for (const [path, body] of complete) expect(incremental.get(path), path).toBe(body);
  });
});

describe('a preview rebuild after a picture or the original changes', () => {
  it('places the new picture’s files, removes the old ones, copies the new PDF, and equals a full build', async () => {
    const content = join(work, 'media-content');
    cpSync(mediaArchive, content, { recursive: true });
    const settings = readSettings({});
    const pictureCache = join(work, 'media-cache');
    const cache = issueFileCache();
    const before = await loadArchive(content, content, cache);
    const preview = join(work, 'media-preview');
    const first = await publishSite(before, preview, { settings, index: 'later', pictureCache });
    const oldFiles = (await readdir(join(preview, 'pictures'))).sort();

    // The same size, other pixels: only the content tells the pictures apart.
    const meeting = join(content, '2018/2018-01/meeting.jpg');
    await writeFile(
      meeting,
      await sharp({ create: { width: 900, height: 560, channels: 3, background: '#c04020' } })
        .jpeg()
        .toBuffer(),
    );
    const pdf = join(content, '2018/2018-01.pdf');
    const pdfBytes = await readFile(pdf);
    await writeFile(pdf, Buffer.concat([pdfBytes, Buffer.from('\n% appended\n')]));

    const after = await loadArchive(content, content, cache);
    await publishSite(after, preview, { settings, index: 'later', changedSince: first.data, pictureCache });
    const full = join(work, 'media-full');
    await publishSite(after, full, { settings, index: 'later', pictureCache });

    const newFiles = (await readdir(join(preview, 'pictures'))).sort();
    expect(newFiles).not.toEqual(oldFiles);
    // The meeting photo's 6 files are new, and so are the cover's (the PDF changed); the other two
    // photos' (one figure's two) stay: 12 of 24.
    expect(oldFiles).toHaveLength(24);
    expect(newFiles.filter((name) => oldFiles.includes(name))).toHaveLength(12);
    expect(await readFile(join(preview, '2018/01/2018-01.pdf'))).toEqual(await readFile(pdf));
    const [incremental, complete] = await Promise.all([siteFiles(preview), siteFiles(full)]);
    expect([...incremental.keys()].filter((path) => !path.startsWith('pagefind/')).sort()).toEqual(
      [...complete.keys()].filter((path) => !path.startsWith('pagefind/')).sort(),
    );
    for (const [path, body] of complete)
      if (!path.startsWith('pagefind/')) expect(incremental.get(path), path).toBe(body);
  });
});
