import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
};

export type Resolution =
  | { kind: 'file'; path: string }
  | { kind: 'redirect'; location: string }
  | { kind: 'not-found' };

/**
 * What a static host does with a request path: strip the path prefix, map `/x/` to `/x/index.html`,
 * send `/x` on to `/x/` when that is a folder, refuse anything outside the output folder.
 * `isDirectory` answers for a relative path inside the output folder.
 */
export async function resolveRequest(
  requestPath: string,
  pathPrefix: string,
  isDirectory: (relativePath: string) => Promise<boolean>,
): Promise<Resolution> {
  let path: string;
  try {
    path = decodeURIComponent(requestPath.split(/[?#]/)[0] ?? '/');
  } catch {
    return { kind: 'not-found' };
  }
  if (`${path}/` === pathPrefix) return { kind: 'redirect', location: pathPrefix };
  if (!path.startsWith(pathPrefix)) return { kind: 'not-found' };
  const relativePath = normalize(path.slice(pathPrefix.length));
  if (relativePath.startsWith('..') || relativePath.includes(`${sep}..${sep}`) || path.includes('\0')) return { kind: 'not-found' };
  if (path.endsWith('/')) return { kind: 'file', path: join(relativePath, 'index.html') };
  if (await isDirectory(relativePath)) return { kind: 'redirect', location: `${path}/` };
  return { kind: 'file', path: relativePath };
}

/** What the preview adds to plain static serving: its own routes and a script in every page. */
export interface ServeHooks {
  /** Answers a request itself and returns true, or returns false to leave it to the files. */
  handle?(request: IncomingMessage, response: ServerResponse): boolean;
  transformHtml?(html: string): string;
}

/** A small static server for `npm start`: the built folder as any static host would serve it. */
export function serveStatic(root: string, pathPrefix: string, port: number, hooks: ServeHooks = {}): Promise<Server> {
  const isDirectory = (relativePath: string) => stat(join(root, relativePath)).then((s) => s.isDirectory(), () => false);
  const server = createServer(async (request, response) => {
    if (hooks.handle?.(request, response)) return;
    const resolution = await resolveRequest(request.url ?? '/', pathPrefix, isDirectory);
    if (resolution.kind === 'redirect') {
      response.writeHead(301, { location: resolution.location }).end();
      return;
    }
    const file = resolution.kind === 'file' ? join(root, resolution.path) : undefined;
    const found = file && (await stat(file).then((s) => s.isFile(), () => false));
    const served = found ? file : join(root, '404.html');
    const type = contentTypes[extname(served)] ?? 'application/octet-stream';
    response.writeHead(found ? 200 : 404, { 'content-type': type, 'cache-control': 'no-cache' });
    if (hooks.transformHtml && extname(served) === '.html') {
      readFile(served, 'utf8').then((html) => response.end(hooks.transformHtml!(html)), () => response.end());
      return;
    }
    createReadStream(served).on('error', () => response.end()).pipe(response);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolvePromise(server));
  });
}
