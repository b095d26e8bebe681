import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadArchive } from '../../src/archive/load-archive.ts';
import { routes } from '../../src/core/routes.ts';
import { mediaArchive } from '../helpers/content.ts';
import { openSite, type SiteInBrowser } from './browser.ts';
import { buildSite, bundledSite, type BuiltSite } from './built-site.ts';
import { shortLastLines, widestGaps } from './line-boxes.ts';

/**
 * Chinese typography as a reader sees it, in Chromium with the Noto CJK fonts, on the bundled
 * issue and on the media fixture (the same issue with its photos and printed PDF, so covers):
 * no heading, title or contents entry ends with a line of one character, article text has no
 * gaps opened by justification on a phone, and the font stacks reach the system's CJK fonts.
 */

/** Every heading, title and contents entry; the masthead's two lines are checked one by one. */
const titles = [
  'h1:not(.masthead-title)',
  'h2:not(.masthead-title)',
  'h3',
  'h4',
  '.masthead-series',
  '.masthead-issue',
  '.contents-list a',
  '.issue-list a',
  '.article-list a',
  '.section-list a',
  '.subtitle',
  '.cover-series',
].join(', ');

const viewports = [
  ['1280', { width: 1280, height: 900 }],
  ['390', { width: 390, height: 844 }],
] as const;

async function pagesOf(contentDir: string): Promise<[string, string][]> {
  const archive = await loadArchive(contentDir, contentDir);
  const pages: [string, string][] = [
    ['home', routes.home],
    ['sections', routes.sections],
    ['parks', routes.parks],
  ];
  for (const issue of archive.issues) {
    pages.push([`year ${issue.year}`, routes.year(issue.year)], [`issue ${issue.id}`, issue.url]);
    for (const section of issue.sections) {
      pages.push([`section ${section.kind}`, routes.section(section.kind)]);
      for (const article of section.articles) pages.push([`article ${article.id}`, article.url]);
    }
  }
  for (const park of archive.parks.slice(0, 3)) pages.push([`park ${park.id}`, park.url]);
  return [...new Map(pages.map(([name, path]) => [path, name])).entries()].map(([path, name]) => [name, path]);
}

const quoting =
  '依据《国家生态工业示范园区管理办法》 ISO14001:2015-EnvironmentalManagementSystems 要求，园区完成认证工作。';

const archives = [
  ['the bundled issue', 'content'],
  ['the media fixture', mediaArchive],
] as const;

const sites = new Map<string, { built: BuiltSite; site: SiteInBrowser; pages: [string, string][] }>();
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'typography-'));
  vi.stubEnv('BULLETIN_CACHE_DIR', join(work, 'cache'));
  for (const [name, dir] of archives) {
    const built = dir === 'content' ? await bundledSite() : await buildSite({ CONTENT_DIR: dir });
    sites.set(name, { built, site: await openSite(built.dir), pages: await pagesOf(dir) });
  }
});

afterAll(async () => {
  for (const { built, site } of sites.values()) {
    await site.close();
    await built.remove();
  }
  vi.unstubAllEnvs();
  if (work) await rm(work, { recursive: true, force: true });
});

async function open(archive: string, width: number, path: string): Promise<Page> {
  const entry = sites.get(archive);
  if (!entry) throw new Error(`${archive} not built`);
  const page = await entry.site.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(entry.site.url(path), { waitUntil: 'load' });
  return page;
}

describe.each(archives)('%s', (archive) => {
  describe.each(viewports)('at %s px', (_name, viewport) => {
    it('no heading, title or contents entry ends with a one-character line', async () => {
      const entry = sites.get(archive);
      const short: string[] = [];
      let checked = 0;
      for (const [name, path] of entry?.pages ?? []) {
        const page = await open(archive, viewport.width, path);
        checked += await page.locator(titles).count();
        for (const line of await shortLastLines(page, titles))
          short.push(`${name}: ${line.text} (${line.lines} lines, last: ${line.lastLine})`);
        await page.close();
      }
      expect(checked).toBeGreaterThan(20);
      expect(short).toEqual([]);
    });
  });

  it('opens no visible gap between characters in article text on a phone', async () => {
    const entry = sites.get(archive);
    const gaps: string[] = [];
    for (const [name, path] of entry?.pages.filter(([name]) => name.startsWith('article')) ?? []) {
      const page = await open(archive, 390, path);
      // Beside the article's own text, a paragraph as bulletins write them when they quote a
      // standard: the long Latin term cannot share a line, and justifying the line before it
      // spreads its characters apart (0.14em each with text-align: justify).
      await page.evaluate((text) => {
        const paragraph = document.createElement('p');
        paragraph.textContent = text;
        document.querySelector('.article-body')?.append(paragraph);
      }, quoting);
      for (const gap of await widestGaps(page, '.article-body p'))
        // A tenth of a character (1.6 px) already reads as letter-spacing.
        if (gap.gap > 0.1) gaps.push(`${name}: ${gap.text}… ${gap.between} +${gap.gap.toFixed(2)}em`);
      await page.close();
    }
    expect(gaps).toEqual([]);
  });
});

describe('fonts', () => {
  /** The fonts Chromium drew an element's text with (DevTools protocol), most glyphs first. */
  async function platformFonts(page: Page, selector: string): Promise<string[]> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    await cdp.detach();
    return [...fonts].sort((a, b) => b.glyphCount - a.glyphCount).map((font) => font.familyName);
  }

  it('sets headings in the system Song face and text in the system Hei face (Noto CJK on Linux)', async () => {
    const article = (await pagesOf('content')).find(([name]) => name.startsWith('article'));
    const page = await open('the bundled issue', 1280, article?.[1] ?? '/');
    expect((await platformFonts(page, '.article-title'))[0]).toBe('Noto Serif CJK SC');
    expect((await platformFonts(page, '.article-body p'))[0]).toBe('Noto Sans CJK SC');
    await page.close();
  });
});
