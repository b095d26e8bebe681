import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The site's own settings; everything an operator changes when hosting a copy lives in one file. */
export interface SiteSettings {
  title: string;
  shortTitle: string;
  description: string;
  /** Origin the site is served from, without a trailing slash, e.g. https://example.org. */
  baseUrl: string;
  /** Sub-path the site is hosted under, always with leading and trailing slash: `/` or `/bulletin/`. */
  pathPrefix: string;
  copyright: string;
  /** Articles per page on a section page. */
  sectionPageSize: number;
  /**
   * Issues in each feed, newest first. Feed readers poll the whole file; the archive's full text
   * is in the open data and on the site, so a feed carries only recent issues.
   */
  feedSize: number;
}

/** A settings file written before `feedSize` existed still builds, with this many issues per feed. */
export const defaultFeedSize = 20;

type SettingsFile = Omit<SiteSettings, 'feedSize'> & Partial<Pick<SiteSettings, 'feedSize'>>;

export const settingsFile = fileURLToPath(new URL('../../templates/_data/site.json', import.meta.url));

/** `/`, `bulletin`, `/bulletin` and `bulletin/` all mean the same sub-path. */
export function normalizePathPrefix(prefix: string): string {
  const trimmed = prefix.trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/**
 * The settings file with the two deploy-time overrides a host or CI needs without editing it:
 * SITE_URL (origin) and PATH_PREFIX (sub-path, e.g. a GitHub Pages project site).
 */
export function resolveSettings(file: SettingsFile, env: NodeJS.ProcessEnv): SiteSettings {
  const baseUrl = env.SITE_URL?.trim() || file.baseUrl;
  const pathPrefix = env.PATH_PREFIX?.trim() || file.pathPrefix;
  return { ...file, feedSize: file.feedSize ?? defaultFeedSize, baseUrl: baseUrl.replace(/\/+$/, ''), pathPrefix: normalizePathPrefix(pathPrefix) };
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): SiteSettings {
  return resolveSettings(JSON.parse(readFileSync(settingsFile, 'utf8')) as SettingsFile, env);
}

/** A site path (`/2018/01/`) as the browser must request it under the path prefix. */
export function prefixedPath(path: string, settings: Pick<SiteSettings, 'pathPrefix'>): string {
  return settings.pathPrefix + path.replace(/^\/+/, '');
}

/** A site path as a full URL: canonical links, feeds, sitemap, structured data. */
export function absoluteUrl(path: string, settings: Pick<SiteSettings, 'baseUrl' | 'pathPrefix'>): string {
  return settings.baseUrl + prefixedPath(path, settings);
}
