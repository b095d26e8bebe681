import { mkdtempSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeGeneratedArchive } from '../../src/generate/archive.ts';
import { outputFile } from '../../src/core/routes.ts';
import { sameData } from '../../src/site/incremental.ts';
import { bundledContent } from '../helpers/content.ts';
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
    const report = await editAndRepublish(content, work);
    expect(report.reparsed).toEqual([report.edited]);
    // The edited issue's articles and the neighbours whose links name the new title.
    expect(report.renderedArticles).toBeLessThan(report.articles / 2);
    expect(report.removed).toEqual([outputFile(report.deletedArticle)]);

    const [incremental, complete] = await Promise.all([
      siteFiles(join(work, 'preview')),
      siteFiles(join(work, 'full')),
    ]);
    expect([...incremental.keys()].sort()).toEqual([...complete.keys()].sort());
    for (const [path, body] of complete) expect(incremental.get(path), path).toBe(body);
  });
});
