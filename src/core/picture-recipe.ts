import { createHash } from 'node:crypto';
import type { FigureImage } from '../model.ts';

/**
 * How each picture of the archive is made into responsive files: which widths and formats, and
 * the encoders' settings. These values are part of every file's name (`pictureKey`), so files
 * made another way are never taken from the cache; a change to how they are made that these
 * values do not show (src/site/media/image-options.ts) must bump `recipeVersion`.
 */

/**
 * The article column is 38rem (608 CSS px): 480 serves phones, 960 the column at 1.5–2× density,
 * 1440 large high-density screens; none is wider than the original (eleventy-img adds the
 * original's own width instead of enlarging it).
 */
export const pictureWidths = [480, 960, 1440];

/**
 * AVIF at effort 1 encodes a 960 px photo in about 30 ms, the default (4) in about a second, for
 * files a few percent smaller: the build's time matters more.
 */
export const encoderOptions = {
  avif: { effort: 1 },
  webp: { quality: 80 },
  jpeg: { quality: 82, mozjpeg: true },
} as const;

/** Bump when the recipe changes the files it makes. */
const recipeVersion = 1;

/**
 * The format a browser without AVIF or WebP shows, and what the full-size link opens: JPEG for
 * photos; PNG for PNG and GIF input (drawings and logos, which may be transparent).
 */
export function fallbackFormat(image: Pick<FigureImage, 'format'>): 'jpeg' | 'png' {
  return image.format === 'png' || image.format === 'gif' ? 'png' : 'jpeg';
}

export type OutputFormat = 'avif' | 'webp' | 'jpeg' | 'png';

export function pictureFormatsFor(image: Pick<FigureImage, 'format'>): OutputFormat[] {
  return ['avif', 'webp', fallbackFormat(image)];
}

/**
 * The name every file made from this picture starts with: a hash of the picture's content and of
 * the recipe, so a changed picture or recipe gets new names (browsers may cache files for long)
 * while the same picture under two names in the content is made once.
 */
export function pictureKey(image: Pick<FigureImage, 'digest' | 'format'>): string {
  const recipe = JSON.stringify({
    recipeVersion,
    pictureWidths,
    formats: pictureFormatsFor(image),
    encoderOptions,
  });
  return createHash('sha256').update(`${image.digest}\n${recipe}`).digest('hex').slice(0, 20);
}

export function pictureFileName(key: string, width: number, format: string): string {
  return `${key}-${width}.${format === 'jpeg' ? 'jpg' : format}`;
}

/**
 * The smallest file of the fallback format: what search results show as a thumbnail. Named from
 * the picture alone, as the search records are made before the site (and as `planPicture` plans
 * it: eleventy-img never enlarges, so a picture narrower than the smallest width keeps its own).
 */
export function thumbnailFileName(image: Pick<FigureImage, 'digest' | 'format' | 'width'>): string {
  const [smallest = image.width] = pictureWidths;
  return pictureFileName(pictureKey(image), Math.min(smallest, image.width), fallbackFormat(image));
}
