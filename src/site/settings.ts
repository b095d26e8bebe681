import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { SettingsError } from '../core/errors.ts';
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

const text = (field: string) => v.pipe(v.string(`${field} 须是一段文字`), v.trim());
const count = (field: string) =>
  v.pipe(v.number(`${field} 须是正整数`), v.integer(`${field} 须是正整数`), v.minValue(1, `${field} 须是正整数`));

/** What the settings file holds; `feedSize` may be missing from a file written before it existed. */
const settingsFileSchema = v.object({
  title: v.pipe(text('title'), v.nonEmpty('title（网站名称）不能为空')),
  shortTitle: text('shortTitle'),
  description: text('description'),
  baseUrl: v.pipe(text('baseUrl'), v.url('baseUrl 须是网站的完整地址，例如 https://example.org')),
  pathPrefix: text('pathPrefix'),
  copyright: text('copyright'),
  sectionPageSize: count('sectionPageSize'),
  feedSize: v.optional(count('feedSize')),
});

type SettingsFile = v.InferOutput<typeof settingsFileSchema>;

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

export function readSettings(env: NodeJS.ProcessEnv = process.env, path = settingsFile): SiteSettings {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new SettingsError(`网站设置 ${path} 无法读取：${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = v.safeParse(settingsFileSchema, data);
  if (!parsed.success) {
    const problems = parsed.issues.map((issue) => issue.message).join('；');
    throw new SettingsError(`网站设置 ${path} 有误：${problems}。`);
  }
  return resolveSettings(parsed.output, env);
}
