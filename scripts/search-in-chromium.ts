import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { Transform } from 'node:stream';
import { createGzip } from 'node:zlib';
import { launchChromium } from '../tests/browser/browser.ts';
import { listeningPort } from '../src/core/listening-port.ts';

/**
 * A first search in Chromium, as a reader who opens `/search/?q=…` in a fresh browser: the built
 * site served as a static host serves it (text gzipped on the fly; Pagefind's index files are
 * gzip already), a new browser context per query (nothing cached), and the bytes on the wire of
 * everything the search loads (the page's script, pagefind.js, the wasm, the index, fragments,
 * filters), not the page itself, its style sheet or fonts. Counted by the host (body bytes as
 * sent, after gzip), because Pagefind fetches part of it from a worker the page's DevTools
 * session does not see.
 */
export interface ChromiumSearchCost {
  query: string;
  results: string;
  /** Bytes transferred until the results were drawn. */
  bytesToResults: number;
  /** Bytes transferred once the filter counts had loaded too. */
  bytesWithFilters: number;
  /** From navigation start to the results drawn. */
  msToResults: number;
}

const textTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
};

/** Bytes the host has sent for search requests since the counter was last reset. */
const sent = { bytes: 0 };

function counted(isSearch: boolean): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (isSearch) sent.bytes += chunk.length;
      done(null, chunk);
    },
  });
}

function staticHost(dir: string): Server {
  return createServer((request, response) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x/').pathname);
      let file = normalize(join(dir, pathname));
      if (!file.startsWith(normalize(dir))) return void response.writeHead(403).end();
      try {
        if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
        await stat(file);
      } catch {
        return void response.writeHead(404).end();
      }
      const type = textTypes[extname(file)];
      const gzip = type !== undefined && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
      response.writeHead(200, {
        'content-type': type ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      });
      const stream = createReadStream(file);
      const counter = counted(isSearchRequest(`http://x${pathname}`));
      (gzip ? stream.pipe(createGzip()) : stream).pipe(counter).pipe(response);
    })();
  });
}

/** Whether a request belongs to the search (not the page, its style sheet, fonts or pictures). */
function isSearchRequest(url: string): boolean {
  const { pathname } = new URL(url);
  return pathname.includes('/pagefind/') || pathname.endsWith('/assets/search.js');
}

export async function searchInChromium(siteDir: string, queries: readonly string[]): Promise<ChromiumSearchCost[]> {
  const server = staticHost(siteDir);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${listeningPort(server)}`;
  const browser = await launchChromium();
  const costs: ChromiumSearchCost[] = [];
  try {
    for (const query of queries) {
      const context = await browser.newContext();
      const page = await context.newPage();
      sent.bytes = 0;
      await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
      const status = page.locator('#search-status').filter({ hasText: /共 \d+ 篇|没有找到/ });
      await status.waitFor({ timeout: 120_000 });
      const msToResults = await page.evaluate(() => performance.now());
      const bytesToResults = sent.bytes;
      const results = await status.innerText();
      // The filter counts load after the results: wait until the network is quiet.
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(500);
      costs.push({ query, results, bytesToResults, bytesWithFilters: sent.bytes, msToResults });
      await context.close();
    }
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  return costs;
}
