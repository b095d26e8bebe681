import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { openSiteServer } from '../../src/preview/site-server.ts';

const chromiumPath = '/usr/bin/chromium';

/**
 * Debian's Chromium (apt package `chromium`), never a browser that Playwright downloads: the
 * machines here reach no browser download host. The flags keep it quiet and offline.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath))
    throw new Error(`The browser tests need Debian's Chromium at ${chromiumPath}: apt-get install chromium`);
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface SiteInBrowser {
  /** A new tab; all tabs share one browser context (axe-core needs a context, not a bare browser page). */
  newPage(): Promise<Page>;
  /** Full URL of a site path on the local server, e.g. `/2018/01/`. */
  url(path: string): string;
  close(): Promise<void>;
}

/**
 * A built site as a static host serves it (the preview's server without live reload, on a free
 * port of 127.0.0.1, under the path prefix the site was built with) and one browser to read it;
 * a test file opens it once and closes it after.
 */
export async function openSite(dir: string, pathPrefix = '/'): Promise<SiteInBrowser> {
  const server = await openSiteServer({ dir, pathPrefix, port: 0, liveReload: false });
  const origin = `http://127.0.0.1:${server.port}`;
  const browser = await launchChromium().catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  const context = await browser.newContext();
  return {
    newPage: () => context.newPage(),
    url: (path) => new URL(path, origin).href,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
