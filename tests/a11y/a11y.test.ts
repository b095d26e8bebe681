import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/archive/load-archive.ts';
import { openSite, type SiteInBrowser } from '../browser/browser.ts';
import { bundledSite, type BuiltSite } from '../browser/built-site.ts';
import { inOrder, tabStops, type FocusStop } from '../browser/keyboard.ts';
import { defined } from '../helpers/defined.ts';
import { axeViolations } from '../browser/axe.ts';

const archive = await loadArchive('content');
const latest = defined(archive.issues[0], 'the latest issue');
const firstSection = defined(latest.sections[0], "the latest issue's first section");

/** One page of each kind, from the bundled content; the search page with a query that has results. */
const pages: [name: string, path: string][] = [
  ['home', '/'],
  ['year', `/${latest.year}/`],
  ['issue', latest.url],
  ['article', defined(firstSection.articles[0], "the first section's first article").url],
  ['section', `/sections/${firstSection.kind}/`],
  ['park', defined(archive.parks[0], 'a park').url],
  ['not found', '/no-such-page/'],
  ['search with results', '/search/?q=园区'],
];

/** Every rule axe runs by default for WCAG 2.0 and 2.1 A and AA, plus its best practices; none turned off. */

let built: BuiltSite;
let site: SiteInBrowser;

beforeAll(async () => {
  built = await bundledSite();
  site = await openSite(built.dir);
});

afterAll(async () => {
  await site?.close();
  await built?.remove();
});

describe('axe-core', () => {
  it.each(pages)('finds no violation on the %s page (%s)', async (_name, path) => {
    expect(await axeViolations(() => site.newPage(), site.url(path))).toEqual([]);
  });
});

describe('keyboard on the home page', () => {
  let stops: FocusStop[];
  beforeAll(async () => {
    const page = await site.newPage();
    await page.goto(site.url('/'));
    stops = await tabStops(page);
    await page.close();
  });

  it('reaches a visible skip link to the main content first', () => {
    expect(stops[0]).toMatchObject({ leadsToMain: true, inViewport: true });
  });

  it('reaches the search box in the header', () => {
    expect(stops.some((stop) => stop.isSearchBox)).toBe(true);
  });

  it('reaches every article of the latest issue in contents order', () => {
    const contents = latest.sections.flatMap((section) => section.articles.map((article) => article.url));
    expect(
      inOrder(
        stops.map((stop) => stop.target),
        contents,
      ),
    ).toBe(true);
  });

  it('shows where focus is at every stop', () => {
    expect(stops.filter((stop) => !stop.hasFocusIndicator)).toEqual([]);
  });
});
