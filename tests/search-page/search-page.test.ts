import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeGeneratedArchive } from '../../src/generate/archive.ts';
import { loadArchive } from '../../src/archive/load-archive.ts';
import { openSite, type SiteInBrowser } from '../browser/browser.ts';
import { buildSite, type BuiltSite } from '../browser/built-site.ts';
import { inOrder, tabStops } from '../browser/keyboard.ts';
import { bundledContent } from '../helpers/content.ts';
import { defined } from '../helpers/defined.ts';
import { articleEntries, scanMatches, scanQuery, type ArticleEntry } from '../search/fixture.ts';

/**
 * The search page in Chromium, on the bundled issue plus generated issues (2018 and 2019, enough
 * results for 泰州 to need "更多结果"), built once as `npm run build` builds it, and once more
 * under a path prefix. Expected counts come from a plain substring scan of the archive, not
 * from the search code.
 */
const prefix = '/bulletin/';
const query = '泰州';

let work: string;
let built: BuiltSite;
let prefixed: BuiltSite;
let site: SiteInBrowser;
let expected: Expected[];
let entries: ArticleEntry[];

interface Expected {
  url: string;
  year: string;
  section: string;
  parks: string[];
  date: string;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'search-page-'));
  const content = join(work, 'content');
  await writeGeneratedArchive({
    sourceDir: bundledContent,
    outDir: content,
    issues: 3,
    seed: 20180629,
    includeSource: true,
  });
  const archive = await loadArchive(content);
  const sectionOf = new Map(
    archive.issues.flatMap((issue) =>
      issue.sections.flatMap((section) => section.articles.map((article) => [article.url, section.title] as const)),
    ),
  );
  entries = articleEntries(archive.issues);
  expected = scanMatches(entries, query).map(({ article, issue }: ArticleEntry) => ({
    url: article.url,
    year: String(issue.year),
    section: defined(sectionOf.get(article.url), `the section of ${article.url}`),
    parks: article.parks.map((park) => park.name),
    date: issue.date,
  }));
  [built, prefixed] = await Promise.all([
    buildSite({ CONTENT_DIR: content }),
    buildSite({ CONTENT_DIR: content, PATH_PREFIX: prefix }),
  ]);
  site = await openSite(built.dir);
});

afterAll(async () => {
  await site?.close();
  await Promise.all([built?.remove(), prefixed?.remove()]);
  if (work) await rm(work, { recursive: true, force: true });
});

/** Opens a search page and waits until the script has answered (a count or a no-match message). */
async function openSearch(path: string, target = site): Promise<Page> {
  const page = await target.newPage();
  await page.goto(target.url(path));
  await settled(page);
  return page;
}

async function settled(page: Page): Promise<void> {
  await page
    .locator('#search-status')
    .filter({ hasText: /共 \d+ 篇|没有找到/ })
    .waitFor();
}

/** The count the status line announces: 共 N 篇. */
async function announced(page: Page): Promise<number> {
  return Number(/共 (\d+) 篇/.exec(await page.locator('#search-status').innerText())?.[1]);
}

/** Changes a control and waits for the redraw (the status text is rewritten after the results). */
async function choose(page: Page, select: string, value: string): Promise<void> {
  await page.locator('#search-status').evaluate((status) => (status.textContent = ''));
  await page.selectOption(select, value);
  await settled(page);
}

function params(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}

/** The options of a filter as shown: value → count from "（N）". */
async function optionCounts(page: Page, name: string): Promise<Record<string, number>> {
  const options = await page
    .locator(`#search-filter-${name} option`)
    .evaluateAll((elements) =>
      elements.map((option) => [(option as HTMLOptionElement).value, option.textContent ?? ''] as const),
    );
  return Object.fromEntries(options.map(([value, label]) => [value, Number(/（(\d+)）$/.exec(label)?.[1])]));
}

/** What a filter's counts must be: the matching articles passing the other selected filters, per value. */
function expectedCounts(
  name: 'year' | 'section' | 'park',
  selection: Partial<Record<'year' | 'section' | 'park', string>>,
): Record<string, number> {
  const valuesOf = (entry: Expected, filter: 'year' | 'section' | 'park') =>
    filter === 'park' ? entry.parks : [entry[filter]];
  const others = expected.filter((entry) =>
    Object.entries(selection).every(
      ([filter, value]) => filter === name || valuesOf(entry, filter as 'year').includes(value),
    ),
  );
  const counts: Record<string, number> = { '': others.length };
  for (const entry of others) for (const value of valuesOf(entry, name)) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

async function resultUrls(page: Page): Promise<string[]> {
  return page
    .locator('.search-result-title a')
    .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
}

describe('search page', () => {
  it('has enough matches in the test archive to page, filter by year and sort', () => {
    expect(expected.length).toBeGreaterThan(20);
    expect(new Set(expected.map((entry) => entry.year)).size).toBeGreaterThan(1);
  });

  it('shows the count and the first 10 results with title, issue, section, date and excerpt', async () => {
    const page = await openSearch(`/search/?q=${query}`);
    expect(await announced(page)).toBe(expected.length);
    expect(await page.locator('#search-query').inputValue()).toBe(query);
    const results = page.locator('.search-result');
    expect(await results.count()).toBe(10);
    const first = results.first();
    expect(await first.locator('.search-result-meta').innerText()).toMatch(
      /^\d{4}年第\d+期 · \S+ · [〇一二三四五六七八九十]+年[一二三四五六七八九十]+月[一二三四五六七八九十]+日$/,
    );
    expect(await first.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await resultUrls(page)).every((url) => expected.some((entry) => entry.url === url))).toBe(true);
    await page.close();
  });

  it('marks each match in an excerpt once: whole terms, never one mark per character', async () => {
    const page = await openSearch(`/search/?q=${query}`);
    const excerpts = await page
      .locator('.search-result-excerpt')
      .evaluateAll((elements) => elements.map((element) => element.innerHTML));
    expect(excerpts.length).toBeGreaterThanOrEqual(10);
    for (const html of excerpts) {
      const marks = [...html.matchAll(/<mark>(.*?)<\/mark>/g)].map((match) => match[1]);
      expect(marks.length, html).toBeGreaterThan(0);
      expect(
        marks.every((text) => text === query),
        html,
      ).toBe(true);
      expect(html).not.toContain('</mark><mark>');
      const text = html.replace(/<[^>]+>/g, '');
      expect(marks.length).toBe(text.split(query).length - 1);
    }
    await page.close();
  });

  it(
    'counts every year, section and park value as the results it leaves, ' +
      'and narrows the results to a chosen value',
    async () => {
      const page = await openSearch(`/search/?q=${query}`);
      for (const name of ['year', 'section', 'park'] as const)
        expect(await optionCounts(page, name), name).toEqual(expectedCounts(name, {}));

      const year = '2018';
      await choose(page, '#search-filter-year', year);
      const inYear = expected.filter((entry) => entry.year === year);
      expect(await announced(page)).toBe(inYear.length);
      const shown = await resultUrls(page);
      expect(shown).toHaveLength(Math.min(10, inYear.length));
      expect(shown.filter((url) => !inYear.some((entry) => entry.url === url))).toEqual([]);
      expect(params(page).get('year')).toBe(year);
      for (const name of ['year', 'section', 'park'] as const)
        expect(await optionCounts(page, name), name).toEqual(expectedCounts(name, { year }));

      const section = defined(inYear[0], `a result in ${year}`).section;
      await choose(page, '#search-filter-section', section);
      expect(await announced(page)).toBe(inYear.filter((entry) => entry.section === section).length);
      expect(params(page).get('section')).toBe(section);
      for (const name of ['year', 'section', 'park'] as const)
        expect(await optionCounts(page, name), name).toEqual(expectedCounts(name, { year, section }));
      await page.close();
    },
  );

  it('keeps query, filters and order in the address, and a reload restores them', async () => {
    const page = await openSearch(`/search/?q=${query}`);
    await choose(page, '#search-filter-year', '2019');
    await choose(page, '#search-sort', 'oldest');
    expect(Object.fromEntries(params(page))).toEqual({ q: query, year: '2019', sort: 'oldest' });
    const before = { count: await announced(page), urls: await resultUrls(page) };
    await page.reload();
    await settled(page);
    expect({ count: await announced(page), urls: await resultUrls(page) }).toEqual(before);
    expect(await page.locator('#search-query').inputValue()).toBe(query);
    expect(await page.locator('#search-filter-year').inputValue()).toBe('2019');
    expect(await page.locator('#search-sort').inputValue()).toBe('oldest');
    await page.close();
  });

  it('sorts by date, newest or oldest first', async () => {
    const page = await openSearch(`/search/?q=${query}`);
    const dateOf = (url: string) =>
      defined(
        expected.find((entry) => entry.url === url),
        `the expected result ${url}`,
      ).date;
    await choose(page, '#search-sort', 'newest');
    const newest = (await resultUrls(page)).map(dateOf);
    await choose(page, '#search-sort', 'oldest');
    const oldest = (await resultUrls(page)).map(dateOf);
    const dates = expected.map((entry) => entry.date).sort();
    expect(newest).toEqual([...newest].sort().reverse());
    expect(oldest).toEqual([...oldest].sort());
    expect(newest[0]).toBe(dates.at(-1));
    expect(oldest[0]).toBe(dates[0]);
    await page.close();
  });

  it('appends the next 10 results with "更多结果" and moves focus to the first new one', async () => {
    const page = await openSearch(`/search/?q=${query}`);
    const firstPage = await resultUrls(page);
    await page.getByRole('button', { name: '更多结果' }).click();
    await page.locator('.search-result').nth(10).waitFor();
    const twoPages = await resultUrls(page);
    expect(twoPages).toHaveLength(Math.min(20, expected.length));
    expect(twoPages.slice(0, 10)).toEqual(firstPage);
    expect(new Set(twoPages).size).toBe(twoPages.length);
    expect(
      await page.evaluate(
        () => document.activeElement?.closest('.search-result') === document.querySelectorAll('.search-result')[10],
      ),
    ).toBe(true);
    expect(await page.locator('#search-status').innerText()).toContain(`已显示 ${twoPages.length} 篇`);
    await page.close();
  });

  it('opens a result on the article with the term marked', async () => {
    const page = await openSearch(`/search/?q=${query}`);
    const href = defined(await page.locator('.search-result-title a').first().getAttribute('href'), 'a result href');
    await page.locator('.search-result-title a').first().click();
    await page.waitForURL((url) => url.pathname === href.split('?')[0]);
    const marks = page.locator('.article-body mark, .article-title mark');
    await marks.first().waitFor();
    expect(new Set(await marks.allInnerTexts())).toEqual(new Set([query]));
    const body = await page.locator('.article-body').innerText();
    expect(await page.locator('.article-body mark').count()).toBe(body.split(query).length - 1);
    await page.close();
  });

  it('reads traditional characters as simplified and says so', async () => {
    const page = await openSearch(`/search/?q=${encodeURIComponent('泰州醫藥')}`);
    const simplified = scanMatches(entries, '泰州医药').length;
    expect(simplified).toBeGreaterThan(0);
    expect(await page.locator('#search-status').innerText()).toMatch(new RegExp(`^共 ${simplified} 篇`));
    expect(await page.locator('#search-hint').innerText()).toBe('已按简体“泰州医药”检索。');
    await page.close();
  });

  it('searches titles only with 只搜标题, kept in the address', async () => {
    const page = await openSearch(`/search/?q=${query}`);
    await page.locator('#search-title-only').check();
    await page.waitForURL(/title=1/);
    await settled(page);
    const inTitles = scanQuery(entries, query, true).length;
    expect(inTitles).toBeGreaterThan(0);
    expect(inTitles).toBeLessThan(expected.length);
    expect(await page.locator('#search-status').innerText()).toMatch(new RegExp(`^共 ${inTitles} 篇`));
    await page.reload();
    await settled(page);
    expect(await page.locator('#search-title-only').isChecked()).toBe(true);
    await page.close();
  });

  it('understands -词 and OR as the help text says', async () => {
    for (const typed of ['泰州 -合肥', '泰州 OR 合肥']) {
      const page = await openSearch(`/search/?q=${encodeURIComponent(typed)}`);
      const count = scanQuery(entries, typed).length;
      expect(count).toBeGreaterThan(0);
      expect(await page.locator('#search-status').innerText()).toMatch(new RegExp(`^共 ${count} 篇`));
      await page.close();
    }
    const page = await site.newPage();
    await page.goto(site.url('/search/'));
    expect(await page.locator('#search-help').innerText()).toContain('泰州 OR 合肥');
    await page.close();
  });

  it('says so when nothing matches', async () => {
    const page = await openSearch('/search/?q=量子计算');
    expect(await page.locator('#search-status').innerText()).toBe('没有找到包含“量子计算”的文章。');
    expect(await page.locator('#search-hint').isVisible()).toBe(true);
    expect(await page.locator('.search-result').count()).toBe(0);
    expect(await page.locator('#search-more').isVisible()).toBe(false);
    await page.close();
  });

  it('runs a search typed into the box without leaving the page, and `/` goes to the box', async () => {
    const page = await openSearch(`/search/?q=${query}`);
    await page.locator('h1').click();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-query');
    await page.keyboard.type('合肥 园区/');
    expect(await page.locator('#search-query').inputValue()).toBe('合肥 园区/');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === '合肥 园区/');
    await settled(page);
    expect(await announced(page)).toBe(
      scanMatches(articleEntries((await loadArchive(join(work, 'content'))).issues), '合肥 园区').length,
    );
    await page.close();
  });

  it('is reached from the search box of any page, with or without JavaScript', async () => {
    const page = await site.newPage();
    await page.goto(site.url('/2018/'));
    await page.getByRole('searchbox').fill(query);
    await page.getByRole('searchbox').press('Enter');
    await settled(page);
    expect(new URL(page.url()).pathname).toBe('/search/');
    expect(await announced(page)).toBe(expected.length);
    await page.close();

    const context = await defined(page.context().browser(), 'the browser').newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(site.url('/'));
    await plain.getByRole('searchbox').fill(query);
    await plain.getByRole('searchbox').press('Enter');
    await plain.waitForURL((url) => url.pathname === '/search/' && url.searchParams.get('q') === query);
    expect(await plain.locator('main').innerText()).toContain('全文检索需要浏览器启用 JavaScript');
    await context.close();
  });

  it('lets the keyboard reach the box, filters, sort, every result and "更多结果", with visible focus', async () => {
    const page = await openSearch(`/search/?q=${query}`);
    const hrefs = await page
      .locator('.search-result a')
      .evaluateAll((elements) => elements.map((element) => element.getAttribute('href')));
    const links = hrefs.map((href) => defined(href, "a result link's href"));
    const stops = await tabStops(page);
    const targets = stops.map((stop) => stop.target);
    expect(inOrder(targets, ['input', 'button', 'select', 'select', 'select', 'select', ...links, 'button'])).toBe(
      true,
    );
    expect(stops.some((stop) => stop.isSearchBox)).toBe(true);
    expect(stops.filter((stop) => !stop.hasFocusIndicator)).toEqual([]);
    await page.close();
  });
});

describe('search page under a path prefix', () => {
  let prefixedSite: SiteInBrowser;
  beforeAll(async () => {
    prefixedSite = await openSite(prefixed.dir, prefix);
  });
  afterAll(async () => {
    await prefixedSite?.close();
  });

  it('loads the index and links results under the prefix', async () => {
    const page = await openSearch(`${prefix}search/?q=${query}`, prefixedSite);
    expect(await announced(page)).toBe(expected.length);
    expect((await resultUrls(page)).every((url) => url.startsWith(prefix))).toBe(true);
    await page.locator('.search-result-title a').first().click();
    await page.locator('.article-body mark').first().waitFor();
    expect(new URL(page.url()).pathname.startsWith(prefix)).toBe(true);
    await page.close();
  });
});
