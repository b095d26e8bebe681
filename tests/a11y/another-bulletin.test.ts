import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSiteServer } from '../../src/preview/site-server.ts';
import { axeViolations } from '../browser/axe.ts';
import { launchChromium, openSite, type SiteInBrowser } from '../browser/browser.ts';
import { buildSite, type BuiltSite } from '../browser/built-site.ts';

/** The second example bulletin in Chromium: no trace of the first bulletin's parks on any page, as a reader sees it. */
const pages: [name: string, path: string][] = [
  ['home', '/'],
  ['holdings', '/holdings/'],
  ['year', '/2024/'],
  ['issue', '/2024/01/'],
  ['article', '/2024/01/p1/'],
  ['section', '/sections/headlines/'],
  ['sections', '/sections/'],
  ['about', '/about/bulletin/'],
  ['feeds and data', '/about/'],
  ['search with results', '/search/?q=环境'],
];
/** Screenshots to look at (desktop and phone); the test names the folder. */
const shots = join(tmpdir(), 'another-bulletin-screenshots');

let built: BuiltSite;
let site: SiteInBrowser;

beforeAll(async () => {
  built = await buildSite({ CONTENT_DIR: 'examples/another-bulletin' });
  site = await openSite(built.dir);
  mkdirSync(shots, { recursive: true });
});

afterAll(async () => {
  await site?.close();
  await built?.remove();
});

describe('the second example bulletin in Chromium', () => {
  it.each(pages)('shows no 园区 and no 总第 on the %s page (%s), at desktop and phone width', async (name, path) => {
    const page = await site.newPage();
    for (const [width, height] of [
      [1280, 900],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.goto(site.url(path));
      if (path.startsWith('/search/')) await page.waitForSelector('#search-results li', { timeout: 20_000 });
      const text = await page.evaluate(() => document.body.innerText);
      expect(text).not.toMatch(/园区|总第|总期号/);
      await page.screenshot({ path: join(shots, `${name.replace(/ /g, '-')}-${width}.png`), fullPage: true });
    }
    await page.close();
  });

  it.each(pages)('finds no axe violation on the %s page (%s)', async (_name, path) => {
    expect(await axeViolations(() => site.newPage(), site.url(path))).toEqual([]);
  });

  it('offers the print button with JavaScript and fills in today as the date read', async () => {
    const page = await site.newPage();
    await page.goto(site.url('/2024/01/p1/'));
    await expect.poll(() => page.locator('[data-print-action]').isVisible()).toBe(true);
    const cited = await page.locator('[data-cited-date]').textContent();
    expect(cited).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page.goto(site.url('/2024/01/'));
    await expect.poll(() => page.locator('[data-print-action]').isVisible()).toBe(true);
    await page.close();
  });

  it('hides the print button without JavaScript, which could not print', async () => {
    const server = await openSiteServer({ dir: built.dir, pathPrefix: '/', port: 0, liveReload: false });
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${server.port}/2024/01/p1/`);
      expect(await page.locator('[data-print-action]').isVisible()).toBe(false);
      expect(await page.locator('[data-cited-date]').textContent()).toBe('引用日期');
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
