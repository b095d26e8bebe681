import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { messageText } from '../../src/preview/ws-message.ts';
import { bundledIssuePath, makeContentDir, repoRoot } from '../helpers/content.ts';
import { defined } from '../helpers/defined.ts';

/** Resolves when `predicate` holds for what `read` gives; the test's timeout bounds the wait. */
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

/** A browser's navigation (the notice is added to those only), without following redirects. */
function navigate(port: number, path: string): Promise<{ status: number; location?: string; body: string }> {
  return new Promise((resolve, reject) => {
    const sent = request({ host: '127.0.0.1', port, path }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          ...(response.headers.location ? { location: response.headers.location } : {}),
          body,
        }),
      );
    });
    sent.on('error', reject);
    sent.end();
  });
}

/**
 * `npm start` while the editor changes content/site.yaml: the preview rebuilds with the new
 * settings, tells a bad file on the page as it tells a content error, and moves to a new
 * pathPrefix without a restart, sending open pages on to their new address.
 */
describe('npm start: a change to site.yaml', () => {
  const settings = (fields: string) => `title: 甲简报\nshortTitle: 甲简报\n${fields}`;
  const content = makeContentDir({
    '2018/2018-01.md': readFileSync(bundledIssuePath, 'utf8'),
    'site.yaml': settings('pathPrefix: /\n'),
  });
  const settingsFile = join(content, 'site.yaml');
  const out = join(mkdtempSync(join(tmpdir(), 'bulletin-preview-settings-')), '_site');
  let child: ChildProcess;
  let output = '';
  let port = 0;
  let reloads = 0;
  let socket: WebSocket | undefined;
  const reloadAfter = (before: number) =>
    waitFor(
      () => String(reloads),
      () => reloads > before,
    );
  /** Saves site.yaml and waits for the rebuild it starts to reach open pages. */
  const save = async (text: string) => {
    const before = reloads;
    writeFileSync(settingsFile, text);
    await reloadAfter(before);
  };

  beforeAll(async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--serve', '--out', out], {
      cwd: repoRoot,
      env: { ...process.env, CONTENT_DIR: content, PORT: '0', PATH_PREFIX: '', SITE_URL: '' },
    });
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    const printed = await waitFor(
      () => output,
      (text) => /预览网站：http:\/\/localhost:\d+\//.test(text),
    );
    port = Number(defined(/预览网站：http:\/\/localhost:(\d+)\//.exec(printed)?.[1], 'the port'));
    const opened = new WebSocket(`ws://127.0.0.1:${port}/`);
    socket = opened;
    opened.on('message', (data) => {
      if ((JSON.parse(messageText(data)) as { type?: string }).type === 'eleventy.reload') reloads++;
    });
    await new Promise((resolve, reject) => opened.once('open', resolve).once('error', reject));
  });

  afterAll(async () => {
    socket?.close();
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill();
      await exited;
    }
    rmSync(dirname(out), { recursive: true, force: true });
  });

  it('rebuilds every page with the new settings', async () => {
    expect((await navigate(port, '/2018/01/p1/')).body).toContain('甲简报');
    await save('title: 乙简报\nshortTitle: 乙简报\npathPrefix: /\n');
    for (const path of ['/', '/2018/01/p1/', '/sections/'])
      expect((await navigate(port, path)).body, path).toContain('乙简报');
  });

  it('tells a bad site.yaml in the check form, on the page too, and keeps serving the last good site', async () => {
    const before = output.length;
    await save(settings('pathPrefix: /\nsectionPageSize: 0\n'));
    const printed = output.slice(before);
    expect(printed).toMatch(
      /site\.yaml:4:18 {2}error {2}sectionPageSize（栏目页每页文章数）须是正整数.*\(site-settings\)/,
    );
    expect(printed).toContain('网站未更新');
    expect(printed).not.toMatch(/\n\s+at /);
    const page = (await navigate(port, '/2018/01/p1/')).body;
    expect(page).toContain('乙简报');
    expect(page).toContain('(site-settings)');
    expect(child.exitCode).toBeNull();
  });

  it('moves to a new pathPrefix without a restart, and sends pages at the old address on', async () => {
    const before = output.length;
    await save(settings('pathPrefix: /bulletin/\n'));
    expect(output.slice(before)).toContain(`预览网站：http://localhost:${port}/bulletin/`);
    const page = await navigate(port, '/bulletin/2018/01/p1/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('href="/bulletin/2018/01/"');
    expect(page.body).not.toContain('(site-settings)');
    // An open page reloads at its old address and lands at the new one.
    expect(await navigate(port, '/2018/01/p1/?q=1')).toMatchObject({
      status: 302,
      location: '/bulletin/2018/01/p1/?q=1',
    });
    expect((await navigate(port, '/.11ty/reload-client.js')).status).toBe(200);

    await save(settings('pathPrefix: /\n'));
    expect((await navigate(port, '/2018/01/p1/')).status).toBe(200);
    expect(await navigate(port, '/bulletin/2018/01/p1/')).toMatchObject({ status: 302, location: '/2018/01/p1/' });
  });
});
