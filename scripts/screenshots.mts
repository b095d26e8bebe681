import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { loadArchive } from '../src/archive/load-archive.ts';
import { runBuild } from '../src/cli/build-command.ts';
import { contentDir } from '../src/core/content-dir.ts';
import { routes } from '../src/core/routes.ts';
import { openSiteServer } from '../src/preview/site-server.ts';
import { readSettings } from '../src/site/settings.ts';

/**
 * `npm run screenshots [-- OUT_DIR] [--site BUILT_SITE]`: builds the content (CONTENT_DIR, else
 * content/) into a temporary folder, or takes an already built site, serves it on 127.0.0.1 and
 * saves one PNG per page kind at 1280 px and 390 px wide into OUT_DIR (default `screenshots/`,
 * git-ignored): `home-1280.png`, `issue-390.png`… Taken before and after a change to the look,
 * the two folders are what is compared by eye. Pages are cut at 5,000 px tall (an issue page holds
 * the whole issue); the first screens are what a reader judges.
 */
const widths = [1280, 390] as const;
const maxHeight = 5000;

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const positional = process.argv.slice(2).filter((arg, i, all) => !arg.startsWith('--') && all[i - 1] !== '--site');
const outDir = resolve(positional[0] ?? 'screenshots');
const given = option('--site');
const content = contentDir();

const archive = await loadArchive(content, relative(process.cwd(), content) || '.');
const latest = archive.issues[0];
if (!latest) throw new Error(`${content} has no issue to show`);
const articles = latest.sections.flatMap((section) => section.articles);
// An article with a picture shows more of the design than one without.
const article = articles.find((a) => a.figures.some((f) => f.pictures.some((p) => p.image))) ?? articles[0];
const section = latest.sections[0];
const park = archive.parks[0];

const pages: [name: string, path: string][] = [
  ['home', routes.home],
  ['year', routes.year(latest.year)],
  ['issue', latest.url],
  ...(article ? [['article', article.url] as [string, string]] : []),
  ['sections', routes.sections],
  ...(section ? [['section', routes.section(section.kind)] as [string, string]] : []),
  ['parks', routes.parks],
  ...(park ? [['park', park.url] as [string, string]] : []),
  ['search', `${routes.search}?q=园区`],
  ['not-found', '/no-such-page/'],
  ['about', routes.about],
];

let work: string | undefined;
let siteDir = given ? resolve(given) : '';
if (!given) {
  work = await mkdtemp(join(tmpdir(), 'screenshots-'));
  siteDir = join(work, 'site');
  const code = await runBuild({
    contentDir: content,
    displayDir: relative(process.cwd(), content) || '.',
    out: siteDir,
    settings: readSettings(),
    pictureCache: process.env.BULLETIN_CACHE_DIR,
    write: () => {},
    writeError: (text) => process.stderr.write(text),
  });
  if (code !== 0) {
    await rm(work, { recursive: true, force: true });
    process.exit(code);
  }
}

await mkdir(outDir, { recursive: true });
const server = await openSiteServer({ dir: siteDir, pathPrefix: '/', port: 0, liveReload: false });
// Debian's Chromium, as the browser tests use (tests/browser/browser.ts): no browser is downloaded.
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
try {
  const context = await browser.newContext();
  for (const width of widths)
    for (const [name, path] of pages) {
      const page: Page = await context.newPage();
      await page.setViewportSize({ width, height: width > 600 ? 900 : 844 });
      await page.goto(`http://127.0.0.1:${server.port}${path}`, { waitUntil: 'networkidle' });
      if (name === 'search')
        await page
          .locator('#search-status')
          .filter({ hasText: /共 \d+ 篇|没有找到/ })
          .waitFor({ timeout: 10_000 })
          .catch(() => {});
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      const file = join(outDir, `${name}-${width}.png`);
      await page.screenshot({
        path: file,
        fullPage: true,
        clip: { x: 0, y: 0, width, height: Math.min(height, maxHeight) },
      });
      process.stdout.write(`${relative(process.cwd(), file)}\n`);
      await page.close();
    }
} finally {
  await browser.close();
  await server.close();
  if (work) await rm(work, { recursive: true, force: true });
}
