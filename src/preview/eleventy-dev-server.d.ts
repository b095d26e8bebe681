// @11ty/eleventy-dev-server 2.1 ships JavaScript without declarations; these are the parts this
// project uses (read from its server.js).
declare module '@11ty/eleventy-dev-server' {
  import type { IncomingMessage, Server, ServerResponse } from 'node:http';

  export interface DevServerLogger {
    info(message: string): void;
    log(message: string): void;
    error(message: string): void;
  }

  /** Runs after the server's own scripts route and before its static files; `next` is synchronous. */
  export type DevServerMiddleware = (request: IncomingMessage, response: ServerResponse, next: () => void) => void;

  export interface DevServerOptions {
    /** Sub-path the site lives under; requests outside it get 404, `/` redirects to it. */
    pathPrefix?: string;
    /** Injects the reload client into served HTML pages and opens the WebSocket. */
    liveReload?: boolean;
    /** Patch the page in place (morphdom) instead of reloading it, for reloads that name templates. */
    domDiff?: boolean;
    /** How many following ports to try when the port is busy (default 10). */
    portReassignmentRetryCount?: number;
    /** Headers set on every file served. */
    headers?: Record<string, string>;
    logger?: DevServerLogger;
    /** The start-up line to log, or false for none. */
    messageOnStart?: () => string | false;
    middleware?: DevServerMiddleware[];
  }

  export default class EleventyDevServer {
    static getServer(name: string, dir: string, options?: DevServerOptions): EleventyDevServer;
    /** The options as normalised; `pathPrefix` (`/` or `/sub/`) is read at every request. */
    readonly options: { pathPrefix: string };
    /** The node:http server, created on first access with the dev server's own listeners. */
    readonly server: Server;
    /** Resolves once the server listens (and its WebSocket server is set up). */
    ready(): Promise<void>;
    /** Tells every open page to reload; without templates named it reloads the whole page. */
    reload(event?: { files?: string[]; subtype?: string }): void;
    close(): Promise<void>;
  }
}
