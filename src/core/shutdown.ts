/**
 * Stopping the process cleanly on Ctrl+C or a job stop: cleanups registered here run however the
 * process exits (they must be synchronous: on `exit` nothing asynchronous runs any more), and a
 * stop requested while an uninterruptible step runs (the two renames that swap a site in) waits
 * for that step to end, so a stop never leaves the output folder missing.
 */
const cleanups = new Set<() => void>();
let uninterruptibleSteps = 0;
let pendingExit: number | undefined;

process.on('exit', () => {
  for (const cleanup of [...cleanups].reverse()) {
    try {
      cleanup();
    } catch {
      // Best effort: one failed cleanup must not keep the others from running.
    }
  }
});

/** Runs `cleanup` if the process exits before the returned function is called. */
export function cleanupOnExit(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/** Runs `step` to its end even if a stop is requested meanwhile (`exitWhenSafe`). */
export async function uninterruptible<T>(step: () => Promise<T>): Promise<T> {
  uninterruptibleSteps += 1;
  try {
    return await step();
  } finally {
    uninterruptibleSteps -= 1;
    if (uninterruptibleSteps === 0 && pendingExit !== undefined) process.exit(pendingExit);
  }
}

/** Whether a stop now would have to wait for an uninterruptible step. */
export function uninterruptibleStepUnderWay(): boolean {
  return uninterruptibleSteps > 0;
}

/** Exits with `code` now, or as soon as the uninterruptible step under way has ended. */
export function exitWhenSafe(code: number): void {
  if (uninterruptibleSteps === 0) process.exit(code);
  pendingExit = code;
}
