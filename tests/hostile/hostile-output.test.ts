import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadArchive, type Archive } from '../../src/archive/load-archive.ts';
import { siteScripts } from '../../src/site/site-scripts.ts';
import { outputMarker } from '../../src/site/build-output.ts';
import { openSite, type SiteInBrowser } from '../browser/browser.ts';
import { buildSite, type BuiltSite } from '../browser/built-site.ts';
import { defined } from '../helpers/defined.ts';
import { listFiles, sitePath } from '../site/helpers/build.ts';
import { pwnedFlag, writeHostileContent } from './fixture.ts';
import { isPagefindRuntime, metaRefreshTarget, scanFile, scannedExtensions, type Finding } from './scan.ts';

/**
 * Pages that show content only for a query string, visited in the browser besides every built
 * page: the search page with a query that finds the hostile article (its title, excerpts and
 * sub-results), and that article opened from it with the term to mark.
 */
const queryVisits: string[] = ['/search/?q=alert', '/2018/01/p1/?highlight=alert'];

const contentDir = writeHostileContent();
let built: BuiltSite;
let files: string[];
let archive: Archive;

beforeAll(async () => {
  built = await buildSite({ CONTENT_DIR: contentDir });
  files = await listFiles(built.dir);
  archive = await loadArchive(contentDir);
});

afterAll(async () => {
  await built?.remove();
});

describe('built files of hostile content', () => {
  let findings: Finding[];
  beforeAll(async () => {
    findings = [];
    for (const file of files) findings.push(...(scanFile(file, await readFile(join(built.dir, file))) ?? []));
  });

  it('hold no live markup, event handler, dangerous link or script', () => {
    expect(findings.filter((finding) => finding.kind === 'markup')).toEqual([]);
  });

  it('carry no dangerous URL in JSON data', () => {
    expect(findings.filter((finding) => finding.kind === 'data-url')).toEqual([]);
  });

  it(
    'are all scanned, except files content never reaches: ' +
      "copies of public/, the site's bundled scripts, Pagefind's runtime and the output marker",
    () => {
      const unscanned = files.filter((file) => !scannedExtensions.includes(extname(file)));
      const ownCode = (file: string) =>
        existsSync(join('public', file)) || file in siteScripts || isPagefindRuntime(file) || file === outputMarker;
      expect(unscanned.filter((file) => !ownCode(file))).toEqual([]);
    },
  );
});

describe('hostile content in Chromium', () => {
  let site: SiteInBrowser;
  beforeAll(async () => {
    site = await openSite(built.dir);
  });
  afterAll(async () => {
    await site?.close();
  });

  it('notices a payload that runs (the watch itself works)', async () => {
    const { page, problems } = await watchedPage(site);
    await page.setContent(`<img src=x onerror="window.${pwnedFlag}=1"><img src=x onerror=alert(1)>`);
    await expect.poll(() => pwned(page)).toBe(1);
    await expect.poll(() => problems.some((problem) => problem.startsWith('dialog'))).toBe(true);
    await page.close();
  });

  it('runs nothing on any page: no dialog, console message, page error or flag', async () => {
    const { page, problems } = await watchedPage(site);
    const check = async (path: string) => {
      if ((await pwned(page)) !== undefined) problems.push(`${path}: window.${pwnedFlag} was set`);
    };
    for (const file of files.filter((candidate) => candidate.endsWith('.html'))) {
      const redirect = metaRefreshTarget(await readFile(join(built.dir, file), 'utf8'));
      await page.goto(site.url(sitePath(file)));
      if (redirect) await page.waitForURL(site.url(redirect));
      await check(sitePath(file));
    }
    for (const path of queryVisits) {
      // Results come in by script after the load event.
      await page.goto(site.url(path), { waitUntil: 'networkidle' });
      await check(path);
    }
    await page.close();
    expect(problems).toEqual([]);
  });

  it('shows the hostile text to readers as the text it is', async () => {
    const { page } = await watchedPage(site);
    const issue = defined(archive.issues[0], 'the hostile issue');
    const article = defined(issue.sections[0]?.articles[0], 'the first article');
    const park = defined(
      archive.parks.find((candidate) => candidate.id === article.parks[0]?.id),
      "the first article's park",
    );
    const expected: [string, string[]][] = [
      [issue.url, [issue.series, issue.publisher, defined(article.contentsTitle, "the article's contents title")]],
      [
        article.url,
        [
          article.title,
          `——${article.subtitle}`,
          ...article.headings.map((heading) => heading.text),
          ...article.figures.map((figure) => figure.caption),
        ],
      ],
      [park.url, [article.title, ...park.milestones.map((milestone) => milestone.evidence)]],
    ];
    for (const [path, texts] of expected) {
      await page.goto(site.url(path));
      const shown = await page.locator('body').innerText();
      expect(
        texts.filter((text) => !shown.includes(text)),
        path,
      ).toEqual([]);
    }
    await page.goto(site.url('/search/?q=alert'));
    await expect.poll(() => page.locator('.search-result-title').allInnerTexts()).toContain(article.title);
    await page.close();
  });
});

/** A fresh page that records every dialog (dismissed), console message and uncaught error. */
async function watchedPage(site: SiteInBrowser): Promise<{ page: Page; problems: string[] }> {
  const page = await site.newPage();
  const problems: string[] = [];
  page.on('dialog', (dialog) => {
    problems.push(`dialog ${dialog.type()} "${dialog.message()}" on ${page.url()}`);
    void dialog.dismiss();
  });
  // The site's own scripts log nothing and it has no broken resource, so any console output means something ran
  // or failed.
  page.on('console', (message) => problems.push(`console ${message.type()} "${message.text()}" on ${page.url()}`));
  page.on('pageerror', (error) => problems.push(`page error "${error.message}" on ${page.url()}`));
  return { page, problems };
}

function pwned(page: Page): Promise<unknown> {
  return page.evaluate((flag): unknown => Reflect.get(window, flag), pwnedFlag);
}
