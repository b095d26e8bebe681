import sharp from 'sharp';
import { sceneSvg } from './scene.ts';
import { seededRandom, type Random } from './random.ts';
import { InvariantError } from '../core/errors.ts';

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
 * JPEG quality: about a camera's or a web page's. With the grain, 75 gives 36–125 KB (median 72 KB)
 * for 640 × 427 to 1024 × 768 pixels, the size of a bulletin's photos; 80 gives up to 140 KB.
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

/**
 * The soft-light blend of the W3C compositing specification, for 8-bit values: entry
 * `backdrop * 256 + source`. Grain above 128 lightens the scene, below darkens it, and pure black
 * and white stay as they are.
 */
const softLight = (() => {
  const table = new Uint8Array(256 * 256);
  for (let backdrop = 0; backdrop < 256; backdrop++) {
    const b = backdrop / 255;
    const d = b <= 0.25 ? ((16 * b - 12) * b + 4) * b : Math.sqrt(b);
    for (let source = 0; source < 256; source++) {
      const s = source / 255;
      const blended = s <= 0.5 ? b - (1 - 2 * s) * b * (1 - b) : b + (2 * s - 1) * (d - b);
      table[backdrop * 256 + source] = Math.round(blended * 255);
    }
  }
  return table;
})();

/**
 * A JPEG of the plan's scene with grain; the same plan and grain give the same bytes. The grain is
 * blended here rather than by sharp's composite, which converts every pixel to floating point:
 * 8 ms a picture against 15 (four at once, two cores).
 */
export async function renderPicture(plan: PicturePlan, grain: Grain): Promise<Buffer> {
  const { width, height } = plan;
  const random = seededRandom(plan.seed);
  const svg = sceneSvg(width, height, random);
  const left = random.int(0, Math.max(0, grain.width - width));
  const top = random.int(0, Math.max(0, grain.height - height));
  const { data, info } = await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== 3 || info.width !== width || info.height !== height)
    throw new InvariantError(
      `scene rendered as ${info.width} × ${info.height} × ${info.channels}, not ${width} × ${height} × 3`,
    );
  for (let y = 0; y < height; y++) {
    const grainRow = (top + y) * grain.width + left;
    for (let x = 0; x < width; x++) {
      const source = grain.pixels[grainRow + x] ?? grainMean;
      for (let pixel = (y * width + x) * 3, end = pixel + 3; pixel < end; pixel++)
        data[pixel] = softLight[(data[pixel] ?? 0) * 256 + source] ?? 0;
    }
  }
  return sharp(data, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: jpegQuality })
    .toBuffer();
}
