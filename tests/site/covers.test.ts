import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { imageSize } from 'image-size';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/archive/load-archive.ts';
import { routes } from '../../src/core/routes.ts';
import type { Issue } from '../../src/model.ts';
import { coverCacheFile, prepareCovers } from '../../src/site/media/covers.ts';
import { coverRenderWidth, renderCover } from '../../src/site/media/cover-render.ts';
import { mediaArchive } from '../helpers/content.ts';
import { defined } from '../helpers/defined.ts';
import { runBuild, type BuildResult } from './helpers/build.ts';
import { sharedBundledSite } from './helpers/shared-site.ts';

/**
 * Covers: the media fixture's original PDF rendered to a cover at build time, cached by the PDF's
 * hash (a second build renders none, counted by the build's report and the cache file's mtime),
 * shown on home, year and issue pages as a responsive picture; a PDF that cannot be drawn warns
 * and falls back to the typographic cover, as the bundled issue (no original) shows.
 */
const archive = await loadArchive(mediaArchive, 'media-archive');
const issue: Issue = defined(archive.issues[0], 'the fixture issue');
const original = defined(issue.original, "the fixture issue's original");

let work: string;
let cache: string;
const builds: BuildResult[] = [];
let site: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'covers-'));
  cache = join(work, 'cache');
  site = join(work, 'site');
  for (let i = 0; i < 2; i++)
    builds.push(await runBuild(site, { CONTENT_DIR: mediaArchive, BULLETIN_CACHE_DIR: cache }));
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('rendering', () => {
  it('draws the first page of the fixture PDF as a JPEG of the cover width, A4-shaped', async () => {
    const cover = await renderCover(await readFile(original.sourcePath));
    const size = imageSize(Buffer.from(cover.jpeg));
    expect(size).toMatchObject({ type: 'jpg', width: coverRenderWidth, height: cover.height });
    // A4 is 210 × 297.
    expect(cover.height / cover.width).toBeCloseTo(297 / 210, 1);
  });

  it('leaves the built-ins of this thread as they were (pdf.js runs in a worker thread)', async () => {
    const builtIns = [JSON.stringify, Array.prototype.push, Array.prototype.at];
    await renderCover(await readFile(original.sourcePath));
    expect([JSON.stringify, Array.prototype.push, Array.prototype.at]).toEqual(builtIns);
  });

  it('rejects a damaged PDF with a reason in Chinese', async () => {
    await expect(renderCover(new TextEncoder().encode('%PDF-1.7\n这不是 PDF'))).rejects.toThrow(/PDF 无法读取/);
  });
});

describe('a build of the media fixture', () => {
  it('succeeds twice, rendering the cover the first time only', () => {
    for (const build of builds) expect(build.code, build.stderr).toBe(0);
    expect(builds[0]?.stdout).toContain('已由原刊 PDF 生成 1 张封面');
    expect(builds[1]?.stdout).not.toContain('封面');
  });

  it('keeps the cover in the picture cache, named by the PDF’s hash', async () => {
    const files = await readdir(join(cache, 'covers'));
    expect(files).toEqual([coverCacheFile(original, cache).split('/').at(-1)]);
  });

  it('shows the cover with its size and a Chinese alt naming the issue on home, year and issue pages', async () => {
    for (const path of [routes.home, routes.year(issue.year), issue.url]) {
      const html = await readFile(join(site, path, 'index.html'), 'utf8');
      const img = defined(/<div class="cover cover-picture">[\s\S]*?<img ([^>]*)>/.exec(html)?.[1], `cover on ${path}`);
      expect(img).toContain(`alt="《${issue.series}》2018年第1期(总第10期)封面"`);
      expect(img).toMatch(/width="960" height="13\d\d"/);
      const files = [...img.matchAll(/\/pictures\/[0-9a-f]+-(\d+)\.jpg/g)];
      expect(new Set(files.map((match) => match[1]))).toEqual(new Set(['480', '960']));
      for (const [file] of files) expect((await stat(join(site, file))).size).toBeGreaterThan(1000);
      expect(html).toMatch(/<source type="image\/avif" srcset="\/pictures\/[0-9a-f]+-480\.avif 480w/);
      expect(html).not.toContain('cover-type');
    }
  });
});

describe('prepareCovers', () => {
  it('renders each original once, then finds it in the cache without writing it again', async () => {
    const dir = join(work, 'prepare-cache');
    const first = await prepareCovers([issue], dir);
    expect(first.report).toEqual({ rendered: 1, cached: 0, warnings: [] });
    const file = coverCacheFile(original, dir);
    const written = (await stat(file)).mtimeMs;
    const second = await prepareCovers([issue], dir);
    expect(second.report).toEqual({ rendered: 0, cached: 1, warnings: [] });
    expect((await stat(file)).mtimeMs).toBe(written);
    expect(second.covers.get(issue.id)).toMatchObject({ format: 'jpeg', width: coverRenderWidth, sourcePath: file });
  });

  it('warns about a PDF it cannot draw and leaves that issue without a cover, the others with theirs', async () => {
    const broken = join(work, 'broken.pdf');
    await writeFile(broken, '%PDF-1.4\n1 0 obj << /Type /Catalog >>\n%%EOF\n');
    const damaged: Issue = {
      ...issue,
      id: '2018-02',
      number: 2,
      original: { ...original, sourcePath: broken, relativePath: '2018/2018-02.pdf', digest: 'f'.repeat(64) },
    };
    const { covers, report } = await prepareCovers([issue, damaged], join(work, 'broken-cache'));
    expect(covers.has(issue.id)).toBe(true);
    expect(covers.has(damaged.id)).toBe(false);
    expect(report.warnings).toHaveLength(1);
    // Named where it is: outside the folder the command runs in, in full.
    expect(report.warnings[0]?.startsWith(`原刊封面无法生成：${broken}（`)).toBe(true);
    expect(report.warnings[0]).toMatch(/）。该期改用文字封面/);
  });
});

describe('the bundled issue, which has no original', () => {
  it('shows a typographic cover (series, 年份 第N期, 总第N期, date) on home, year and issue pages', async () => {
    const { dir, result } = await sharedBundledSite();
    expect(result.code).toBe(0);
    const bundled = defined((await loadArchive('content')).issues[0], 'the bundled issue');
    for (const path of [routes.home, routes.year(bundled.year), bundled.url]) {
      const html = await readFile(join(dir, path, 'index.html'), 'utf8');
      const cover = defined(/<div class="cover cover-type"[\s\S]*?<\/div>/.exec(html)?.[0], path);
      expect(cover).toContain(`<span class="cover-series">${bundled.series}</span>`);
      expect(cover).toContain(`${bundled.year}年 第${bundled.number}期`);
      expect(cover).toContain(`总第${bundled.cumulativeNumber}期`);
      expect(cover).toContain(`datetime="${bundled.date}"`);
      expect(html).not.toContain('cover-picture');
    }
  });
});
