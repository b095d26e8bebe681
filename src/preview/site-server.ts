import EleventyDevServer, { type DevServerMiddleware } from '@11ty/eleventy-dev-server';
import { guardRequests } from './request-guard.ts';
import { listeningPort } from '../core/listening-port.ts';

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
  const { pathPrefix, log } = options;
  // The dev server sends `/sub/` on but answers `/sub` with 404; a static host adds the slash.
  const addPrefixSlash: DevServerMiddleware = (request, response, next) => {
    if (pathPrefix !== '/' && new URL(request.url ?? '/', 'http://localhost/').pathname === pathPrefix.slice(0, -1)) {
      response.writeHead(301, { location: pathPrefix }).end();
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
    reload: () => devServer.reload(),
    close: () => devServer.close(),
  };
}
