import type { ImageOptions } from '@11ty/eleventy-img';
import {
  encoderOptions,
  fallbackFormat,
  pictureFileName,
  pictureFormatsFor,
  pictureKey,
  pictureWidths,
} from '../../core/picture-recipe.ts';
import type { FigureImage } from '../../model.ts';
import { pictureLimits } from '../../pipeline/media/limits.ts';

/** The `sizes` attribute that matches the article column: full width on a phone, 38rem beyond it. */
export const pictureSizes = '(min-width: 40rem) 38rem, calc(100vw - 2rem)';

/**
 * The `sizes` of one of several pictures side by side that takes `share` of the column's width
 * (site.css: they stand in a row wider than 30em, stacked at the column's full width below it).
 */
export function sideBySideSizes(share: number): string {
  const rounded = Math.round(share * 1000) / 1000;
  const inColumn = Math.ceil(38 * rounded * 100) / 100;
  return `(min-width: 40rem) ${inColumn}rem, (min-width: 30em) calc((100vw - 2rem) * ${rounded}), calc(100vw - 2rem)`;
}

/** The eleventy-img options for one picture. */
export function imageOptions(image: Pick<FigureImage, 'digest' | 'format'>): ImageOptions {
  const key = pictureKey(image);
  const photo = fallbackFormat(image) === 'jpeg';
  return {
    widths: pictureWidths,
    formats: pictureFormatsFor(image),
    // The file list must follow from the recipe and the picture's size alone (the cache and
    // the pages are planned before any picture is decoded), not from transparency found later.
    formatFiltering: [],
    // A photo taken sideways is stored sideways with an EXIF note: turn it as cameras meant.
    fixOrientation: true,
    useCache: false,
    // The largest width is the original's own, however close to the widest made below it: the
    // picture links to its full size.
    minimumThreshold: 1,
    sharpOptions: {
      // A file cut short (a broken copy) fails the build instead of showing grey where data ends.
      failOn: 'truncated',
      // The check refused larger pictures from their headers; this holds if a header lied.
      limitInputPixels: pictureLimits.maxPixels,
    },
    filenameFormat: (_hash, _src, width, format) => pictureFileName(key, width, format),
    sharpAvifOptions: encoderOptions.avif,
    sharpWebpOptions: encoderOptions.webp,
    sharpJpegOptions: encoderOptions.jpeg,
    // A transparent WebP or AVIF photo shown as JPEG would turn black where it is clear.
    ...(photo ? { transform: (sharp) => void sharp.flatten({ background: '#ffffff' }) } : {}),
  };
}
