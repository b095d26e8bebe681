import { copyFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import sirv from 'sirv';
import { searchIndexFolder } from './build-index.ts';
import { pagefindOptions, type SearchContext } from './query.ts';
import { searchEditsFolder } from './edits-index.ts';
import { editsAmending, editsManifestFile, withEdits } from './edits-merge.ts';
import type { PagefindWithFilters } from './facets.ts';
import { characterStatsFile, fetchIndexStatistics, type IndexStatistics } from './character-stats.ts';
import { listeningPort } from '../core/listening-port.ts';

export interface Transfer {
  /** Site path → bytes served, in request order; pagefind.js itself counts as the first. */
  files: Map<string, number>;
  bytes: number;
}

type PagefindModule = PagefindWithFilters & {
  options(options: Record<string, unknown>): Promise<void>;
  destroy(): Promise<void>;
};

export interface LoadedPagefind {
  pagefind: PagefindWithFilters;
  /** The index's statistics, fetched over the same server (and counted) when a search asks. */
  context: SearchContext;
  /** What a browser would have downloaded so far for this instance (cache-less, uncompressed by HTTP). */
  transfer(): Transfer;
  close(): Promise<void>;
}

/**
 * Loads a built site's `pagefind.js` in Node, as the browser would: the bundle is served over
 * HTTP from 127.0.0.1 (Pagefind fetches its index files relative to its base path), and each call
 * imports its own copy of the module, so instances on different indexes do not share state.
 * `previewEdits`: as the search page in the preview, with the edits bundle merged (edits-merge.ts)
 * when the site has one for its full index.
 */
export async function openPagefind(siteDir: string, options: { previewEdits?: boolean } = {}): Promise<LoadedPagefind> {
  const script = join(siteDir, searchIndexFolder, 'pagefind.js');
  const files = new Map<string, number>([[`/${searchIndexFolder}/pagefind.js`, (await stat(script)).size]]);
  // dev: look each file up when asked (the preview replaces the index under a running search),
  // rather than listing the whole site once at start.
  const serve = sirv(siteDir, { dev: true });
  const server = createServer((request, response) => {
    const path = sitePath(request.url ?? '/');
    // sirv answers with a file by piping it into the response: its chunks are counted as they are
    // written, each before the client can have read it. sirv adds no error listener to that read
    // stream, so a file removed between its lookup and its read would throw out of the process.
    response.on('pipe', (source: Readable) => {
      files.set(path, files.get(path) ?? 0);
      source.on('data', (chunk: Buffer) => files.set(path, (files.get(path) ?? 0) + chunk.length));
      source.once('error', () => response.destroy());
    });
    try {
      serve(request, response, () => notFound(response));
    } catch {
      // Its lookup stats a file it has just seen exist; gone by then, it is simply not there.
      if (!response.headersSent) notFound(response);
    }
  });
  // Node's fetch keeps connections open for reuse; the server's default 5 s keep-alive could close
  // one just as a request goes out on it ("fetch failed"), and Pagefind then quietly searches
  // without the chunk it could not load. The server is ours and local: keep connections longer
  // than any search pauses.
  server.keepAliveTimeout = 10 * 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = listeningPort(server);

  // pagefind.js reads the page language from <html lang>, which decides how it segments queries;
  // the stub gives it the language of our pages, so Node runs the same query path as a browser.
  const globals = globalThis as { document?: unknown };
  globals.document ??= { currentScript: null, querySelector: () => ({ getAttribute: () => 'zh-CN' }) };

  const copyDir = await mkdtemp(join(tmpdir(), 'pagefind-module-'));
  const importBundle = async (folder: string) => {
    const modulePath = join(copyDir, `${folder}.mjs`);
    await copyFile(join(siteDir, folder, 'pagefind.js'), modulePath);
    const module = (await import(pathToFileURL(modulePath).href)) as PagefindModule;
    await module.options({ ...pagefindOptions, basePath: `http://127.0.0.1:${port}/${folder}/`, baseUrl: '/' });
    return module;
  };
  const full = await importBundle(searchIndexFolder);
  const modules = [full];
  let pagefind: PagefindWithFilters = full;
  if (options.previewEdits) {
    const manifest = editsAmending(
      JSON.parse(await readFile(join(siteDir, searchIndexFolder, 'pagefind-entry.json'), 'utf8')),
      await readFile(join(siteDir, searchEditsFolder, editsManifestFile), 'utf8')
        .then((text) => JSON.parse(text) as unknown)
        .catch(() => undefined),
    );
    if (manifest) {
      const edits = manifest.pages > 0 ? await importBundle(searchEditsFolder) : undefined;
      if (edits) modules.push(edits);
      pagefind = withEdits(full, edits, manifest);
    }
  }

  let statistics: Promise<IndexStatistics | undefined> | undefined;
  const context: SearchContext = {
    indexStatistics: () =>
      (statistics ??= fetchIndexStatistics(`http://127.0.0.1:${port}/${searchIndexFolder}/${characterStatsFile}`)),
    simplifier: async () => (await import('./simplified.ts')).toSimplified,
  };
  return {
    pagefind,
    context,
    transfer: () => ({ files: new Map(files), bytes: [...files.values()].reduce((sum, size) => sum + size, 0) }),
    close: async () => {
      for (const module of modules) await module.destroy();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Kept-alive connections would hold the server open for their whole timeout.
      server.closeAllConnections();
      await closed;
      await rm(copyDir, { recursive: true, force: true });
    },
  };
}

/** The file's site path, as `transfer()` names it. */
function sitePath(url: string): string {
  const pathname = new URL(url, 'http://127.0.0.1/').pathname;
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

function notFound(response: ServerResponse): void {
  response.writeHead(404).end();
}
