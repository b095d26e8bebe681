import { SearchServiceDiedError } from '../core/errors.ts';
import { failureMessage } from '../core/failure-message.ts';
import type { Archive } from '../archive/load-archive.ts';
import { previewSearchIndex } from '../search/edits-index.ts';
import { withRetries } from './retry.ts';

export interface SearchUpdates {
  /**
   * Brings search up to date with a published archive, beside the rebuild queue: the page shows an
   * edit at once and search follows, logging 检索索引已更新 when it reflects the archive.
   */
  update(archive: Archive): void;
  /**
   * Stops whatever index is being written and waits until it has wound down: rendering every page
   * moves the index folders into the new site, and a job installing its files there meanwhile
   * would have them lost.
   */
  halt(): Promise<void>;
  /** Stops and waits at most `ms` (Pagefind may be gone already, and then never answers). */
  close(ms: number): Promise<void>;
}

/**
 * Re-indexing the whole archive takes most of a minute at 1,000 issues, so the preview writes the
 * full index once (at start, or when many articles changed) and after each content save only an
 * edits bundle of the articles that differ from it (src/search/edits-index.ts), in seconds; the
 * search page merges the two (src/search/edits-merge.ts).
 *
 * A newer save stops an edits bundle that would be stale anyway; a full index is left to finish,
 * as starting it again would cost as long again, and the next save's bundle follows it. Pagefind
 * serves one writer at a time here, so each job starts when the one before has wound down.
 */
export function searchUpdates(out: string, log: (line: string) => void): SearchUpdates {
  const index = previewSearchIndex(out);
  type Job = { stop: AbortController; done: Promise<void>; full: boolean };
  let job: Job | undefined;
  /** Jobs not yet ended: a later one waits for an earlier full index. */
  const living = new Set<Job>();

  const update = (archive: Archive): void => {
    const previous = job;
    if (!previous?.full) previous?.stop.abort();
    const stop = new AbortController();
    const current: Job = { stop, done: Promise.resolve(), full: false };
    current.done = (async () => {
      await previous?.done;
      await withRetries(
        async () => {
          const outcome = await index.writeEdits(archive.issues, stop.signal);
          if (outcome.kind === 'edits') return;
          current.full = true;
          await index.writeFull(archive.issues, stop.signal);
        },
        {
          delays: reindexRetryDelays,
          signal: stop.signal,
          // Pagefind's process died (most likely out of memory): a new one may have the memory now.
          retryable: (error) => error instanceof SearchServiceDiedError,
          onRetry: (error, retry, delay) =>
            log(
              `更新检索索引失败：${failureMessage(error)}${delay / 1000} 秒后重试` +
                `（第 ${retry} 次，共 ${reindexRetryDelays.length} 次）。`,
            ),
        },
      );
      log('检索索引已更新。');
    })().catch((error: unknown) => {
      if (stop.signal.aborted) return;
      if (error instanceof SearchServiceDiedError)
        log(
          `更新检索索引失败：${error.message}已重试 ${reindexRetryDelays.length} 次仍未成功，` +
            '搜索结果仍是上次成功更新时的内容；下次保存文件后会再试。',
        );
      else log(`更新检索索引失败：${failureMessage(error)}`);
    });
    living.add(current);
    void current.done.then(() => living.delete(current));
    job = current;
  };

  const stopAll = () => {
    for (const running of living) running.stop.abort();
    return Promise.all([...living].map((running) => running.done));
  };

  return {
    update,
    halt: async () => {
      await stopAll();
    },
    close: async (ms) => {
      await Promise.race([stopAll(), new Promise((resolve) => setTimeout(resolve, ms).unref())]);
    },
  };
}

/**
 * Waits before re-indexing again after Pagefind's process died: a moment for the memory to be
 * freed, then longer. Two retries: a third death at the same size is not worth a third wait.
 */
const reindexRetryDelays = [2000, 8000];
