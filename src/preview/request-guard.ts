import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Why a request must not reach the dev server's file lookup, or undefined when it may.
 *
 * The dev server (2.1.2) decodes the path only after joining it to the output folder, so an
 * encoded slash (`/..%2f..%2fetc`) survives URL normalisation and becomes `../` afterwards. Its
 * containment check then either throws "Invalid path" — inside an async request handler, which
 * ends the process with an unhandled rejection — or, being a plain prefix test, lets the request
 * into a sibling folder whose name starts like the output folder's (`_site.old-…`, `_site-x`).
 * A malformed escape (`/%E0%A4%A`) makes its decodeURIComponent throw the same way.
 * (11ty/dev-server issues #150 and #152.)
 */
export function refusedPath(url: string): 'malformed' | 'outside' | undefined {
  let decoded: string;
  try {
    // The same parse as the dev server's, so both see the same path.
    decoded = decodeURIComponent(new URL(url, 'http://localhost/').pathname);
  } catch {
    return 'malformed';
  }
  if (decoded.includes('\0')) return 'malformed';
  // The URL parser has removed literal and %2e dot segments already; any left came out of %2f.
  return decoded.split(/[/\\]/).includes('..') ? 'outside' : undefined;
}

const readMethods = new Set(['GET', 'HEAD']);

/**
 * Dev-server middleware: the preview serves a static site, so writes get 405 instead of the page;
 * paths the dev server cannot handle safely get 404; and a file that vanishes between the dev
 * server's existence check and its read (the preview swapping a new site in) answers 503 rather
 * than throwing out of the request handler.
 */
export function guardRequests(request: IncomingMessage, response: ServerResponse, next: () => void): void {
  if (!readMethods.has(request.method ?? 'GET')) {
    response
      .writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' })
      .end('405：预览网站只能浏览，不接受提交。');
    return;
  }
  if (refusedPath(request.url ?? '/')) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404：没有这个网址。');
    return;
  }
  try {
    next();
  } catch {
    if (response.headersSent) response.destroy();
    else
      response
        .writeHead(503, { 'retry-after': '1', 'content-type': 'text/plain; charset=utf-8' })
        .end('503：预览正在更新网站，请稍后刷新。');
  }
}
