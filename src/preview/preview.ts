import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { resolve, sep } from 'node:path';
import { formatDiagnostic, hasErrors } from '../core/diagnostics.ts';
import { issueFileCache } from '../pipeline/load.ts';
import { loadArchive, type Archive } from '../archive/load-archive.ts';
import { publishSite, reindexSite } from '../site/publish.ts';
import { readSettings } from '../site/settings.ts';
import type { SiteData } from '../site/site-data.ts';
import { serveStatic } from '../site/static-server.ts';
import { liveReload } from './live-reload.ts';
import { watchFolders } from './watch.ts';

export interface PreviewOptions {
  contentDir: string;
  /** How messages name the content folder (relative to where the editor runs the command). */
  displayDir: string;
  out: string;
  port: number;
  pathPrefix: string;
  /** Folders whose changes trigger a rebuild besides the content: templates and static files. */
  alsoWatch: string[];
  log: (line: string) => void;
}

export interface Preview {
  server: Server;
  close(): Promise<void>;
}

/**
 * `npm start`: build, serve on localhost, rebuild on every save and reload open pages. A content
 * error is printed as `npm run check` prints it and the last good site stays served.
 */
export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const reload = liveReload();
  let running: Promise<void> = Promise.resolve();
  let queued = false;
  // Unchanged issue files are not parsed again, and after content edits only changed pages are
  // rendered; a change to templates or static files renders everything.
  const cache = issueFileCache();
  let onlyContentChanged = true;
  /** The data of the site the preview last published, while it is the one in the output folder. */
  let published: SiteData | undefined;
  // Re-indexing takes far longer than a rebuild (most of a minute at 1,000 issues), so it runs
  // beside the rebuild queue: the page shows an edit at once and search catches up. A newer save
  // stops an index that would be stale anyway; Pagefind serves one index at a time, so the next
  // one starts when the stopped one has wound down.
  let indexing: { stop: AbortController; done: Promise<void> } | undefined;

  const startIndexing = (archive: Archive): void => {
    const previous = indexing;
    previous?.stop.abort();
    const stop = new AbortController();
    const done = (async () => {
      await previous?.done;
      await reindexSite(archive, options.out, stop.signal);
      options.log('检索索引已更新。');
    })().catch((error: unknown) => {
      if (!stop.signal.aborted) options.log(`更新检索索引失败：${error instanceof Error ? error.message : String(error)}`);
    });
    indexing = { stop, done };
  };

  const rebuild = async (): Promise<void> => {
    const started = performance.now();
    const changedOnly = onlyContentChanged;
    onlyContentChanged = true;
    const archive = await loadArchive(options.contentDir, options.displayDir, cache);
    if (hasErrors(archive.diagnostics)) {
      for (const d of archive.diagnostics.filter((d) => d.severity === 'error')) options.log(formatDiagnostic(d));
      options.log(existsSync(options.out) ? '内容有错误，网站未更新，预览中仍是上次成功生成的版本。改正后保存即可自动更新。' : '内容有错误，还不能生成网站。改正后保存即可自动生成。');
      return;
    }
    indexing?.stop.abort();
    // Rendering everything takes the search index over into the new site, and a stopped index
    // job may still be installing its files there: that one waits for it. Updating in place
    // leaves the index alone and need not wait.
    const changedSince = changedOnly ? published : undefined;
    if (!changedSince) await indexing?.done;
    published = undefined;
    try {
      const settings = readSettings();
      published = (await publishSite(archive, options.out, { settings, index: 'later', ...(changedSince ? { changedSince } : {}) })).data;
      reload.reload();
      options.log(`已更新（${archive.issues.length} 期，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒）。`);
      startIndexing(archive);
    } catch (error) {
      options.log(`生成网站失败：${error instanceof Error ? error.message : String(error)}`);
    }
  };

  // Saves that arrive during a rebuild collapse into one more rebuild after it.
  const schedule = (): Promise<void> => {
    if (queued) return running;
    queued = true;
    running = running.then(() => {
      queued = false;
      return rebuild();
    });
    return running;
  };

  await schedule();
  const server = await serveStatic(options.out, options.pathPrefix, options.port, reload);
  const contentDir = resolve(options.contentDir);
  const stopWatching = watchFolders([options.contentDir, ...options.alsoWatch.filter((folder) => existsSync(folder))], (changed) => {
    if (changed.some((path) => !resolve(path).startsWith(`${contentDir}${sep}`))) onlyContentChanged = false;
    void schedule();
  });
  return {
    server,
    close: async () => {
      stopWatching();
      indexing?.stop.abort();
      // A stopped index removes its half-written folder once Pagefind has answered; if Pagefind is
      // gone already (Ctrl+C reaches it too) that never happens, and the next start cleans up.
      await Promise.race([indexing?.done, new Promise((resolve) => setTimeout(resolve, 3000).unref())]);
      reload.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
