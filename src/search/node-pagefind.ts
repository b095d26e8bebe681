import { copyFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { searchIndexFolder } from './build-index.ts';
import { pagefindOptions, type PagefindApi } from './query.ts';

export interface Transfer {
  /** Site path → bytes served, in request order; pagefind.js itself counts as the first. */
  files: Map<string, number>;
  bytes: number;
}

export interface LoadedPagefind {
  pagefind: PagefindApi;
  /** What a browser would have downloaded so far for this instance (cache-less, uncompressed by HTTP). */
  transfer(): Transfer;
  close(): Promise<void>;
}

/**
 * Loads a built site's `pagefind.js` in Node, as the browser would: the bundle is served over
 * HTTP from 127.0.0.1 (Pagefind fetches its index files relative to its base path), and each call
 * imports its own copy of the module, so instances on different indexes do not share state.
 */
export async function openPagefind(siteDir: string): Promise<LoadedPagefind> {
  const script = join(siteDir, searchIndexFolder, 'pagefind.js');
  const files = new Map<string, number>([[`/${searchIndexFolder}/pagefind.js`, (await stat(script)).size]]);
  const server = createServer((request, response) => {
    const path = decodeURIComponent((request.url ?? '/').split('?')[0] ?? '/');
    const file = normalize(join(siteDir, path));
    if (!file.startsWith(normalize(siteDir) + sep)) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        files.set(path, (files.get(path) ?? 0) + body.length);
        response.writeHead(200).end(body);
      },
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  // pagefind.js reads the page language from <html lang>, which decides how it segments queries;
  // the stub gives it the language of our pages, so Node runs the same query path as a browser.
  const globals = globalThis as { document?: unknown };
  globals.document ??= { currentScript: null, querySelector: () => ({ getAttribute: () => 'zh-CN' }) };

  const copyDir = await mkdtemp(join(tmpdir(), 'pagefind-module-'));
  const modulePath = join(copyDir, 'pagefind.mjs');
  await copyFile(script, modulePath);
  const module = (await import(pathToFileURL(modulePath).href)) as PagefindApi & {
    options(options: Record<string, unknown>): Promise<void>;
    destroy(): Promise<void>;
  };
  await module.options({ ...pagefindOptions, basePath: `http://127.0.0.1:${port}/${searchIndexFolder}/`, baseUrl: '/' });

  return {
    pagefind: module,
    transfer: () => ({ files: new Map(files), bytes: [...files.values()].reduce((sum, size) => sum + size, 0) }),
    close: async () => {
      await module.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(copyDir, { recursive: true, force: true });
    },
  };
}
