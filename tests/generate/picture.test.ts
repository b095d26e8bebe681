import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { grainMean, grainSigma, makeGrain, renderPicture } from '../../src/generate/picture.ts';

const grain = makeGrain(1100, 800, 1);

describe('makeGrain', () => {
  it('is gaussian grain of the stated mean and spread, the same for a seed', () => {
    const { pixels } = grain;
    expect(pixels.length).toBe(1100 * 800);
    const mean = pixels.reduce((sum, value) => sum + value, 0) / pixels.length;
    const variance = pixels.reduce((sum, value) => sum + (value - mean) ** 2, 0) / pixels.length;
    expect(Math.abs(mean - grainMean)).toBeLessThan(0.5);
    expect(Math.abs(Math.sqrt(variance) - grainSigma)).toBeLessThan(0.5);
    expect(makeGrain(50, 40, 1).pixels).toEqual(makeGrain(50, 40, 1).pixels);
    expect(makeGrain(50, 40, 1).pixels).not.toEqual(makeGrain(50, 40, 2).pixels);
  });
});

describe('renderPicture', () => {
  it('makes a JPEG of the planned size, photo-like: colours across the frame, not flat', async () => {
    const jpeg = await renderPicture({ width: 800, height: 600, seed: 3 }, grain);
    const image = sharp(jpeg);
    expect(await image.metadata()).toMatchObject({ format: 'jpeg', width: 800, height: 600, channels: 3 });
    const { channels } = await image.stats();
    for (const channel of channels) expect(channel.stdev).toBeGreaterThan(15);
    expect(jpeg.length).toBeGreaterThan(30 * 1024);
  });

  it('gives the same bytes for the same plan and other bytes for another seed', async () => {
    const plan = { width: 640, height: 480, seed: 11 };
    const first = await renderPicture(plan, grain);
    expect(await renderPicture(plan, grain)).toEqual(first);
    expect(await renderPicture({ ...plan, seed: 12 }, grain)).not.toEqual(first);
  });
});
