import { describe, expect, it } from 'vitest';
import { eachInPool } from '../../src/generate/pool.ts';

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

describe('eachInPool', () => {
  it('runs every item, never more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await eachInPool([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 4, async (item) => {
      running++;
      most = Math.max(most, running);
      await tick();
      done.push(item);
      running--;
    });
    expect(done.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(most).toBe(4);
  });

  it('starts nothing after a failure, waits for the running tasks, then throws the failure', async () => {
    const started: number[] = [];
    let finished = 0;
    const run = eachInPool([1, 2, 3, 4, 5, 6, 7, 8], 2, async (item) => {
      started.push(item);
      await tick();
      if (item === 2) throw new Error('item 2 failed');
      await tick();
      finished++;
    });
    await expect(run).rejects.toThrow('item 2 failed');
    expect(started).toEqual([1, 2]);
    expect(finished).toBe(1);
  });

  it('does nothing for no items', async () => {
    await eachInPool([], 4, () => Promise.reject(new Error('called')));
  });
});
