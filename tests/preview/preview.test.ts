import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPagefind } from '../../src/search/node-pagefind.ts';
import { searchArchive } from '../../src/search/query.ts';
import { bundledIssuePath, makeContentDir, repoRoot } from '../helpers/content.ts';

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

describe('npm start: the live-reload preview', () => {
  const original = readFileSync(bundledIssuePath, 'utf8');
  const content = makeContentDir({ '2018/2018-01.md': original, 'parks.yaml': readFileSync(join(repoRoot, 'content/parks.yaml')) });
  const issueFile = join(content, '2018/2018-01.md');
  const out = join(mkdtempSync(join(tmpdir(), 'bulletin-preview-')), '_site');
  let child: ChildProcess;
  let output = '';
  let events = '';
  let base = '';

  beforeAll(async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--serve', '--out', out], {
      cwd: repoRoot,
      env: { ...process.env, CONTENT_DIR: content, PORT: '0', PATH_PREFIX: '' },
    });
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    const started = await waitFor(() => output, (text) => /预览网站：(http:\/\/localhost:\d+\/)/.test(text));
    base = /预览网站：(http:\/\/localhost:\d+\/)/.exec(started)![1]!.replace('localhost', '127.0.0.1');
    get(`${base}__preview/events`, (response) => response.on('data', (chunk) => (events += chunk)));
    await waitFor(() => events, (text) => text.includes(': connected'));
  });

  afterAll(() => {
    child?.kill();
    rmSync(dirname(out), { recursive: true, force: true });
  });

  it('serves the built archive with a reload script that the published files do not carry', async () => {
    const page = await fetchText(`${base}2018/01/p1/`);
    expect(page).toContain('论证专家组由中国环保产业协会');
    expect(page).toContain('/__preview/events');
    expect(readFileSync(join(out, '2018/01/p1/index.html'), 'utf8')).not.toContain('<script>new EventSource');
  });

  it('rebuilds and tells the browser to reload after a save', async () => {
    const reloadsBefore = events.split('event: reload').length;
    writeFileSync(issueFile, original.replace('论证专家组由', '论证专家组（预览修改）由'));
    await waitFor(() => events, (text) => text.split('event: reload').length > reloadsBefore);
    expect(await fetchText(`${base}2018/01/p1/`)).toContain('论证专家组（预览修改）由');
  });

  it('brings the search index up to date after the page', async () => {
    // 0 also while there is no index yet, or Pagefind swapped its files during the search: try again.
    const found = async (query: string) => {
      const loaded = await openPagefind(out).catch(() => undefined);
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

  it('prints a content error in the check form and keeps serving the last good site', async () => {
    const before = output.length;
    writeFileSync(issueFile, original.replace('论证专家组由', '论证专家组（预览修改）由').replace('date: 2018-06-29', 'date: 2018-06-31'));
    const printed = await waitFor(() => output.slice(before), (text) => text.includes('(date-invalid)'));
    expect(printed).toMatch(/2018-01\.md:7:7 {2}error {2}.*\(date-invalid\)/);
    expect(printed).not.toMatch(/\n\s+at /);
    expect(await fetchText(`${base}2018/01/p1/`)).toContain('论证专家组（预览修改）由');
  });

  it('picks up the fix and an issue added in a new year folder', async () => {
    const reloadsBefore = events.split('event: reload').length;
    writeFileSync(issueFile, original);
    await waitFor(() => events, (text) => text.split('event: reload').length > reloadsBefore);
    expect(await fetchText(`${base}2018/01/p1/`)).not.toContain('预览修改');

    const reloadsAfterFix = events.split('event: reload').length;
    mkdirSync(join(content, '2019'));
    writeFileSync(join(content, '2019/2019-01.md'), original.replace('year: 2018', 'year: 2019').replace('cumulativeNumber: 10', 'cumulativeNumber: 11').replace('date: 2018-06-29', 'date: 2019-03-01'));
    await waitFor(() => events, (text) => text.split('event: reload').length > reloadsAfterFix);
    const response = await fetch(`${base}2019/01/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('2019年第1期');
  });
});
