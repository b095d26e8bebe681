import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { refusedPath } from '../../src/preview/request-guard.ts';
import { movedTo, openSiteServer, PortUnavailableError, type SiteServer } from '../../src/preview/site-server.ts';
import { messageText } from '../../src/preview/ws-message.ts';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** The path exactly as given (fetch would normalise it) and no fetch headers, as a browser's navigation sends. */
function send(port: number, path: string, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const sent = request({ host: '127.0.0.1', port, path, method }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    sent.on('error', reject);
    sent.end();
  });
}

const root = mkdtempSync(join(tmpdir(), 'bulletin-serve-'));
const site = join(root, '_site');
const page =
  '<!doctype html><html lang="zh-CN"><head><title>2018年第1期</title></head><body><p>期刊页</p></body></html>';

beforeAll(() => {
  mkdirSync(join(site, '2018/01'), { recursive: true });
  writeFileSync(join(site, '2018/01/index.html'), page);
  writeFileSync(
    join(site, '2018/index.html'),
    '<!doctype html><html><head><title>2018</title></head><body>年份页</body></html>',
  );
  writeFileSync(
    join(site, '404.html'),
    '<!doctype html><html><head><title>404</title></head><body>找不到页面</body></html>',
  );
  writeFileSync(join(site, 'feed.xml'), '<feed/>');
  writeFileSync(join(site, '图.png'), 'png');
  // A sibling whose name starts like the site's: the dev server's own containment check is a prefix test.
  mkdirSync(join(root, '_site-private'));
  writeFileSync(join(root, '_site-private/secret.txt'), 'SECRET');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('refusedPath', () => {
  it('refuses what decodes to a parent segment or does not decode', () => {
    expect(refusedPath('/2018/01/')).toBeUndefined();
    expect(refusedPath('/%E5%9B%BE.png')).toBeUndefined();
    expect(refusedPath('/a..b/')).toBeUndefined();
    expect(refusedPath('/..%2f..%2fetc/passwd')).toBe('outside');
    expect(refusedPath('/x/..%5c..%5cetc')).toBe('outside');
    expect(refusedPath('/%E0%A4%A')).toBe('malformed');
    expect(refusedPath('/a%00b')).toBe('malformed');
  });
});

describe('openSiteServer at the root', () => {
  let server: SiteServer;
  beforeAll(async () => (server = await openSiteServer({ dir: site, pathPrefix: '/', port: 0, liveReload: true })));
  afterAll(() => server?.close());

  it('serves folders through index.html and files as they are', async () => {
    expect((await send(server.port, '/2018/01/')).body).toContain('期刊页');
    expect((await send(server.port, '/feed.xml?x=1')).body).toBe('<feed/>');
    expect((await send(server.port, '/%E5%9B%BE.png')).body).toBe('png');
  });

  it('adds the trailing slash to a folder', async () => {
    const answer = await send(server.port, '/2018');
    expect(answer.status).toBe(301);
    expect(answer.headers.location).toBe('/2018/');
  });

  it('answers a missing page with 404.html', async () => {
    const answer = await send(server.port, '/2030/01/');
    expect(answer.status).toBe(404);
    expect(answer.body).toContain('找不到页面');
  });

  it('refuses paths that climb out of the site, and keeps serving', async () => {
    for (const path of [
      '/../etc/passwd',
      '/%2e%2e/etc/passwd',
      '/..%2f..%2f..%2fetc/passwd',
      '/..%2f_site-private/secret.txt',
      '/2018/..%2f..%2f_site-private/secret.txt',
      '/%E0%A4%A',
    ]) {
      const answer = await send(server.port, path);
      expect(answer.status, path).toBe(404);
      expect(answer.body, path).not.toContain('SECRET');
    }
    expect((await send(server.port, '/2018/01/')).status).toBe(200);
  });

  it('answers writes with 405', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const answer = await send(server.port, '/2018/01/', method);
      expect(answer.status, method).toBe(405);
      expect(answer.headers.allow).toBe('GET, HEAD');
      expect(answer.body).not.toContain('期刊页');
    }
  });

  it('adds the reload client to served pages only, and tells them to reload over its WebSocket', async () => {
    expect((await send(server.port, '/2018/01/')).body).toContain('/.11ty/reload-client.js');
    expect(readFileSync(join(site, '2018/01/index.html'), 'utf8')).toBe(page);
    expect((await send(server.port, '/.11ty/reload-client.js')).status).toBe(200);

    const socket = new WebSocket(`ws://127.0.0.1:${server.port}/`);
    const messages: string[] = [];
    const reloaded = new Promise<void>((resolve) =>
      socket.on('message', (data) => {
        messages.push(messageText(data));
        if (messageText(data).includes('eleventy.reload')) resolve();
      }),
    );
    await new Promise((resolve) => socket.once('open', resolve));
    server.reload();
    await reloaded;
    socket.close();
    expect(messages.map((message) => (JSON.parse(message) as { type: string }).type)).toContain('eleventy.reload');
  });

  it('says a busy port is busy instead of moving to another', async () => {
    const attempt = openSiteServer({ dir: site, pathPrefix: '/', port: server.port, liveReload: false });
    await expect(attempt).rejects.toBeInstanceOf(PortUnavailableError);
    await expect(attempt).rejects.toMatchObject({ port: server.port, code: 'EADDRINUSE' });
  });
});

describe('openSiteServer under a path prefix, without live reload', () => {
  let server: SiteServer;
  beforeAll(
    async () => (server = await openSiteServer({ dir: site, pathPrefix: '/repo/', port: 0, liveReload: false })),
  );
  afterAll(() => server?.close());

  it('serves only under the prefix', async () => {
    expect((await send(server.port, '/repo/2018/01/')).body).toContain('期刊页');
    expect((await send(server.port, '/repo/2018')).headers.location).toBe('/repo/2018/');
    const bare = await send(server.port, '/repo');
    expect(bare.status).toBe(301);
    expect(bare.headers.location).toBe('/repo/');
    expect((await send(server.port, '/2018/01/')).status).toBe(404);
    expect((await send(server.port, '/repo/..%2f..%2f_site-private/secret.txt')).status).toBe(404);
  });

  it('serves pages as they are', async () => {
    expect((await send(server.port, '/repo/2018/01/')).body).toBe(page);
  });
});

describe('openSiteServer when the path prefix changes', () => {
  it('sends a page at a former prefix on to the same page under the current one', () => {
    expect(movedTo('/2018/01/', '/repo/', ['/'])).toBe('/repo/2018/01/');
    expect(movedTo('/repo/2018/01/', '/repo/', ['/'])).toBeUndefined();
    expect(movedTo('/repo/2018/01/', '/', ['/repo/'])).toBe('/2018/01/');
    expect(movedTo('/repo', '/', ['/repo/'])).toBe('/');
    expect(movedTo('/2018/01/', '/', ['/repo/'])).toBeUndefined();
    expect(movedTo('/old/x/', '/new/', ['/mid/', '/old/'])).toBe('/new/x/');
    expect(movedTo('/.11ty/reload-client.js', '/repo/', ['/'])).toBeUndefined();
  });

  it('never sends a request on to another host', () => {
    expect(movedTo('/repo//evil.example/x', '/', ['/repo/'])).toBe('/evil.example/x');
    expect(movedTo('/repo///evil.example/', '/', ['/repo/'])).toBe('/evil.example/');
  });

  it('serves under the new prefix at once, and redirects the old one', async () => {
    const server = await openSiteServer({ dir: site, pathPrefix: '/', port: 0, liveReload: false });
    try {
      expect((await send(server.port, '/2018/01/')).body).toBe(page);
      server.setPathPrefix('repo');
      expect(server.pathPrefix).toBe('/repo/');
      expect((await send(server.port, '/repo/2018/01/')).body).toBe(page);
      const old = await send(server.port, '/2018/01/?a=1');
      expect([old.status, old.headers.location]).toEqual([302, '/repo/2018/01/?a=1']);
      expect((await send(server.port, '/repo')).headers.location).toBe('/repo/');
      server.setPathPrefix('/');
      expect((await send(server.port, '/2018/01/')).body).toBe(page);
      expect((await send(server.port, '/repo/2018/01/')).headers.location).toBe('/2018/01/');
    } finally {
      await server.close();
    }
  });
});
