import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadArchive } from '../../src/archive/load-archive.ts';
import { mediaArchive } from '../helpers/content.ts';
import { defined } from '../helpers/defined.ts';
import { openSite, type SiteInBrowser } from './browser.ts';
import { buildSite, type BuiltSite } from './built-site.ts';
import { axeViolations } from './axe.ts';

/**
 * The media fixture's site (the bundled issue with three photos, two of them side by side under
 * one caption, and its printed PDF) in Chromium:
 * pictures load in a format the browser prefers, nothing moves while they arrive, search results
 * show the thumbnail, and the pages with pictures and the original pass axe.
 */
const archive = await loadArchive(mediaArchive, 'media-archive');
const issue = defined(archive.issues[0], 'the fixture issue');
const articles = issue.sections.flatMap((section) => section.articles);
const hasPicture = (article: (typeof articles)[number]) =>
  article.figures.some((figure) => figure.pictures.some((picture) => picture.image));
const withPicture = defined(articles.find(hasPicture), 'an article with a picture');
const withTwo = defined(
  articles.find((article) => article.figures.some((figure) => figure.pictures.length === 2)),
  'an article with two pictures under one caption',
);
const withoutPicture = articles.filter((article) => !hasPicture(article));

const viewports = [
  ['desktop', { width: 1280, height: 900 }],
  ['phone', { width: 390, height: 844 }],
] as const;
const pages = [
  ['the article with a picture', withPicture.url],
  ['the article with two pictures under one caption', withTwo.url],
  ['the issue page', issue.url],
] as const;

/** How long each picture takes to arrive, in milliseconds. */
const pictureDelay = 400;

/** As a11y.test.ts: every WCAG 2.0/2.1 A and AA rule and the best practices, none turned off. */

let work: string;
let built: BuiltSite;
let site: SiteInBrowser;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'media-browser-'));
  // A fresh picture cache: the build reads its folder from the environment (this file's own process).
  vi.stubEnv('BULLETIN_CACHE_DIR', join(work, 'cache'));
  built = await buildSite({ CONTENT_DIR: mediaArchive });
  site = await openSite(built.dir);
});

afterAll(async () => {
  await site?.close();
  await built?.remove();
  vi.unstubAllEnvs();
  if (work) await rm(work, { recursive: true, force: true });
});

/** Layout shifts from the first paint on, kept by the page (not caused by input: there is none). */
function recordLayoutShifts(): void {
  const shifts: number[] = [];
  Object.assign(window, { layoutShifts: shifts });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
      if (!entry.hadRecentInput) shifts.push(entry.value);
  }).observe({ type: 'layout-shift', buffered: true });
}

/**
 * Scrolls to the bottom a screen at a time, as a reader does: on each screen until the pictures
 * on it have arrived, so a picture lands in view (where a shift counts) rather than above it.
 */
async function scrollThrough(page: Page): Promise<void> {
  for (let step = 0; step < 100; step++) {
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLImageElement>('.figure img')].every((img) => {
        const box = img.getBoundingClientRect();
        return img.complete || box.bottom < 0 || box.top > window.innerHeight;
      }),
    );
    const atBottom = await page.evaluate(() => {
      window.scrollBy(0, window.innerHeight * 0.75);
      return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;
    });
    await page.waitForTimeout(50);
    if (atBottom) return;
  }
  throw new Error('the page did not end after 100 screens');
}

interface Shown {
  complete: boolean;
  naturalWidth: number;
  currentSrc: string;
}

async function figurePictures(page: Page): Promise<Shown[]> {
  return page.locator('.figure img').evaluateAll((images) =>
    images.map((image) => {
      const img = image as HTMLImageElement;
      return { complete: img.complete, naturalWidth: img.naturalWidth, currentSrc: img.currentSrc };
    }),
  );
}

describe.each(viewports)('on a %s screen', (_name, viewport) => {
  describe.each(pages)('%s', (_page, path) => {
    let shown: Shown[];
    let shifts: number[];
    let observable: boolean;

    beforeAll(async () => {
      const page = await site.newPage();
      await page.setViewportSize(viewport);
      await page.addInitScript(recordLayoutShifts);
      // Pictures arrive after the text is on screen, as over a slow network: a box not reserved would move it.
      await page.route('**/pictures/**', async (route) => {
        await new Promise((done) => setTimeout(done, pictureDelay));
        await route.continue();
      });
      await page.goto(site.url(path), { waitUntil: 'load' });
      await scrollThrough(page);
      await page.waitForFunction(() =>
        [...document.querySelectorAll<HTMLImageElement>('.figure img')].every((img) => img.complete),
      );
      // Two frames: shifts of the last layout are reported before these run.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      shown = await figurePictures(page);
      observable = await page.evaluate(() => PerformanceObserver.supportedEntryTypes.includes('layout-shift'));
      shifts = await page.evaluate(() => Reflect.get(window, 'layoutShifts') as number[]);
      await page.close();
    });

    it('loads every picture, as AVIF or WebP', () => {
      expect(shown.length).toBeGreaterThan(0);
      for (const picture of shown) {
        expect(picture.complete, picture.currentSrc).toBe(true);
        expect(picture.naturalWidth, picture.currentSrc).toBeGreaterThan(0);
        expect(new URL(picture.currentSrc).pathname).toMatch(/^\/pictures\/[0-9a-f]+-\d+\.(avif|webp)$/);
      }
    });

    it('does not move while the pictures arrive: cumulative layout shift 0', () => {
      // A browser that cannot report shifts would report none.
      expect(observable).toBe(true);
      expect(shifts.reduce((sum, value) => sum + value, 0)).toBe(0);
    });
  });
});

describe('a figure with two pictures under one caption', () => {
  interface Box {
    top: number;
    bottom: number;
    left: number;
    right: number;
    width: number;
    height: number;
  }
  async function layout(viewport: { width: number; height: number }) {
    const page = await site.newPage();
    await page.setViewportSize(viewport);
    await page.goto(site.url(withTwo.url), { waitUntil: 'load' });
    const figure = page.locator('.figure', { has: page.locator('.figure-pictures') });
    await figure.scrollIntoViewIfNeeded();
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLImageElement>('.figure-pictures img')].every((img) => img.complete),
    );
    const measured = await figure.evaluate((element) => {
      const box = (node: Element): Box => {
        const { top, bottom, left, right, width, height } = node.getBoundingClientRect();
        return { top, bottom, left, right, width, height };
      };
      return {
        figure: box(element),
        pictures: [...element.querySelectorAll('.figure-pictures img')].map(box),
        captions: [...element.querySelectorAll('figcaption')].map(box),
      };
    });
    await page.close();
    return measured;
  }

  it('stands them side by side, equally tall, within the column, above the one caption, on a desktop', async () => {
    const { figure, pictures, captions } = await layout({ width: 1280, height: 900 });
    const [first, second] = pictures;
    expect(pictures).toHaveLength(2);
    expect(captions).toHaveLength(1);
    if (!first || !second) throw new Error('two pictures expected');
    expect(Math.abs(first.top - second.top)).toBeLessThan(1);
    expect(Math.abs(first.height - second.height)).toBeLessThan(1.5);
    expect(second.left).toBeGreaterThan(first.right);
    expect(first.left).toBeGreaterThanOrEqual(figure.left - 0.5);
    expect(second.right).toBeLessThanOrEqual(figure.right + 0.5);
    // Together they fill the column (each as wide as its shape asks), not two thumbnails.
    expect(first.width + second.width).toBeGreaterThan(figure.width * 0.95);
    expect(captions[0]?.top).toBeGreaterThanOrEqual(Math.max(first.bottom, second.bottom));
  });

  it('stacks them at the column’s width on a phone', async () => {
    const { figure, pictures, captions } = await layout({ width: 390, height: 844 });
    const [first, second] = pictures;
    if (!first || !second) throw new Error('two pictures expected');
    expect(second.top).toBeGreaterThanOrEqual(first.bottom);
    for (const picture of [first, second]) expect(Math.abs(picture.width - figure.width)).toBeLessThan(1);
    expect(captions[0]?.top).toBeGreaterThanOrEqual(second.bottom);
  });
});

describe('search results', () => {
  it('show the thumbnail of an article with a picture, loaded, and none for one without', async () => {
    const page = await site.newPage();
    await page.goto(site.url('/search/?q=泰州'));
    await page
      .locator('#search-status')
      .filter({ hasText: /共 \d+ 篇|没有找到/ })
      .waitFor();
    const result = page.locator('.search-result', { has: page.locator(`a[href^="${withPicture.url}"]`) });
    const thumbnail = result.locator('img.search-result-thumbnail');
    await thumbnail.scrollIntoViewIfNeeded();
    await thumbnail.evaluate(
      (img: HTMLImageElement) =>
        img.complete ||
        new Promise((done, fail) => {
          img.addEventListener('load', done);
          img.addEventListener('error', fail);
        }),
    );
    const loaded = await thumbnail.evaluate((img: HTMLImageElement) => ({
      complete: img.complete,
      naturalWidth: img.naturalWidth,
      src: new URL(img.currentSrc).pathname,
      alt: img.alt,
    }));
    expect(loaded).toMatchObject({ complete: true, alt: withPicture.figures[0]?.caption });
    expect(loaded.naturalWidth).toBeGreaterThan(0);
    expect(loaded.src).toMatch(/^\/pictures\/[0-9a-f]+-480\.jpg$/);
    // 泰州 is also in an article without a picture: its result has no thumbnail.
    const other = defined(
      withoutPicture.find((article) => article.text.includes('泰州')),
      'an article without a picture that mentions 泰州',
    );
    const otherResult = page.locator('.search-result', { has: page.locator(`a[href^="${other.url}"]`) });
    expect(await otherResult.count()).toBe(1);
    expect(await otherResult.locator('img').count()).toBe(0);
    await page.close();
  });
});

describe('axe-core', () => {
  it.each(pages)('finds no violation on %s (%s)', async (_name, path) => {
    expect(await axeViolations(() => site.newPage(), site.url(path))).toEqual([]);
  });
});
