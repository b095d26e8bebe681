import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { openPagefind } from '../../src/search/node-pagefind.ts';
import { searchArchive } from '../../src/search/query.ts';
import { bundledIssuePath, makeContentDir, repoRoot } from '../helpers/content.ts';
import { defined } from '../helpers/defined.ts';
import { messageText } from '../../src/preview/ws-message.ts';

/** Resolves when `predicate` holds for the text gathered so far; the test's timeout bounds the wait. */
function waitFor(read: () => string, predicate: (text: string) => boolean): Promise<string> {
  return new Promise((resolve) => {
    const poll = setInterval(() => {
      const text = read();
      if (predicate(text)) {
        clearInterval(poll);
        resolve(text);
      }
    }, 50);
  });
}

const fetchText = async (url: string) => (await fetch(url)).text();

/**
 * A request as a browser navigating sends it: fetch() says it is no navigation (sec-fetch-mode),
 * and the dev server adds its reload client to navigations only; the path goes out as written.
 */
function navigate(url: string, method = 'GET'): Promise<{ status: number; body: string }> {
  const { hostname, port, pathname, search } = new URL(url);
  return rawRequest(hostname, Number(port), pathname + search, method);
}

function rawRequest(
  host: string,
  port: number,
  path: string,
  method = 'GET',
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const sent = request({ host, port, path, method }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    sent.on('error', reject);
    sent.end();
  });
}

describe('npm start: the live-reload preview', () => {
  const original = readFileSync(bundledIssuePath, 'utf8');
  const content = makeContentDir({
    '2018/2018-01.md': original,
    'parks.yaml': readFileSync(join(repoRoot, 'content/parks.yaml')),
  });
  const issueFile = join(content, '2018/2018-01.md');
  const issue2019 = original
    .replace('year: 2018', 'year: 2019')
    .replace('cumulativeNumber: 10', 'cumulativeNumber: 11')
    .replace('date: 2018-06-29', 'date: 2019-03-01');
  const out = join(mkdtempSync(join(tmpdir(), 'bulletin-preview-')), '_site');
  let child: ChildProcess;
  let output = '';
  // The reload messages the dev server has sent over its WebSocket, as an open page receives them.
  let reloads = 0;
  let socket: WebSocket | undefined;
  let base = '';
  const reloadAfter = (before: number) =>
    waitFor(
      () => String(reloads),
      () => reloads > before,
    );

  beforeAll(async () => {
    const preview = spawn(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--serve', '--out', out], {
      cwd: repoRoot,
      env: { ...process.env, CONTENT_DIR: content, PORT: '0', PATH_PREFIX: '' },
    });
    child = preview;
    preview.stdout.on('data', (chunk) => (output += chunk));
    preview.stderr.on('data', (chunk) => (output += chunk));
    const printed = await waitFor(
      () => output,
      (text) => /预览网站：(http:\/\/localhost:\d+\/)/.test(text),
    );
    const address = defined(/预览网站：(http:\/\/localhost:\d+\/)/.exec(printed)?.[1], 'the preview address');
    base = address.replace('localhost', '127.0.0.1');
    const opened = new WebSocket(base.replace('http:', 'ws:'));
    socket = opened;
    opened.on('message', (data) => {
      if ((JSON.parse(messageText(data)) as { type?: string }).type === 'eleventy.reload') reloads++;
    });
    await new Promise((resolve, reject) => opened.once('open', resolve).once('error', reject));
  });

  afterAll(async () => {
    socket?.close();
    // The preview may still be writing a search index: the folder goes once it has stopped.
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill();
      await exited;
      // Stopped by a signal, the preview still frees the folder for the next build.
      expect(existsSync(`${out}.lock`)).toBe(false);
    }
    rmSync(dirname(out), { recursive: true, force: true });
  });

  it('serves the built archive with a reload script that the published files do not carry', async () => {
    const page = await navigate(`${base}2018/01/p1/`);
    expect(page.body).toContain('论证专家组由中国环保产业协会');
    expect(page.body).toContain('/.11ty/reload-client.js');
    expect(readFileSync(join(out, '2018/01/p1/index.html'), 'utf8')).not.toContain('reload-client');
  });

  it('refuses writes and paths outside the site, and keeps running', async () => {
    expect((await navigate(`${base}2018/01/p1/`, 'POST')).status).toBe(405);
    expect((await navigate(`${base}2018/01/p1/`, 'DELETE')).status).toBe(405);
    // Each of these ended the dev server's process before the preview guarded its requests.
    for (const path of ['/..%2f..%2f..%2fetc/passwd', '/..%2f_site.old-1/index.html', '/%E0%A4%A']) {
      expect((await rawRequest('127.0.0.1', Number(new URL(base).port), path)).status, path).toBe(404);
    }
    expect((await navigate(`${base}2018/01/p1/`)).status).toBe(200);
    expect(child.exitCode).toBeNull();
  });

  it('keeps a build out of the folder it serves, naming itself as the holder', async () => {
    const build = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--out', out], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, CONTENT_DIR: content },
    });
    expect(build.status).toBe(2);
    expect(build.stderr).toContain(`正被另一个 npm start（进程 ${child.pid}`);
    expect((await navigate(`${base}2018/01/p1/`)).status).toBe(200);
  });

  it('rebuilds and tells the browser to reload after a save', async () => {
    const reloadsBefore = reloads;
    writeFileSync(issueFile, original.replace('论证专家组由', '论证专家组（预览修改）由'));
    await reloadAfter(reloadsBefore);
    expect(await fetchText(`${base}2018/01/p1/`)).toContain('论证专家组（预览修改）由');
  });

  it('brings the search index up to date after the page', async () => {
    // 0 also while there is no index yet, or Pagefind swapped its files during the search: try again.
    // As the preview's search page: the full index with the edits bundle written after saves.
    const found = async (query: string) => {
      const loaded = await openPagefind(out, { previewEdits: true }).catch(() => undefined);
      try {
        return loaded ? (await searchArchive(loaded.pagefind, { query })).total : 0;
      } catch {
        return 0;
      } finally {
        await loaded?.close();
      }
    };
    while ((await found('预览修改')) === 0) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await found('论证专家组')).toBe(1);
    expect(output).toContain('检索索引已更新');
  });

  it('prints a content error in the check form, serves the last good site and shows the error on it', async () => {
    const before = output.length;
    const reloadsBefore = reloads;
    writeFileSync(
      issueFile,
      original.replace('论证专家组由', '论证专家组（预览修改）由').replace('date: 2018-06-29', 'date: 2018-06-31'),
    );
    const printed = await waitFor(
      () => output.slice(before),
      (text) => text.includes('(date-invalid)'),
    );
    expect(printed).toMatch(/2018-01\.md:7:7 {2}error {2}.*\(date-invalid\)/);
    expect(printed).not.toMatch(/\n\s+at /);
    // Open pages reload to show the error (tests/preview/banner.test.ts reads it in a browser).
    await reloadAfter(reloadsBefore);
    const page = (await navigate(`${base}2018/01/p1/`)).body;
    expect(page).toContain('论证专家组（预览修改）由');
    expect(page).toContain('(date-invalid)');
    // A script's fetch gets the page as built.
    expect(await fetchText(`${base}2018/01/p1/`)).not.toContain('(date-invalid)');
  });

  it('picks up the fix and an issue added in a new year folder', async () => {
    const reloadsBefore = reloads;
    writeFileSync(issueFile, original);
    await reloadAfter(reloadsBefore);
    expect(await fetchText(`${base}2018/01/p1/`)).not.toContain('预览修改');

    const reloadsAfterFix = reloads;
    mkdirSync(join(content, '2019'));
    writeFileSync(join(content, '2019/2019-01.md'), issue2019);
    await reloadAfter(reloadsAfterFix);
    const response = await fetch(`${base}2019/01/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('2019年第1期');
  });

  it('outlives files and folders vanishing and being renamed while it rebuilds', async () => {
    const file = join(content, '2019/2019-01.md');
    // Rebuilds start while this goes on, so now and then a load finds a file or folder gone that it
    // had listed (tests/pipeline/load-vanish.test.ts hits those points exactly).
    const until = Date.now() + 3000;
    for (let round = 0; Date.now() < until; round++) {
      if (round % 3 === 0) {
        renameSync(join(content, '2019'), join(content, '2019-moved'));
        renameSync(join(content, '2019-moved'), join(content, '2019'));
      } else if (round % 3 === 1) {
        renameSync(file, `${file}.saving`);
        renameSync(`${file}.saving`, file);
      } else {
        rmSync(file);
        writeFileSync(file, issue2019);
      }
      // Just past the watcher's quiet period now and then, so rebuilds start in between.
      await new Promise((resolve) => setTimeout(resolve, round % 2 === 0 ? 5 : 90 + (round % 7) * 5));
    }
    expect(child.exitCode).toBeNull();
    // Still watching and rebuilding: a save after all that shows.
    const reloadsBefore = reloads;
    writeFileSync(issueFile, original.replace('论证专家组由', '论证专家组（最后修改）由'));
    await reloadAfter(reloadsBefore);
    // That reload may be of a rebuild the churn started; the save shows in one of the next.
    for (;;) {
      const seen = reloads;
      if ((await fetchText(`${base}2018/01/p1/`)).includes('论证专家组（最后修改）由')) break;
      await reloadAfter(seen);
    }
    expect((await fetch(`${base}2019/01/`)).status).toBe(200);
    expect(output).not.toMatch(/\n\s+at /);
    expect(child.exitCode).toBeNull();
  });
});

describe('npm start on a port already in use', () => {
  it('says so in Chinese, names another port and exits before building', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as AddressInfo).port;
    const out = join(mkdtempSync(join(tmpdir(), 'bulletin-preview-busy-')), '_site');
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--serve', '--out', out], {
        cwd: repoRoot,
        env: {
          ...process.env,
          CONTENT_DIR: makeContentDir({ '2018/2018-01.md': readFileSync(bundledIssuePath) }),
          PORT: String(port),
          PATH_PREFIX: '',
        },
      });
      let printed = '';
      child.stdout.on('data', (chunk) => (printed += chunk));
      child.stderr.on('data', (chunk) => (printed += chunk));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).toBe(1);
      expect(printed).toContain(`端口 ${port} 已被占用`);
      expect(printed).toContain(`PORT=${port + 1} npm start`);
      expect(printed).not.toMatch(/\n\s+at |Error|生成失败|磁盘/);
      expect(existsSync(out)).toBe(false);
    } finally {
      busy.close();
      rmSync(dirname(out), { recursive: true, force: true });
    }
  });
});
