import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { pictureWidths, thumbnailFileName } from '../../src/core/picture-recipe.ts';
import { routes } from '../../src/core/routes.ts';
import type { FigureImage } from '../../src/model.ts';
import { bytesDigest } from '../../src/pipeline/media/digest.ts';
import { fileSizeLabel, originalDownloadLabel } from '../../src/site/labels.ts';
import { fillPictureCache, forgetCacheFiles, PictureProcessingError } from '../../src/site/media/picture-cache.ts';
import { planPicture } from '../../src/site/media/picture-plan.ts';
import { placeMedia } from '../../src/site/media/place-media.ts';

const work = mkdtempSync(join(tmpdir(), 'bulletin-media-'));
afterAll(() => rm(work, { recursive: true, force: true }));

let made = 0;
/** A real JPEG (or PNG) of this size, written into the work folder, with its model entry. */
async function picture(width: number, height: number, format: 'jpeg' | 'png' = 'jpeg'): Promise<FigureImage> {
  const image = sharp({ create: { width, height, channels: 3, background: { r: 40 + made * 10, g: 120, b: 200 } } });
  const data = format === 'jpeg' ? await image.jpeg().toBuffer() : await image.png().toBuffer();
  const sourcePath = join(work, `picture-${made++}.${format === 'jpeg' ? 'jpg' : 'png'}`);
  writeFileSync(sourcePath, data);
  return { sourcePath, relativePath: 'x', format, width, height, bytes: data.length, digest: bytesDigest(data) };
}

const widthsOf = (set: ReturnType<typeof planPicture>, extension: string) =>
  set.files.filter((file) => file.fileName.endsWith(`.${extension}`)).map((file) => file.width);

describe('planPicture: the files a picture becomes, from its size alone', () => {
  it('makes AVIF, WebP and JPEG at each width up to the original, and the original width itself', async () => {
    const set = planPicture(await picture(1000, 600));
    for (const extension of ['avif', 'webp', 'jpg']) expect(widthsOf(set, extension)).toEqual([480, 960, 1000]);
    expect([set.width, set.height]).toEqual([1000, 600]);
    expect(set.sources.map((source) => source.type)).toEqual(['image/avif', 'image/webp']);
    expect(set.fallback.type).toBe('image/jpeg');
    expect(set.full).toMatch(/^\/pictures\/[0-9a-f]{20}-1000\.jpg$/);
    expect(set.thumbnail).toMatch(/-480\.jpg$/);
    expect(set.fallback.srcset).toBe(
      [480, 960, 1000].map((width) => `${set.full.replace('-1000.', `-${width}.`)} ${width}w`).join(', '),
    );
  });

  it('never enlarges a small picture, and keeps the widest at the largest width', async () => {
    expect(widthsOf(planPicture(await picture(300, 200)), 'jpg')).toEqual([300]);
    expect(widthsOf(planPicture(await picture(3000, 2000)), 'jpg')).toEqual(pictureWidths);
  });

  it('keeps PNG (drawings, transparency) as the fallback of a PNG', async () => {
    const set = planPicture(await picture(600, 400, 'png'));
    expect(set.fallback.type).toBe('image/png');
    expect(set.full).toMatch(/-600\.png$/);
  });

  it('names the files by content: another picture, other names; the same bytes elsewhere, the same names', async () => {
    const a = await picture(800, 500);
    const b = await picture(800, 500);
    expect(planPicture(a).full).not.toBe(planPicture(b).full);
    expect(planPicture({ ...a, sourcePath: '/elsewhere.jpg', relativePath: 'y' }).full).toBe(planPicture(a).full);
  });

  it('agrees with the search records on the thumbnail', async () => {
    for (const image of [await picture(800, 500), await picture(320, 200), await picture(500, 500, 'png')])
      expect(planPicture(image).thumbnail).toBe(routes.picture(thumbnailFileName(image)));
  });
});

describe('fillPictureCache: each picture is made once', () => {
  it('makes every planned file, real images of the planned sizes, then finds them all cached', async () => {
    const cache = join(work, 'cache-a');
    const image = await picture(1200, 800);
    const set = planPicture(image);
    expect(await fillPictureCache([{ image, set, shown: 'a.jpg' }], cache)).toEqual({ made: 1, cached: 0 });
    for (const file of set.files) {
      const meta = await sharp(join(cache, file.fileName)).metadata();
      expect([meta.width, meta.height]).toEqual([file.width, file.height]);
      const extension = file.fileName.split('.').pop();
      // sharp names AVIF by its container, HEIF.
      expect(meta.format).toBe({ jpg: 'jpeg', avif: 'heif', webp: 'webp' }[extension ?? '']);
    }
    const stamps = readdirSync(cache).map((name) => [name, statSync(join(cache, name)).mtimeMs]);
    expect(await fillPictureCache([{ image, set, shown: 'a.jpg' }], cache)).toEqual({ made: 0, cached: 1 });
    expect(readdirSync(cache).map((name) => [name, statSync(join(cache, name)).mtimeMs])).toEqual(stamps);
    expect(readdirSync(cache).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('leaves no cache folder behind for an archive without pictures', async () => {
    const cache = join(work, 'cache-none');
    expect(await fillPictureCache([], cache)).toEqual({ made: 0, cached: 0 });
    await expect(stat(cache)).rejects.toThrow(/ENOENT/);
  });

  it('makes a picture again when one of its files is missing or empty (an interrupted build)', async () => {
    const cache = join(work, 'cache-b');
    const image = await picture(700, 500);
    const set = planPicture(image);
    await fillPictureCache([{ image, set, shown: 'b.jpg' }], cache);
    const [first, second] = set.files;
    // Each later build is a new process, which knows nothing of the cache yet.
    await rm(join(cache, first?.fileName ?? ''));
    forgetCacheFiles();
    expect((await fillPictureCache([{ image, set, shown: 'b.jpg' }], cache)).made).toBe(1);
    await writeFile(join(cache, second?.fileName ?? ''), '');
    forgetCacheFiles();
    expect((await fillPictureCache([{ image, set, shown: 'b.jpg' }], cache)).made).toBe(1);
    expect((await stat(join(cache, second?.fileName ?? ''))).size).toBeGreaterThan(0);
  });

  it('in one process (the preview) checks a cache file once; one deleted meanwhile fails placing', async () => {
    const cache = join(work, 'cache-d');
    const image = await picture(800, 600);
    const set = planPicture(image);
    const toMake = [{ image, set, shown: 'd.jpg' }];
    expect(await fillPictureCache(toMake, cache)).toEqual({ made: 1, cached: 0 });
    const [first] = set.files;
    await rm(join(cache, first?.fileName ?? ''));
    // Not looked at again: the file is taken to be there.
    expect(await fillPictureCache(toMake, cache)).toEqual({ made: 0, cached: 1 });
    const site = join(work, 'site-d');
    const files = set.files.map((file) => ({
      path: `/pictures/${file.fileName}`,
      from: join(cache, file.fileName),
      version: file.fileName,
      linkable: true,
    }));
    await expect(placeMedia(files, site)).rejects.toThrow(/图片缓存中的文件不见了.*请再构建一次/);
    expect(await fillPictureCache(toMake, cache)).toEqual({ made: 1, cached: 0 });
    await placeMedia(files, join(work, 'site-d2'));
    expect(readdirSync(join(work, 'site-d2', 'pictures')).sort()).toEqual(set.files.map((f) => f.fileName).sort());
  });

  it('fails with the picture named and what to do when its data is damaged behind a good header', async () => {
    const cache = join(work, 'cache-c');
    const image = await picture(640, 480);
    const noisy = await sharp({
      create: {
        width: 640,
        height: 480,
        channels: 3,
        background: '#808080',
        noise: { type: 'gaussian', mean: 128, sigma: 40 },
      },
    })
      .jpeg()
      .toBuffer();
    // A copy cut short: its header whole, most of its pixels missing.
    await writeFile(image.sourcePath, noisy.subarray(0, Math.floor(noisy.length / 3)));
    const failure = fillPictureCache([{ image, set: planPicture(image), shown: 'content/2018/2018-01/x.jpg' }], cache);
    await expect(failure).rejects.toThrow(PictureProcessingError);
    await expect(failure).rejects.toThrow(/图片无法处理：content\/2018\/2018-01\/x\.jpg.*重新保存/);
  });
});

describe('placeMedia', () => {
  it('puts cache files and PDFs at their site paths; a PDF is a copy, never the editor’s file itself', async () => {
    const site = join(work, 'site');
    await mkdir(site);
    const pdf = join(work, 'original.pdf');
    await writeFile(pdf, '%PDF-1.4 test');
    const cached = join(work, 'cached.jpg');
    await writeFile(cached, 'jpeg bytes');
    await placeMedia(
      [
        { path: '/2018/01/2018-01.pdf', from: pdf, version: 'v', linkable: false },
        { path: '/pictures/k-480.jpg', from: cached, version: 'k', linkable: true },
      ],
      site,
    );
    expect(await readFile(join(site, '2018/01/2018-01.pdf'), 'utf8')).toBe('%PDF-1.4 test');
    expect(await readFile(join(site, 'pictures/k-480.jpg'), 'utf8')).toBe('jpeg bytes');
    expect((await stat(join(site, '2018/01/2018-01.pdf'))).ino).not.toBe((await stat(pdf)).ino);
  });
});

describe('the original’s download label', () => {
  it('says the size as file managers do, and the pages', () => {
    expect(fileSizeLabel(900)).toBe('900 B');
    expect(fileSizeLabel(368_794)).toBe('360 KB');
    expect(fileSizeLabel(1_258_291)).toBe('1.2 MB');
    expect(fileSizeLabel(25 * 1024 * 1024)).toBe('25 MB');
    expect(originalDownloadLabel({ bytes: 1_258_291, pages: 9 })).toBe('下载原刊（PDF，1.2 MB，9 页）');
  });
});
