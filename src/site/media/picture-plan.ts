import Image, { type ImageStat } from '@11ty/eleventy-img';
import { routes } from '../../core/routes.ts';
import type { FigureImage } from '../../model.ts';
import { fallbackFormat, pictureFileName, pictureKey } from '../../core/picture-recipe.ts';
import { imageOptions } from './image-options.ts';

/** One file made from a picture. */
export interface PictureFile {
  fileName: string;
  width: number;
  height: number;
}

/** A picture of the content as the site shows it: the files made from it, as site paths. */
export interface PictureSet {
  /** Of the largest file: what `<img width height>` reserve, so the page does not shift. */
  width: number;
  height: number;
  /** AVIF, then WebP: `<source type srcset>`. */
  sources: { type: string; srcset: string }[];
  /** JPEG (PNG for drawings): `<img src srcset>` for browsers without the formats above. */
  fallback: { type: string; src: string; srcset: string };
  /** The largest fallback file: what the picture links to, feeds and `og:image` show. */
  full: string;
  /** The smallest fallback file: search results' thumbnail. */
  thumbnail: string;
  /** Every file, for making and placing them. */
  files: PictureFile[];
}

/**
 * The files a picture is made into and where the site puts them, from its size alone: planned
 * before any picture is decoded, so the cache can be checked without opening a picture.
 */
export function planPicture(image: FigureImage): PictureSet {
  const key = pictureKey(image);
  const stats = Image.statsByDimensionsSync(image.sourcePath, image.width, image.height, {
    ...imageOptions(image),
    statsOnly: true,
    urlFormat: ({ width, format }) => routes.picture(pictureFileName(key, width, format)),
  });
  const byWidth = (format: keyof typeof stats) => [...(stats[format] ?? [])].sort((a, b) => a.width - b.width);
  const srcset = (list: ImageStat[]) => list.map((stat) => stat.srcset).join(', ');
  const fallback = byWidth(fallbackFormat(image));
  const smallest = fallback[0];
  const largest = fallback.at(-1);
  if (!smallest || !largest) throw new Error(`no ${fallbackFormat(image)} planned for ${image.relativePath}`);
  const all = [...byWidth('avif'), ...byWidth('webp'), ...fallback];
  return {
    width: largest.width,
    height: largest.height,
    sources: (['avif', 'webp'] as const).map((format) => ({
      type: `image/${format}`,
      srcset: srcset(byWidth(format)),
    })),
    fallback: { type: largest.sourceType, src: largest.url, srcset: srcset(fallback) },
    full: largest.url,
    thumbnail: smallest.url,
    files: all.map((stat) => ({
      fileName: pictureFileName(key, stat.width, stat.format),
      width: stat.width,
      height: stat.height,
    })),
  };
}
