import { describe, expect, it } from 'vitest';
import { rebuildQueue } from '../../src/preview/rebuild-queue.ts';

describe('rebuildQueue', () => {
  it('collapses schedules during a rebuild into one more rebuild', async () => {
    let runs = 0;
    let release = () => {};
    const schedule = rebuildQueue(
      async () => {
        runs++;
        if (runs === 1) await new Promise<void>((resolve) => (release = resolve));
      },
      () => {},
    );
    const first = schedule();
    await Promise.resolve();
    const more = [schedule(), schedule(), schedule()];
    release();
    await Promise.all([first, ...more]);
    expect(runs).toBe(2);
  });

  it('reports a failed rebuild and keeps rebuilding after it', async () => {
    const failures: unknown[] = [];
    let runs = 0;
    const schedule = rebuildQueue(
      async () => {
        runs++;
        if (runs === 1) throw Object.assign(new Error('ENOENT: no such file or directory'), { code: 'ENOENT' });
      },
      (error) => failures.push(error),
    );
    await expect(schedule()).resolves.toBeUndefined();
    await expect(schedule()).resolves.toBeUndefined();
    expect(runs).toBe(2);
    expect(failures).toHaveLength(1);
  });
});
