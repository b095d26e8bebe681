import sharp from 'sharp';
import { sceneSvg } from './scene.ts';
import { seededRandom, type Random } from './random.ts';

/** A photo the generator will make: its size and the seed of its scene. */
export interface PicturePlan {
  width: number;
  height: number;
  seed: number;
}

/**
 * Gaussian grain (mean 128, σ 18), one grey channel, laid over every scene with a soft-light
 * blend so it reads as a photo (and compresses like one). Made once from a seed, not by sharp's
 * own noise, which draws fresh random numbers each time; each picture takes its own crop of it.
 */
export interface Grain {
  width: number;
  height: number;
  pixels: Buffer;
}

export const grainMean = 128;
export const grainSigma = 18;
/**
 * JPEG quality: about a camera's or a web page's. With the grain, 75 gives 40–110 KB from 640 × 427
 * to 1024 × 768 pixels, the size of a bulletin's photos; 80 gives up to 140 KB.
 */
export const jpegQuality = 75;

export function makeGrain(width: number, height: number, seed: number): Grain {
  const random = seededRandom(seed);
  const pixels = Buffer.alloc(width * height);
  for (let i = 0; i < pixels.length; i += 2) {
    const [a, b] = gaussianPair(random);
    pixels[i] = clampByte(grainMean + grainSigma * a);
    if (i + 1 < pixels.length) pixels[i + 1] = clampByte(grainMean + grainSigma * b);
  }
  return { width, height, pixels };
}

/** Two standard normal numbers from two uniform ones (Box–Muller). */
function gaussianPair(random: Random): [number, number] {
  const radius = Math.sqrt(-2 * Math.log(1 - random.next()));
  const angle = 2 * Math.PI * random.next();
  return [radius * Math.cos(angle), radius * Math.sin(angle)];
}

const clampByte = (value: number) => Math.min(255, Math.max(0, Math.round(value)));

/** The `width` × `height` piece of the grain whose top left corner is at (left, top). */
function grainCrop(grain: Grain, width: number, height: number, left: number, top: number): Buffer {
  const rows = Array.from({ length: height }, (_, y) => {
    const start = (top + y) * grain.width + left;
    return grain.pixels.subarray(start, start + width);
  });
  return Buffer.concat(rows, width * height);
}

/** A JPEG of the plan's scene with grain; the same plan and grain give the same bytes. */
export async function renderPicture(plan: PicturePlan, grain: Grain): Promise<Buffer> {
  const random = seededRandom(plan.seed);
  const svg = sceneSvg(plan.width, plan.height, random);
  const left = random.int(0, Math.max(0, grain.width - plan.width));
  const top = random.int(0, Math.max(0, grain.height - plan.height));
  const overlay = grainCrop(grain, plan.width, plan.height, left, top);
  return sharp(Buffer.from(svg))
    .composite([{ input: overlay, raw: { width: plan.width, height: plan.height, channels: 1 }, blend: 'soft-light' }])
    .jpeg({ quality: jpegQuality })
    .toBuffer();
}
