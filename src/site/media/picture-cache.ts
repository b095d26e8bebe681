import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import Image from '@11ty/eleventy-img';
import { BulletinError } from '../../core/errors.ts';
import type { FigureImage } from '../../model.ts';
import { projectPath } from '../project-path.ts';
import type { PictureSet } from './picture-plan.ts';
import { pictureFileName, pictureKey } from '../../core/picture-recipe.ts';
import { imageOptions } from './image-options.ts';

/**
 * Where processed pictures are kept between builds: `BULLETIN_CACHE_DIR`, else `.cache/pictures`
 * in the project. Files are named by the picture's content and the recipe (picture-recipe.ts),
 * so a file there is never stale, only perhaps no longer used.
 */
export function pictureCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.BULLETIN_CACHE_DIR || projectPath('.cache/pictures');
}

/** A picture that image processing could not read, though its header looked right. */
export class PictureProcessingError extends BulletinError {
  override name = 'PictureProcessingError';
}

export interface CacheReport {
  /** Pictures made now. */
  made: number;
  /** Pictures whose files were all in the cache. */
  cached: number;
}

/**
 * Makes the files of every picture that the cache does not hold yet; a picture whose files are
 * all there is not opened. Each file is written beside its name and renamed into place, so an
 * interrupted build leaves no half-written file that a later build would take for done.
 */
export interface PictureToMake {
  image: FigureImage;
  set: PictureSet;
  /** How messages name the picture. */
  shown: string;
}

export async function fillPictureCache(
  pictures: readonly PictureToMake[],
  cacheDir = pictureCacheDir(),
  /** Told what is to be made before the work starts (making a thousand pictures takes minutes). */
  onStart?: (planned: CacheReport) => void,
): Promise<CacheReport> {
  const cached = new Set<PictureToMake>();
  // File system calls wait on the disk, not the processor: a few dozen at once keep it busy.
  await eachAtMost(32, pictures, async (picture) => {
    if (await allCached(picture.set, cacheDir)) cached.add(picture);
  });
  // In the order given (reading order): the order they are made in, and fail in.
  const missing = pictures.filter((picture) => !cached.has(picture));
  onStart?.({ made: missing.length, cached: pictures.length - missing.length });
  // Made only when something goes in: an archive without pictures leaves no cache folder behind.
  if (missing.length > 0) await mkdir(cacheDir, { recursive: true });
  // sharp spreads each encode over the cores itself; two pictures at a time keep them busy
  // while one is being read or written.
  await eachAtMost(Math.min(2, availableParallelism()), missing, (picture) => makePicture(picture, cacheDir));
  return { made: missing.length, cached: pictures.length - missing.length };
}

/**
 * Cache files this process has found or written. A preview checks the cache at every save; its
 * files are named by content and never change, so one seen once need not be looked at again
 * (tens of thousands of stat calls, seconds, on a large archive). If one is deleted meanwhile,
 * placing it fails and `forgetCacheFiles` makes the next build look again.
 */
const known = new Set<string>();

/** Has the next check look at every cache file again (one it thought present was missing). */
export function forgetCacheFiles(): void {
  known.clear();
}

async function allCached(set: PictureSet, cacheDir: string): Promise<boolean> {
  for (const file of set.files) {
    const path = join(cacheDir, file.fileName);
    if (known.has(path)) continue;
    const size = await stat(path).then(
      (s) => s.size,
      () => 0,
    );
    if (size === 0) return false;
    known.add(path);
  }
  return true;
}

async function makePicture({ image, set, shown }: PictureToMake, cacheDir: string): Promise<void> {
  let made;
  try {
    made = await Image(image.sourcePath, { ...imageOptions(image), dryRun: true, outputDir: cacheDir });
  } catch (error) {
    // libvips reports on several lines; one line reads better in a terminal and in the browser.
    const reason = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
    throw new PictureProcessingError(
      `图片无法处理：${shown}（${reason}）。文件可能已损坏：请用图片软件打开后重新保存为 JPEG 或 PNG，再构建。`,
    );
  }
  const key = pictureKey(image);
  const expected = new Set(set.files.map((file) => file.fileName));
  for (const stats of Object.values(made))
    for (const stat of stats) {
      const fileName = pictureFileName(key, stat.width, stat.format);
      if (!stat.buffer || !expected.delete(fileName)) continue;
      await writeCacheFile(join(cacheDir, fileName), stat.buffer);
      known.add(join(cacheDir, fileName));
    }
  // The pages were planned from the picture's header; sharp found another size.
  if (expected.size > 0)
    throw new PictureProcessingError(
      `图片无法处理：${shown} 的实际尺寸与文件头记录的不一致。请用图片软件打开后重新保存，再构建。`,
    );
}

/**
 * Not flushed to disk: a cache file lost to a power cut is made again (an empty one counts as
 * missing), and flushing some ten thousand small files would cost more than making them.
 */
export async function writeCacheFile(path: string, data: Uint8Array): Promise<void> {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } finally {
    await rm(temporary, { force: true });
  }
}

async function eachAtMost<T>(limit: number, items: readonly T[], task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      if (item !== undefined) await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, limit) }, worker));
}
