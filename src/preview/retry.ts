import { setTimeout as sleep } from 'node:timers/promises';

export interface RetryOptions {
  /** Milliseconds to wait before each retry; as many retries as delays. */
  delays: readonly number[];
  /** Aborting stops the waiting (the promise rejects) and no further attempt starts. */
  signal: AbortSignal;
  /** Whether trying again may help. */
  retryable: (error: unknown) => boolean;
  /** Told before each wait: the failure, the retry about to come (from 1) and its delay. */
  onRetry: (error: unknown, retry: number, delay: number) => void;
}

/** Runs `task` until it succeeds, fails for good, or the retries run out (then its last error is thrown). */
export async function withRetries<T>(task: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let retry = 1; ; retry++) {
    try {
      return await task();
    } catch (error) {
      const delay = options.delays[retry - 1];
      if (delay === undefined || options.signal.aborted || !options.retryable(error)) throw error;
      options.onRetry(error, retry, delay);
      await sleep(delay, undefined, { signal: options.signal });
    }
  }
}
