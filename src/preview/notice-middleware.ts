import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DevServerMiddleware } from '@11ty/eleventy-dev-server';
import { waitingPage, withNotice, withSearchEditsMarker } from './notice-html.ts';
import type { PreviewStatus } from './preview-status.ts';

/**
 * Dev-server middleware that tells the browser what the terminal says: until there is a site,
 * every address answers 503 with the waiting page (starting, or the content's errors); after,
 * each HTML page a browser navigates to carries the notice of the last rebuild's errors and the
 * warnings, and the marker that has the search page merge the preview's edits bundle. Only the
 * responses change, never the files: a build's output holds none of it.
 *
 * 503, not 200: the site is not there yet, and a tool or test polling the preview must not take
 * the waiting page for the home page; browsers show the body all the same. The dev server adds
 * its reload client to it as to any HTML, so the page turns into the site once it is built.
 */
export function previewNotice(status: () => PreviewStatus): DevServerMiddleware {
  return (request, response, next) => {
    const now = status();
    if (!now.site) {
      response.statusCode = 503;
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.setHeader('cache-control', 'no-store');
      response.setHeader('retry-after', '2');
      response.end(waitingPage(now));
      return;
    }
    if (navigation(request)) transformHtml(response, (page) => withSearchEditsMarker(withNotice(page, status())));
    next();
  };
}

/**
 * The dev server's own test for adding its reload client: a page a script fetches (no
 * navigation) is data for that script, and gets nothing added.
 */
function navigation(request: IncomingMessage): boolean {
  const mode = request.headers['sec-fetch-mode'];
  return mode === undefined || mode === 'navigate';
}

/**
 * Runs `transform` over an HTML body as the dev server ends the response with it. Its static
 * files are sent in one `end(text)` (the dev server reads HTML whole to add its reload client),
 * so nothing else needs catching; any other body goes through untouched.
 */
function transformHtml(response: ServerResponse, transform: (html: string) => string): void {
  const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
  const wrapped = (...args: unknown[]): ServerResponse => {
    const [body, ...rest] = args;
    const type = response.getHeader('content-type');
    if (typeof body === 'string' && typeof type === 'string' && type.startsWith('text/html'))
      return end(transform(body), ...rest);
    return end(...args);
  };
  response.end = wrapped as ServerResponse['end'];
}
