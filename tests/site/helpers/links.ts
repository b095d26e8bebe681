import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import { listFiles, sitePath } from './build.ts';

export interface PageScan {
  ids: Set<string>;
  /** Every URL the page refers to: href, src, and the target of a meta refresh. */
  links: string[];
}

export function scanHtml(html: string): PageScan {
  const ids = new Set<string>();
  const links: string[] = [];
  const parser = new Parser({
    onopentag(name, attributes) {
      if (attributes.id) ids.add(attributes.id);
      if (name === 'a' && attributes.name) ids.add(attributes.name);
      for (const attribute of ['href', 'src'] as const)
        if (attributes[attribute] !== undefined) links.push(attributes[attribute]);
      if (name === 'meta' && attributes['http-equiv']?.toLowerCase() === 'refresh') {
        const target = /url=(.+)$/i.exec(attributes.content ?? '')?.[1];
        if (target) links.push(target.trim());
      }
    },
  });
  parser.write(html);
  parser.end();
  return { ids, links };
}

export interface SiteScan {
  files: Set<string>;
  pages: Map<string, PageScan>;
}

export async function scanSite(dir: string): Promise<SiteScan> {
  const files = await listFiles(dir);
  const pages = new Map<string, PageScan>();
  for (const file of files.filter((f) => f.endsWith('.html')))
    pages.set(file, scanHtml(await readFile(join(dir, file), 'utf8')));
  return { files: new Set(files), pages };
}

export interface LinkOptions {
  /** Origin of absolute URLs that belong to the site, e.g. https://example.org. */
  baseUrl: string;
  pathPrefix: string;
}

export type Target = { file: string; fragment?: string } | { problem: string } | 'external';

/** Where a link found on `fromFile` leads inside the built site, or why it does not. */
export function resolveLink(link: string, fromFile: string, options: LinkOptions): Target {
  const pageUrl = new URL(options.pathPrefix + sitePath(fromFile).slice(1), options.baseUrl);
  let url: URL;
  try {
    url = new URL(link, pageUrl);
  } catch {
    return { problem: 'not a URL' };
  }
  if (url.origin !== new URL(options.baseUrl).origin) return 'external';
  if (!url.pathname.startsWith(options.pathPrefix)) return { problem: `outside the path prefix ${options.pathPrefix}` };
  const path = decodeURIComponent(url.pathname.slice(options.pathPrefix.length));
  const file = path === '' || path.endsWith('/') ? `${path}index.html` : path;
  return url.hash ? { file, fragment: decodeURIComponent(url.hash.slice(1)) } : { file };
}

/** Every internal link of every page that leads nowhere: missing file, missing anchor, outside the prefix. */
export function brokenLinks(site: SiteScan, options: LinkOptions): string[] {
  const broken: string[] = [];
  for (const [file, page] of site.pages) {
    for (const link of page.links) {
      const target = resolveLink(link, file, options);
      if (target === 'external') continue;
      if ('problem' in target) broken.push(`${file}: ${link} (${target.problem})`);
      else if (!site.files.has(target.file)) broken.push(`${file}: ${link} (no ${target.file})`);
      else if (
        target.fragment !== undefined &&
        target.fragment !== '' &&
        // Only a page's fragments are ids; a PDF's (`#page=3`) are its viewer's.
        site.pages.has(target.file) &&
        !site.pages.get(target.file)?.ids.has(target.fragment)
      ) {
        broken.push(`${file}: ${link} (no id "${target.fragment}" in ${target.file})`);
      }
    }
  }
  return broken;
}

/** Fewest clicks from the home page to each HTML page, following links between pages. */
export function clicksFromHome(site: SiteScan, options: LinkOptions): Map<string, number> {
  const depth = new Map<string, number>([['index.html', 0]]);
  const queue: [file: string, clicks: number][] = [['index.html', 0]];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const [file, clicks] = next;
    for (const link of site.pages.get(file)?.links ?? []) {
      const target = resolveLink(link, file, options);
      if (target === 'external' || 'problem' in target || !site.pages.has(target.file) || depth.has(target.file))
        continue;
      depth.set(target.file, clicks + 1);
      queue.push([target.file, clicks + 1]);
    }
  }
  return depth;
}
