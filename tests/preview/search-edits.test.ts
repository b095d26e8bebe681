import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeGeneratedArchive } from '../../src/generate/archive.ts';
import { searchEditsFolder } from '../../src/search/edits-index.ts';
import { editsManifestFile, editsMarkerName } from '../../src/search/edits-merge.ts';
import { openPagefind } from '../../src/search/node-pagefind.ts';
import { searchArchive } from '../../src/search/query.ts';
import { launchChromium } from '../browser/browser.ts';
import { bundledContent, repoRoot } from '../helpers/content.ts';
import { defined } from '../helpers/defined.ts';

const updated = '检索索引已更新。';

/**
 * `npm start` after content saves: search reflects each save from a small edits bundle beside the
 * full index written at start (src/search/edits-index.ts), which the search page merges
 * (src/search/edits-merge.ts). The full index stays as written: a published site's search, which
 * knows nothing of the bundle, would still find the old text.
 */
describe('npm start: search after a content save', () => {
  const work = mkdtempSync(join(tmpdir(), 'preview-search-edits-'));
  const content = join(work, 'content');
  const out = join(work, '_site');
  const issueFile = join(content, '2018', '2018-01.md');
  let preview: ChildProcess;
  let output = '';
  let port = 0;
  let browser: Browser;

  /** Resolves once `text` has been printed `times` times; fails after `ms` with the log so far. */
  const printed = (text: string, times: number, ms = 60_000) =>
    new Promise<void>((resolve, reject) => {
      const deadline = Date.now() + ms;
      const poll = setInterval(() => {
        if (output.split(text).length - 1 >= times) {
          clearInterval(poll);
          resolve();
        } else if (Date.now() > deadline) {
          clearInterval(poll);
          reject(new Error(`${JSON.stringify(text)} not printed ${times} times within ${ms} ms; log:\n${output}`));
        }
      }, 20);
    });
  /** Saves a file (or removes it) and waits until search reflects the save. */
  const save = async (change: () => void) => {
    const times = output.split(updated).length;
    change();
    await printed(updated, times);
  };

  /** The URLs the Node harness finds, as the preview's search page (`previewEdits`) or a published site's. */
  const found = async (query: string, previewEdits = true) => {
    const loaded = await openPagefind(out, { previewEdits });
    try {
      const results = await searchArchive(loaded.pagefind, { query }, loaded.context);
      return (await results.hits(0, results.total)).map((hit) => hit.url);
    } finally {
      await loaded.close();
    }
  };

  /** The result links the search page shows in Chromium. */
  const pageResults = async (query: string) => {
    const page: Page = await browser.newPage();
    try {
      await page.goto(`http://127.0.0.1:${port}/search/?q=${encodeURIComponent(query)}`);
      await page
        .locator('#search-status')
        .filter({ hasText: /共 \d+ 篇|没有找到/ })
        .waitFor();
      return await page
        .locator('.search-result-title a')
        .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
    } finally {
      await page.close();
    }
  };

  beforeAll(async () => {
    await writeGeneratedArchive({
      sourceDir: bundledContent,
      outDir: content,
      issues: 6,
      seed: 11,
      includeSource: true,
      media: false,
    });
    preview = spawn(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--serve', '--out', out], {
      cwd: repoRoot,
      env: { ...process.env, CONTENT_DIR: content, PORT: '0', PATH_PREFIX: '', SITE_URL: '' },
    });
    preview.stdout?.on('data', (chunk) => (output += chunk));
    preview.stderr?.on('data', (chunk) => (output += chunk));
    await printed(updated, 1, 150_000);
    port = Number(defined(/localhost:(\d+)\//.exec(output)?.[1], 'the port'));
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (preview && preview.exitCode === null && preview.signalCode === null) {
      const exited = once(preview, 'exit');
      preview.kill();
      await exited;
    }
    rmSync(work, { recursive: true, force: true });
  });

  it('finds a saved phrase in the edited article only and no longer finds the text it replaced', async () => {
    expect(await found('论证专家组由')).toContain('/2018/01/p1/');
    await save(() =>
      writeFileSync(issueFile, readFileSync(issueFile, 'utf8').replace('论证专家组由', '预览独有的检索短语由')),
    );
    expect(existsSync(join(out, searchEditsFolder, editsManifestFile))).toBe(true);
    expect(await found('预览独有的检索短语')).toEqual(['/2018/01/p1/']);
    expect(await found('论证专家组由')).not.toContain('/2018/01/p1/');
    // The full index was not written again: without the bundle the old text is still found.
    expect(await found('论证专家组由', false)).toContain('/2018/01/p1/');
    // An article in both indexes (unchanged) is returned once.
    const common = await found('园区');
    expect(new Set(common).size).toBe(common.length);
    expect(common).toContain('/2018/01/p1/');

    expect(await pageResults('预览独有的检索短语')).toEqual(['/2018/01/p1/']);
    expect(await pageResults('论证专家组由')).not.toContain('/2018/01/p1/');
  });

  it("drops a deleted issue's articles from the results", async () => {
    const year = defined(
      readdirSync(content)
        .filter((name) => /^\d{4}$/.test(name) && name !== '2018')
        .sort()
        .at(-1),
      'a generated year',
    );
    const file = defined(readdirSync(join(content, year)).sort().at(-1), 'a generated issue');
    const issuePath = `/${year}/${file.replace(/\.md$/, '').split('-')[1]}/`;
    const before = await found('园区');
    const gone = before.filter((url) => url.startsWith(issuePath));
    expect(gone.length).toBeGreaterThan(0);
    await save(() => rmSync(join(content, year, file)));
    const after = await found('园区');
    expect(after.filter((url) => url.startsWith(issuePath))).toEqual([]);
    expect(after.length).toBe(before.length - gone.length);
    expect((await pageResults('园区')).some((url) => url.startsWith(issuePath))).toBe(false);
    // The phrase saved before is still found: the bundle holds every edit since the full index.
    expect(await found('预览独有的检索短语')).toEqual(['/2018/01/p1/']);
  });

  it('tells only the preview’s pages to look for the bundle', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`http://127.0.0.1:${port}/search/`);
      expect(await page.locator(`meta[name="${editsMarkerName}"]`).count()).toBe(1);
    } finally {
      await page.close();
    }
    expect(readFileSync(join(out, 'search', 'index.html'), 'utf8')).not.toContain(editsMarkerName);
  });
});
