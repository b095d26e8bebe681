import { createHash } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { imageSize } from 'image-size';
import { shownPath } from '../../core/content-dir.ts';
import type { FigureImage, Issue } from '../../model.ts';
import { coverRecipe, openCoverRenderer, type CoverRenderer } from './cover-render.ts';
import { writeCacheFile } from './picture-cache.ts';

/** How the covers of a build were found: rendered now, taken from the cache, or not renderable. */
export interface CoverReport {
  rendered: number;
  cached: number;
  /** One message per original whose first page could not be rendered (the issue gets a typographic cover). */
  warnings: string[];
}

/**
 * The covers folder of the picture cache: one JPEG per original PDF, named by the PDF's content
 * hash and the rendering recipe, so a file there is never stale and an unchanged PDF is never
 * opened again.
 */
export function coverCacheFile(original: NonNullable<Issue['original']>, cacheDir: string): string {
  return join(cacheDir, 'covers', `${coverDigest(original).slice(0, 24)}.jpg`);
}

function coverDigest(original: NonNullable<Issue['original']>): string {
  return createHash('sha256').update(`${original.digest}\n${coverRecipe}`).digest('hex');
}

/**
 * The cover picture of every issue with an original, by issue id: from the cache, or rendered
 * from the PDF's first page now. One PDF at a time, each within a time limit, so a thousand
 * originals do not hold a thousand pages in memory; a PDF that cannot be rendered is reported in
 * `warnings` and its issue left out (it shows a typographic cover), never a failed build.
 */
export async function prepareCovers(
  issues: readonly Issue[],
  cacheDir: string,
): Promise<{ covers: Map<string, FigureImage>; report: CoverReport }> {
  const covers = new Map<string, FigureImage>();
  const report: CoverReport = { rendered: 0, cached: 0, warnings: [] };
  const byDigest = new Map<string, FigureImage | undefined>();
  // Started at the first cover the cache lacks: a build whose covers are all cached loads no pdf.js.
  let renderer: CoverRenderer | undefined;
  const render = () => (renderer ??= openCoverRenderer());
  try {
    for (const issue of issues) {
      const original = issue.original;
      if (!original) continue;
      if (!byDigest.has(original.digest))
        byDigest.set(original.digest, await coverOf(original, cacheDir, report, render));
      const cover = byDigest.get(original.digest);
      if (cover) covers.set(issue.id, cover);
    }
  } finally {
    await renderer?.close();
  }
  return { covers, report };
}

async function coverOf(
  original: NonNullable<Issue['original']>,
  cacheDir: string,
  report: CoverReport,
  renderer: () => CoverRenderer,
): Promise<FigureImage | undefined> {
  const file = coverCacheFile(original, cacheDir);
  const found = await stat(file).then(
    (s) => s.size,
    () => 0,
  );
  if (found > 0) report.cached++;
  else {
    try {
      const { jpeg } = await renderer().render(await readFile(original.sourcePath));
      await mkdir(join(cacheDir, 'covers'), { recursive: true });
      await writeCacheFile(file, jpeg);
      report.rendered++;
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      report.warnings.push(
        `原刊封面无法生成：${shownPath(original.sourcePath)}（${why}）。该期改用文字封面；如需图片封面，请重新导出该 PDF 后再构建。`,
      );
      return undefined;
    }
  }
  // From its header: the picture's files are planned from its size, as any picture's are.
  const bytes = await readFile(file);
  const size = imageSize(bytes);
  if (!size.width || !size.height) return undefined;
  return {
    sourcePath: file,
    relativePath: `${original.relativePath}（封面）`,
    format: 'jpeg',
    width: size.width,
    height: size.height,
    bytes: bytes.byteLength,
    digest: coverDigest(original),
  };
}
