import { open } from 'node:fs/promises';
import { imageSize } from 'image-size';
import { pictureFormats } from './limits.ts';
import { sniffPicture, type SniffedKind } from './sniff.ts';

/** What a picture's first bytes say: its kind, and for a picture format its size in pixels as shown. */
export interface PictureHeader {
  kind: SniffedKind;
  /** Absent when the header names no size (a damaged file), and for SVG and unknown kinds. */
  width?: number;
  height?: number;
}

/**
 * As much of the file as image-size (what @11ty/eleventy-img measures with) reads itself: the
 * header of every format it knows is within it, even a JPEG's behind large EXIF data.
 */
const headerBytes = 512 * 1024;

/** Reads a picture's header, never the whole file, and never decodes it. */
export async function readPictureHeader(path: string): Promise<PictureHeader> {
  const handle = await open(path, 'r');
  let head: Uint8Array;
  try {
    const buffer = new Uint8Array(headerBytes);
    const { bytesRead } = await handle.read(buffer, 0, headerBytes, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  return pictureHeader(head);
}

/** The header of a picture whose first bytes are `head`. */
export function pictureHeader(head: Uint8Array): PictureHeader {
  const kind = sniffPicture(head);
  if (kind === undefined || kind === 'svg' || !pictureFormats.includes(kind)) return { kind };
  let size;
  try {
    size = imageSize(head);
  } catch {
    return { kind };
  }
  const { width, height, orientation } = size;
  if (!width || !height) return { kind };
  // EXIF orientations 5–8 turn the picture a quarter: shown, it is as wide as it is stored tall.
  return orientation !== undefined && orientation >= 5
    ? { kind, width: height, height: width }
    : { kind, width, height };
}
