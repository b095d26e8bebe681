import { describe, expect, it } from 'vitest';
import { withRetries } from '../../src/preview/retry.ts';

class Passing extends Error {}

/** A task failing with the given errors in turn, then answering 'done'; counts its attempts. */
function failing(...errors: Error[]) {
  const task = Object.assign(
    async () => {
      task.attempts += 1;
      const error = errors.shift();
      if (error) throw error;
      return 'done';
    },
    { attempts: 0 },
  );
  return task;
}

const options = (
  signal = new AbortController().signal,
  onRetry: (error: unknown, retry: number, delay: number) => void = () => {},
) => ({
  delays: [1, 2],
  signal,
  retryable: (error: unknown) => error instanceof Passing,
  onRetry,
});

describe('withRetries', () => {
  it('tries again after each delay while the failure is retryable, and says so first', async () => {
    const told: [string, number, number][] = [];
    const task = failing(new Passing('one'), new Passing('two'));
    const result = withRetries(
      task,
      options(undefined, (error: unknown, retry: number, delay: number) => told.push([String(error), retry, delay])),
    );
    await expect(result).resolves.toBe('done');
    expect(told).toEqual([
      ['Error: one', 1, 1],
      ['Error: two', 2, 2],
    ]);
    expect(task.attempts).toBe(3);
  });

  it('gives up with the last failure once the delays run out', async () => {
    const last = new Passing('three');
    const task = failing(new Passing('one'), new Passing('two'), last);
    await expect(withRetries(task, options())).rejects.toBe(last);
    expect(task.attempts).toBe(3);
  });

  it('does not try again after a failure that is not retryable', async () => {
    const other = new Error('bad content');
    const task = failing(other);
    await expect(withRetries(task, options())).rejects.toBe(other);
    expect(task.attempts).toBe(1);
  });

  it('stops waiting when aborted, and starts no further attempt', async () => {
    const stop = new AbortController();
    const task = failing(new Passing('one'));
    const result = withRetries(task, { ...options(stop.signal), delays: [60_000] });
    await Promise.resolve();
    stop.abort(new Error('a newer save'));
    await expect(result).rejects.toThrow();
    expect(task.attempts).toBe(1);
  });
});
