import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFOperatorList } from 'pdfjs-dist/types/src/display/api.js';
import sharp from 'sharp';
import type { OriginalJpegs } from './original-jpegs.ts';
import type { Ops } from './text-runs.ts';

/** A box on the page, top-left origin, in points. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface PageImage {
  page: number;
  bbox: Box;
  /** Pixels of the image as stored, not as drawn. */
  width: number;
  height: number;
  jpeg: Uint8Array;
  /** `original`: the JPEG file the PDF embeds, byte for byte; `encoded`: made here from the pixels. */
  source: 'original' | 'encoded';
}

export type SkipReason = 'tiny' | 'rule' | 'huge' | 'unreadable';

export interface SkippedImage {
  page: number;
  bbox: Box;
  width: number;
  height: number;
  reason: SkipReason;
}

/** Below this on the page (points) an image is an icon or bullet, not a photo. */
const minSide = 40;
/** Longer than this many times its width (or the reverse), it is a rule or an ornament. */
const maxAspect = 8;
const jpegQuality = 90;

type Matrix = [number, number, number, number, number, number];

function multiply(m: Matrix, n: Matrix): Matrix {
  // m applied after n, as PDF's `cm` does: CTM' = n × CTM.
  return [
    n[0] * m[0] + n[1] * m[2],
    n[0] * m[1] + n[1] * m[3],
    n[2] * m[0] + n[3] * m[2],
    n[2] * m[1] + n[3] * m[3],
    n[4] * m[0] + n[5] * m[2] + m[4],
    n[4] * m[1] + n[5] * m[3] + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** pdf.js gives `cm` operands as an array and a form's /Matrix as a Float32Array. */
function toMatrix(value: unknown): Matrix | undefined {
  const list = ArrayBuffer.isView(value) ? Array.from(value as Float32Array) : value;
  if (!Array.isArray(list) || list.length !== 6 || !list.every((n) => typeof n === 'number')) return undefined;
  return list as Matrix;
}

interface Painted {
  ctm: Matrix;
  width: number;
  height: number;
  /** An object id to fetch, or the inline image's data itself. */
  source: string | ImageData;
}

interface ImageData {
  width: number;
  height: number;
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray;
  /** The image XObject's object reference ("7R"); not documented, so only ever a shortcut. */
  ref?: unknown;
}

function isImageData(value: unknown): value is ImageData {
  return typeof value === 'object' && value !== null && 'width' in value && 'height' in value;
}

/**
 * Every image painted on the page, with the transformation it was painted with. Images are drawn
 * into the unit square, so the CTM at the paint operator is the image's placement. Image masks
 * (stencils filled with a colour) are not pictures and are ignored.
 */
export function paintedImages(operators: PDFOperatorList, ops: Ops): Painted[] {
  const painted: Painted[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  operators.fnArray.forEach((fn, index) => {
    const args: unknown = operators.argsArray[index];
    const list = Array.isArray(args) ? (args as unknown[]) : [];
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform) ctm = multiply(ctm, toMatrix(list) ?? [1, 0, 0, 1, 0, 0]);
    else if (fn === ops.paintFormXObjectBegin) {
      // The canvas saves the state at a form's begin and restores it at its end; no save op is listed.
      stack.push(ctm);
      ctm = multiply(ctm, toMatrix(list[0]) ?? [1, 0, 0, 1, 0, 0]);
    } else if (fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === ops.paintImageXObject && typeof list[0] === 'string')
      painted.push({ ctm, source: list[0], width: Number(list[1]), height: Number(list[2]) });
    else if (fn === ops.paintInlineImageXObject && isImageData(list[0]))
      painted.push({ ctm, source: list[0], width: list[0].width, height: list[0].height });
    else if (fn === ops.paintImageXObjectRepeat && typeof list[0] === 'string') {
      const [id, scaleX, scaleY, positions] = list as [string, number, number, number[]];
      for (let at = 0; at + 1 < positions.length; at += 2)
        painted.push({
          ctm: multiply(ctm, [scaleX, 0, 0, scaleY, positions[at] ?? 0, positions[at + 1] ?? 0]),
          source: id,
          width: Number.NaN,
          height: Number.NaN,
        });
    }
  });
  return painted;
}

/** The callback form: the sync `get` throws while the worker is still sending the pixels. */
function fetchObject(page: PDFPageProxy, id: string): Promise<unknown> {
  const objects = id.startsWith('g_') ? page.commonObjs : page.objs;
  return new Promise((resolve) => {
    objects.get(id, resolve);
  });
}

/** pdf.js ImageKind: 1 = 1 bit per pixel grey (a set bit is white), 2 = RGB, 3 = RGBA. */
export async function encodeJpeg(image: Required<Omit<ImageData, 'ref'>>): Promise<Uint8Array> {
  const { width, height, kind, data } = image;
  let pixels: Buffer;
  let channels: 1 | 3 | 4;
  if (kind === 1) {
    const rowBytes = Math.ceil(width / 8);
    pixels = Buffer.alloc(width * height);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++)
        pixels[y * width + x] = ((data[y * rowBytes + (x >> 3)] ?? 0) >> (7 - (x & 7))) & 1 ? 255 : 0;
    channels = 1;
  } else if (kind === 2 || kind === 3) {
    pixels = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    channels = kind === 2 ? 3 : 4;
  } else throw new Error(`unknown image kind ${kind}`);
  const encoded = await sharp(pixels, { raw: { width, height, channels } })
    .flatten({ background: '#ffffff' }) // JPEG has no alpha: what is transparent shows the paper
    .jpeg({ quality: jpegQuality })
    .toBuffer();
  return new Uint8Array(encoded.buffer, encoded.byteOffset, encoded.byteLength);
}

/**
 * The page's pictures as JPEGs, and what was left out and why. `toPage` maps PDF user space to
 * the top-left page coordinates the text uses.
 */
export async function readPageImages(
  page: PDFPageProxy,
  pageNo: number,
  operators: PDFOperatorList,
  ops: Ops,
  maxPixels: number,
  originals?: OriginalJpegs,
): Promise<{ images: PageImage[]; skipped: SkippedImage[] }> {
  const viewport = page.getViewport({ scale: 1 });
  const images: PageImage[] = [];
  const skipped: SkippedImage[] = [];
  for (const paint of paintedImages(operators, ops)) {
    const corners = [
      apply(paint.ctm, 0, 0),
      apply(paint.ctm, 1, 0),
      apply(paint.ctm, 0, 1),
      apply(paint.ctm, 1, 1),
    ].map(([x, y]) => viewport.convertToViewportPoint(x, y) as [number, number]);
    const xs = corners.map(([x]) => x);
    const ys = corners.map(([, y]) => y);
    const bbox = { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
    const [w, h] = [bbox.right - bbox.left, bbox.bottom - bbox.top];
    const skip = (reason: SkipReason, width = paint.width, height = paint.height) =>
      skipped.push({ page: pageNo, bbox, width, height, reason });
    if (Math.max(w, h) / Math.max(Math.min(w, h), 0.01) > maxAspect) {
      skip('rule');
      continue;
    }
    if (w < minSide || h < minSide) {
      skip('tiny');
      continue;
    }
    if (paint.width * paint.height > maxPixels) {
      skip('huge');
      continue;
    }
    const object = typeof paint.source === 'string' ? await fetchObject(page, paint.source) : paint.source;
    if (!isImageData(object) || !object.data || object.kind === undefined) {
      skip('unreadable');
      continue;
    }
    if (object.width * object.height > maxPixels) {
      skip('huge', object.width, object.height);
      continue;
    }
    const { width, height, kind, data } = object;
    const original = typeof object.ref === 'string' ? await originals?.jpeg(object.ref, width, height) : undefined;
    try {
      const jpeg = original ?? (await encodeJpeg({ width, height, kind, data }));
      const source = original ? 'original' : 'encoded';
      images.push({ page: pageNo, bbox, width, height, jpeg, source });
    } catch {
      skip('unreadable', object.width, object.height);
    }
  }
  return { images, skipped };
}
