import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { normalizePathPrefix, type Deployment } from '../core/routes.ts';

/**
 * The site's own settings; everything an operator changes when hosting a copy lives in one file.
 * `baseUrl` is the origin without a trailing slash (https://example.org), `pathPrefix` the sub-path
 * with leading and trailing slash (`/` or `/bulletin/`).
 */
export interface SiteSettings extends Deployment {
  title: string;
  shortTitle: string;
  description: string;
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

/**
 * The settings file with the two deploy-time overrides a host or CI needs without editing it:
 * SITE_URL (origin) and PATH_PREFIX (sub-path, e.g. a GitHub Pages project site).
 */
export function resolveSettings(file: SettingsFile, env: NodeJS.ProcessEnv): SiteSettings {
  const baseUrl = env.SITE_URL?.trim() || file.baseUrl;
  const pathPrefix = env.PATH_PREFIX?.trim() || file.pathPrefix;
  return {
    ...file,
    feedSize: file.feedSize ?? defaultFeedSize,
    baseUrl: baseUrl.replace(/\/+$/, ''),
    pathPrefix: normalizePathPrefix(pathPrefix),
  };
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): SiteSettings {
  return resolveSettings(JSON.parse(readFileSync(settingsFile, 'utf8')) as SettingsFile, env);
}
