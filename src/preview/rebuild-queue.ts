/**
 * Runs rebuilds one at a time. Saves that arrive during a rebuild collapse into one more rebuild
 * after it. A rebuild that fails (a file vanished mid-load, the disk is full) is handed to
 * `onFailure` and the queue goes on: the preview must outlive any one rebuild, and the next save
 * tries again. The promise returned never rejects.
 */
export function rebuildQueue(rebuild: () => Promise<void>, onFailure: (error: unknown) => void): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  let queued = false;
  return () => {
    if (queued) return running;
    queued = true;
    running = running
      .then(() => {
        queued = false;
        return rebuild();
      })
      .catch((error: unknown) => {
        onFailure(error);
      });
    return running;
  };
}
