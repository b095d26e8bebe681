import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/pipeline/load.ts';
import { openSite, type SiteInBrowser } from '../browser/browser.ts';
import { buildSite, type BuiltSite } from '../browser/built-site.ts';

const archive = await loadArchive('content');
const latest = archive.issues[0]!;

/**
 * One page of each kind, from the bundled content. The search page goes at the end once it
 * exists, with a query that has results, e.g. ['search with results', '/search/?q=园区'].
 */
const pages: [name: string, path: string][] = [
  ['home', '/'],
  ['year', `/${latest.year}/`],
  ['issue', latest.url],
  ['article', latest.sections[0]!.articles[0]!.url],
  ['section', `/sections/${latest.sections[0]!.kind}/`],
  ['park', archive.parks[0]!.url],
  ['not found', '/no-such-page/'],
];

/** Every rule axe runs by default for WCAG 2.0 and 2.1 A and AA, plus its best practices; none turned off. */
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

let built: BuiltSite;
let site: SiteInBrowser;

beforeAll(async () => {
  built = await buildSite();
  site = await openSite(built.dir);
});

afterAll(async () => {
  await site?.close();
  await built?.remove();
});

describe('axe-core', () => {
  it.each(pages)('finds no violation on the %s page (%s)', async (_name, path) => {
    const page = await site.newPage();
    // Idle network: a page that fills itself by script (search results) is checked once filled.
    await page.goto(site.url(path), { waitUntil: 'networkidle' });
    const { violations } = await new AxeBuilder({ page }).withTags(axeTags).analyze();
    await page.close();
    expect(violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});

/** What the keyboard user sees at one Tab stop. */
interface FocusStop {
  /** Site path and fragment of a link (`/2018/01/p1/`, `#main`), else the element's tag. */
  target: string;
  isSearchBox: boolean;
  /** A same-page link whose target is the `<main>` element. */
  leadsToMain: boolean;
  /** A visible outline or box shadow while focused. */
  hasFocusIndicator: boolean;
  /** The focused element's box lies inside the viewport. */
  inViewport: boolean;
}

/** Presses Tab once for each focusable element of the page and records where focus lands. */
async function tabStops(page: Page): Promise<FocusStop[]> {
  const focusable = await page.locator('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])').count();
  const stops: FocusStop[] = [];
  for (let i = 0; i < focusable; i++) {
    await page.keyboard.press('Tab');
    stops.push(await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      const href = element instanceof HTMLAnchorElement ? element.getAttribute('href') : null;
      return {
        target: href ?? element.tagName.toLowerCase(),
        isSearchBox: element.matches('input[type="search"], [role="searchbox"]'),
        leadsToMain: href?.startsWith('#') === true && document.getElementById(href.slice(1))?.tagName === 'MAIN',
        hasFocusIndicator: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none',
        inViewport: box.width > 0 && box.height > 0 && box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth,
      };
    }));
  }
  return stops;
}

/** Whether `wanted` occurs in `sequence` in the same order, other items allowed in between. */
function inOrder(sequence: readonly string[], wanted: readonly string[]): boolean {
  let next = 0;
  for (const item of sequence) if (item === wanted[next]) next++;
  return next === wanted.length;
}

describe('keyboard on the home page', () => {
  let stops: FocusStop[];
  let hasSearchBox: boolean;
  beforeAll(async () => {
    const page = await site.newPage();
    await page.goto(site.url('/'));
    hasSearchBox = (await page.locator('input[type="search"], [role="searchbox"]').count()) > 0;
    stops = await tabStops(page);
    await page.close();
  });

  it('reaches a visible skip link to the main content first', () => {
    expect(stops[0]).toMatchObject({ leadsToMain: true, inViewport: true });
  });

  // The site has no search box yet; once it does, Tab must reach it.
  it('reaches the search box when the page has one', () => {
    expect(stops.some((stop) => stop.isSearchBox)).toBe(hasSearchBox);
  });

  it('reaches every article of the latest issue in contents order', () => {
    const contents = latest.sections.flatMap((section) => section.articles.map((article) => article.url));
    expect(inOrder(stops.map((stop) => stop.target), contents)).toBe(true);
  });

  it('shows where focus is at every stop', () => {
    expect(stops.filter((stop) => !stop.hasFocusIndicator)).toEqual([]);
  });
});
