import sharp from 'sharp';
import type { StoredPicture } from './pictures.ts';

/** Word's crop (`a:srcRect`): the share of the picture cut off each side, 0 to 1. */
export interface Crop {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** `a:srcRect` counts in thousandths of a percent: 25000 is a quarter. */
const srcRectUnit = 100_000;

/** The crop an `a:srcRect` sets, if any: absent when no side is cut. */
export function readCrop(attrs: Readonly<Record<string, string>>): Crop | undefined {
  const side = (name: string) => {
    const value = Number(attrs[name] ?? 0);
    return Number.isFinite(value) ? value / srcRectUnit : Number.NaN;
  };
  const crop = { left: side('l'), top: side('t'), right: side('r'), bottom: side('b') };
  return Object.values(crop).every((value) => value === 0) ? undefined : crop;
}

/** Bounds on the picture sharp decodes to crop: as the pipeline's own picture reading. */
const maxPixels = 100_000_000;

/**
 * The part of the picture Word shows, in the picture's own format (re-encoded: the stored file is
 * not what the page showed). Undefined when the crop cannot be applied as a cut (a negative side
 * pads the picture, sides that meet leave nothing) or the picture cannot be decoded: the caller
 * then keeps the stored file and warns.
 */
export async function applyCrop(picture: StoredPicture, crop: Crop): Promise<StoredPicture | undefined> {
  const sides = Object.values(crop);
  if (sides.some((value) => !(value >= 0)) || crop.left + crop.right >= 1 || crop.top + crop.bottom >= 1)
    return undefined;
  try {
    const image = sharp(picture.bytes, { limitInputPixels: maxPixels, animated: false });
    const { width, height } = await image.metadata();
    if (!width || !height) return undefined;
    const left = Math.round(width * crop.left);
    const top = Math.round(height * crop.top);
    const region = {
      left,
      top,
      width: Math.max(1, Math.round(width * (1 - crop.right)) - left),
      height: Math.max(1, Math.round(height * (1 - crop.bottom)) - top),
    };
    const cut = image.rotate().extract(region);
    const bytes =
      picture.extension === 'jpg'
        ? await cut.jpeg({ quality: 90 }).toBuffer()
        : picture.extension === 'png'
          ? await cut.png().toBuffer()
          : picture.extension === 'webp'
            ? await cut.webp({ quality: 90 }).toBuffer()
            : undefined;
    return bytes ? { bytes: new Uint8Array(bytes), extension: picture.extension } : undefined;
  } catch {
    return undefined;
  }
}
