import EleventyDevServer, { type DevServerMiddleware } from '@11ty/eleventy-dev-server';
import { guardRequests } from './request-guard.ts';
import { listeningPort } from '../core/listening-port.ts';
import { normalizePathPrefix } from '../core/routes.ts';

export interface SiteServerOptions {
  /** The built site. */
  dir: string;
  /** `/` or `/sub/`: the site is served under it, as a static host would. */
  pathPrefix: string;
  /** 0 takes any free port. */
  port: number;
  /** Inject the reload client into served pages (never into the files) and accept its WebSocket. */
  liveReload: boolean;
  /** Where the dev server's error reports go; its other (English, per-request) lines are dropped. */
  log?: (line: string) => void;
  /** Run after the request guard, before the files are looked up (the preview's notice). */
  middleware?: DevServerMiddleware[];
}

export interface SiteServer {
  port: number;
  /** The sub-path the site is served under now. */
  readonly pathPrefix: string;
  /**
   * Serves the site under another prefix from now on (the preview, after site.yaml's pathPrefix
   * changed). A page under an earlier prefix is sent on to the same page under this one, so an
   * open page that reloads lands at its new address.
   */
  setPathPrefix(pathPrefix: string): void;
  /** Tells every open page to reload. */
  reload(): void;
  close(): Promise<void>;
}

/** The port cannot be listened on: taken (EADDRINUSE) or reserved (EACCES). */
export class PortUnavailableError extends Error {
  constructor(
    readonly port: number,
    readonly code: string,
  ) {
    super(`端口 ${port} 不可用（${code}）`);
  }
}

/**
 * A built site on 127.0.0.1 through Eleventy's dev server: the path prefix, `/x` → `/x/`,
 * 404.html for missing pages and, when asked, live reload over its WebSocket. The preview and
 * the browser tests both serve through it, so the tests read pages the way editors do.
 */
export async function openSiteServer(options: SiteServerOptions): Promise<SiteServer> {
  const { log } = options;
  let pathPrefix = normalizePathPrefix(options.pathPrefix);
  /** Prefixes served before, latest first. */
  const formerPrefixes: string[] = [];
  // The dev server sends `/sub/` on but answers `/sub` with 404; a static host adds the slash.
  const addPrefixSlash: DevServerMiddleware = (request, response, next) => {
    const url = new URL(request.url ?? '/', 'http://localhost/');
    const path = url.pathname;
    if (pathPrefix !== '/' && path === pathPrefix.slice(0, -1)) {
      response.writeHead(301, { location: pathPrefix }).end();
      return;
    }
    const moved = movedTo(path, pathPrefix, formerPrefixes);
    if (moved !== undefined) {
      // 302, not 301: the prefix may change back, and a browser keeps a 301.
      response.writeHead(302, { location: moved + url.search }).end();
      return;
    }
    next();
  };
  const devServer = EleventyDevServer.getServer('preview', options.dir, {
    pathPrefix,
    liveReload: options.liveReload,
    // Every reload is a full page reload; no page is patched in place.
    domDiff: false,
    portReassignmentRetryCount: 0,
    // Pages change under the same URL with every rebuild.
    headers: { 'cache-control': 'no-cache' },
    messageOnStart: () => false,
    logger: {
      info: () => {},
      log: () => {},
      // "HTTP 404: Template not found…" only means no 404.html yet (before the first build).
      error: (message) => (message.startsWith('HTTP 404') ? undefined : log?.(`预览服务器：${message}`)),
    },
    middleware: [guardRequests, addPrefixSlash, ...(options.middleware ?? [])],
  });

  const server = devServer.server;
  // Listening is done here, not with devServer.serve(): serve() listens on every interface, and
  // the dev server's 'error' listener moves on to the next port when this one is busy (and throws
  // from the listener once out of retries). The preview stays on this machine and says when its
  // port is taken.
  server.removeAllListeners('error');
  await new Promise<void>((resolve, reject) => {
    const fail = (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE' || error.code === 'EACCES'
          ? new PortUnavailableError(options.port, error.code)
          : error,
      );
    };
    server.once('error', fail);
    server.listen({ port: options.port, host: '127.0.0.1' }, () => {
      server.off('error', fail);
      resolve();
    });
  });
  server.on('error', (error) => log?.(`预览服务器出错：${error.message}`));
  await devServer.ready();

  return {
    port: listeningPort(server),
    get pathPrefix() {
      return pathPrefix;
    },
    setPathPrefix: (next: string) => {
      const normalized = normalizePathPrefix(next);
      if (normalized === pathPrefix) return;
      formerPrefixes.splice(0, formerPrefixes.length, pathPrefix, ...formerPrefixes.filter((p) => p !== normalized));
      pathPrefix = normalized;
      // Read by the dev server at each request (mapUrlToFilePath); it has no setter of its own.
      devServer.options.pathPrefix = normalized;
    },
    reload: () => devServer.reload(),
    close: () => devServer.close(),
  };
}

/**
 * Where a request for a page under a former prefix now goes: the same page under the current
 * one. A path under both is under the longer (from `/bulletin/` back to `/`, `/bulletin/x` is
 * the old address of `/x`). The dev server's own files (`/.11ty/…`) are at the root under every prefix.
 */
export function movedTo(path: string, current: string, former: readonly string[]): string | undefined {
  if (path.startsWith('/.11ty/')) return undefined;
  const was = former.find((prefix) => path.startsWith(prefix) || path === prefix.slice(0, -1));
  if (was === undefined || (path.startsWith(current) && current.length >= was.length)) return undefined;
  // `/repo//host/x` must not become `//host/x`: a browser reads that as another host.
  return current + path.slice(was.length).replace(/^\/+/, '');
}
