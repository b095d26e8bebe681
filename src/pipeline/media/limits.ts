import type { PictureFormat } from '../../model.ts';

/**
 * What a picture of the archive may be (docs/content-format.md). The limits keep a build from
 * decoding a decompression bomb (a few KB of PNG that claims 100,000 × 100,000 pixels): size and
 * pixels are judged from the file's header, before anything decodes it.
 */
export const pictureLimits = {
  /** 20 MB: a bulletin photo is far smaller; more is a scan or a mistake. */
  maxBytes: 20 * 1024 * 1024,
  /** 50 megapixels: above what cameras make, well below what would exhaust a build's memory. */
  maxPixels: 50_000_000,
  /** Narrower pictures look blurred across an article's column. */
  minWidth: 400,
} as const;

/** The formats browsers show and image processing reads; SVG is refused (it can carry script). */
export const pictureFormats: readonly PictureFormat[] = ['jpeg', 'png', 'webp', 'gif', 'avif'];

/** How messages name the formats. */
export const pictureFormatNames = 'JPEG、PNG、WebP、GIF 或 AVIF';
