import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticeClass } from '../../src/preview/notice-html.ts';
import { noticeLabels } from '../../src/preview/labels.ts';
import { axeViolationsNow } from '../browser/axe.ts';
import { launchChromium } from '../browser/browser.ts';
import { bundledIssuePath, makeContentDir, repoRoot } from '../helpers/content.ts';
import { defined } from '../helpers/defined.ts';
import { listFiles } from '../site/helpers/build.ts';
import { sharedBundledSite } from '../site/helpers/shared-site.ts';

/** Where the screenshots go, to be looked at by whoever changes the notice. */
const shots = '/tmp/banner-shots';
const original = readFileSync(bundledIssuePath, 'utf8');
// Two errors, one quoting the editor's text with markup in it, and a warning.
const broken = original
  .replace('date: 2018-06-29', 'date: 2018-06-31')
  .replace('## 工作动态', '## 工作<img src=x onerror="window.hacked=1">动态');
const withWarning = original.replace('date: 2018-06-29', 'date: 2018-06-29\neditor: 张三');

interface RunningPreview {
  base: string;
  /** Everything it printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/** `npm start` on a content folder, as editors run it; resolves once it prints its address. */
async function startPreview(content: string): Promise<RunningPreview> {
  const out = join(mkdtempSync(join(tmpdir(), 'bulletin-banner-')), '_site');
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/build.ts', '--serve', '--out', out],
    { cwd: repoRoot, env: { ...process.env, CONTENT_DIR: content, PORT: '0', PATH_PREFIX: '' } },
  );
  let printed = '';
  child.stdout?.on('data', (chunk) => (printed += chunk));
  child.stderr?.on('data', (chunk) => (printed += chunk));
  const address = /预览网站：http:\/\/localhost:(\d+)\//;
  while (!address.test(printed)) {
    if (child.exitCode !== null) throw new Error(`the preview exited:\n${printed}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    base: `http://127.0.0.1:${defined(address.exec(printed)?.[1], 'the port')}/`,
    output: () => printed,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = once(child, 'exit');
        child.kill();
        await exited;
      }
      rmSync(dirname(out), { recursive: true, force: true });
    },
  };
}

/** The terminal's lines that name the issue file: the ones the browser must show word for word. */
const fileLines = (output: string, severity: string) =>
  output.split('\n').filter((line) => line.includes(`2018-01.md:`) && line.includes(`  ${severity}  `));

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(shots, { recursive: true });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
    await page.screenshot({ path: join(shots, `${name}-${width}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

let browser: Browser;
// axe-core needs a context of its own, not a bare browser page.
let tabs: BrowserContext;
beforeAll(async () => {
  browser = await launchChromium();
  tabs = await browser.newContext();
});
afterAll(() => browser?.close());

describe('npm start tells the browser what is wrong', () => {
  const content = makeContentDir({
    '2018/2018-01.md': original,
    'parks.yaml': readFileSync(join(repoRoot, 'content/parks.yaml')),
  });
  const issueFile = join(content, '2018/2018-01.md');
  let preview: RunningPreview;
  beforeAll(async () => (preview = await startPreview(content)));
  afterAll(() => preview?.stop());

  it('shows the errors on the open page as the terminal prints them, then clears them after the fix', async () => {
    expect(preview.output()).toMatch(/要换端口.*PORT=\d+ npm start/);
    const page = await tabs.newPage();
    await page.goto(`${preview.base}2018/01/p1/`);
    expect(await page.locator(`.${noticeClass}`).count()).toBe(0);

    const before = preview.output().length;
    writeFileSync(issueFile, broken);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const printed = fileLines(preview.output().slice(before), 'error');
    expect(printed).toHaveLength(2);
    // The page reloaded on its own: still the last good one, now with the banner.
    await expect(alert.locator('code').allTextContents()).resolves.toEqual(printed);
    await expect(alert.locator('summary').textContent()).resolves.toBe(noticeLabels.errorsTitle(2));
    expect(printed.join('\n')).toMatch(/2018-01\.md:7:7 {2}error /);
    expect(await page.locator(`.${noticeClass} img`).count()).toBe(0);
    expect(await page.evaluate(() => 'hacked' in window)).toBe(false);
    expect(await page.locator('h1').first().textContent()).toContain('泰州医药高新技术产业开发区');
    expect(await axeViolationsNow(page)).toEqual([]);
    await screenshot(page, 'banner');

    // Folded, it leaves the page but a bar.
    await alert.locator('summary').click();
    await expect(alert.locator('details').getAttribute('open')).resolves.toBeNull();
    const bar = defined(await alert.boundingBox(), 'the folded banner');
    expect(bar.height).toBeLessThan(60);
    await screenshot(page, 'banner-folded');

    writeFileSync(issueFile, withWarning);
    const note = page.getByRole('status');
    await note.waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await expect(note.locator('summary').textContent()).resolves.toBe(noticeLabels.warningsTitle(1));
    await note.locator('summary').click();
    await expect(note.locator('code').allTextContents()).resolves.toEqual([
      expect.stringMatching(/2018-01\.md:8:1 {2}warning .*\(front-matter-unknown-field\)$/),
    ]);
    expect(await axeViolationsNow(page)).toEqual([]);
    await screenshot(page, 'warning-note');

    writeFileSync(issueFile, original);
    await page.locator(`.${noticeClass}`).waitFor({ state: 'detached' });
    await page.close();
  });
});

describe('npm start on broken content', () => {
  const content = makeContentDir({
    '2018/2018-01.md': broken,
    'parks.yaml': readFileSync(join(repoRoot, 'content/parks.yaml')),
  });
  let preview: RunningPreview;
  beforeAll(async () => (preview = await startPreview(content)));
  afterAll(() => preview?.stop());

  it('serves a page saying what is wrong, which turns into the site once the fix is built', async () => {
    const page = await tabs.newPage();
    const answer = await page.goto(`${preview.base}2018/01/`);
    expect(answer?.status()).toBe(503);
    await expect(page.locator('h1').textContent()).resolves.toBe(noticeLabels.brokenTitle);
    const printed = fileLines(preview.output(), 'error');
    expect(printed).toHaveLength(2);
    await expect(page.getByRole('alert').locator('code').allTextContents()).resolves.toEqual(printed);
    expect(await page.locator('main img').count()).toBe(0);
    expect(await axeViolationsNow(page)).toEqual([]);
    await screenshot(page, 'broken-start');

    // Every address says the same until there is a site.
    expect((await fetch(`${preview.base}no/such/page/`)).status).toBe(503);

    writeFileSync(join(content, '2018/2018-01.md'), original);
    await page.locator('.site-header').waitFor({ timeout: 30_000 });
    expect(await page.title()).toContain('2018年第1期');
    expect(await page.locator(`.${noticeClass}`).count()).toBe(0);
    await page.close();
  });
});

describe('npm run build', () => {
  it('publishes no trace of the preview notice', async () => {
    const { dir } = await sharedBundledSite();
    const traces = [noticeClass, noticeLabels.errorsHint, noticeLabels.brokenTitle, noticeLabels.buildingTitle];
    for (const file of await listFiles(dir)) {
      if (!/\.(html|css|js|json|xml|txt)$/.test(file)) continue;
      const text = await readFile(join(dir, file), 'utf8');
      for (const trace of traces) expect(text.includes(trace), `${file} holds ${trace}`).toBe(false);
    }
  });
});
