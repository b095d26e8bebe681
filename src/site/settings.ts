import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { contentDir, shownPath } from '../core/content-dir.ts';
import { editDistance } from '../core/edit-distance.ts';
import { compareDiagnostics, formatDiagnostic } from '../core/diagnostics.ts';
import { SettingsError } from '../core/errors.ts';
import { normalizePathPrefix, type Deployment } from '../core/routes.ts';
import { placeOfKey, placeOfPath, parseYamlText, yamlData, yamlSyntaxDiagnostics } from '../core/yaml.ts';
import { issueDiagnostic, isMissingKey, missingKey, type SchemaIssue } from '../core/yaml-schema.ts';
import type { Diagnostic } from '../model.ts';
import type { StepDefinition } from '../parks/steps.ts';
import { readAboutPage, type AboutPage } from './about-page.ts';
import { resolveSteps, stepsSchema } from './step-settings.ts';

/**
 * How the site names an archive's named-entity index (the park gazetteer: 园区; another bulletin
 * might index 企业 or 地区) and the words of its pages. Used only when the content folder has the
 * index's table: an archive without one shows none of it.
 */
export interface IndexSettings {
  /** What one entry is called: 园区. The nav link, the index page's title, the search filter. */
  label: string;
  /** The index page's line under its title and its description. */
  intro: string;
  /** The heading of an entry's timeline: 创建进程. */
  timeline: string;
  /**
   * The steps of an entry's timeline, how they are found in the text and what readers see:
   * site.yaml's `index.steps`, else the programme's (src/parks/steps.ts).
   */
  steps: readonly StepDefinition[];
}

/** A registration number shown in the footer, as Chinese government sites carry it, with its lookup page. */
export interface FooterRecord {
  text: string;
  url?: string;
}

/**
 * The site's own settings: everything an editor or operator changes for their bulletin lives in
 * `content/site.yaml`. `baseUrl` is the origin without a trailing slash (https://example.org),
 * `pathPrefix` the sub-path with leading and trailing slash (`/` or `/bulletin/`). Texts left
 * out are '' here and filled from the issues' mastheads by `withMastheadDefaults`.
 */
export interface SiteSettings extends Deployment {
  title: string;
  shortTitle: string;
  description: string;
  publisher: string;
  copyright: string;
  /** Articles per page on a section page. */
  sectionPageSize: number;
  /**
   * Issues in each feed, newest first. Feed readers poll the whole file; the archive's full text
   * is in the open data and on the site, so a feed carries only recent issues.
   */
  feedSize: number;
  /** ICP 备案号, linked to the MIIT lookup. */
  icp?: FooterRecord;
  /** 公安机关备案号 (公网安备), linked to its lookup. */
  policeRecord?: FooterRecord;
  /** 网站标识码 of a government site. */
  siteCode?: string;
  index: IndexSettings;
  /** 关于本刊, from the content folder's about.md. */
  about?: AboutPage;
}

export const defaultFeedSize = 20;
export const defaultSectionPageSize = 10;
export const defaultBaseUrl = 'https://example.org';
export const icpLookup = 'https://beian.miit.gov.cn/';
export const policeLookup = 'https://beian.mps.gov.cn/#/query/webSearch';

/** The settings file's name inside the content folder. */
export const settingsFileName = 'site.yaml';

/** Where settings lived before they moved into the content folder; still read, with a warning. */
export const legacySettingsFile = fileURLToPath(new URL('../../templates/_data/site.json', import.meta.url));

const text = (field: string, what: string) => v.pipe(v.string(`${field}（${what}）须是一段文字`), v.trim());
const count = (field: string, what: string) => {
  const message = `${field}（${what}）须是正整数，例如 ${field}: 10`;
  return v.pipe(v.number(message), v.integer(message), v.minValue(1, message));
};
const webAddress = (field: string, what: string) =>
  v.pipe(text(field, what), v.check(isWebUrl, `${field}（${what}）须是以 http:// 或 https:// 开头的完整网址`));

/** The origin alone: a sub-path belongs in pathPrefix, where every link takes it from. */
const originMessage = (field: string) =>
  `${field} 只写网站的协议和域名，例如 https://example.org；子路径（如 /bulletin/）请写在 pathPrefix`;

const notFields = '网站设置须写成 “字段名: 值” 的一组设置，每行一项，例如 title: 某省环保工作简报';

const indexFields = ['label', 'intro', 'timeline', 'steps'];
const indexSchema = v.strictObject(
  {
    label: v.optional(
      v.pipe(text('index.label', '索引名称'), v.nonEmpty('index.label（索引名称）不能为空，例如 label: 园区')),
    ),
    intro: v.optional(text('index.intro', '索引页说明')),
    timeline: v.optional(text('index.timeline', '进程标题')),
    steps: v.optional(stepsSchema),
  },
  (issue) =>
    issue.kind === 'schema' && issue.expected === 'never'
      ? `index 中没有 “${String(issueKey(issue))}” 这一项；可写：${indexFields.join('、')}`
      : 'index 须写成 “字段名: 值” 的一组，例如 label: 园区',
);

function issueKey(issue: SchemaIssue): unknown {
  return issue.path?.at(-1)?.key;
}

const fieldWords = {
  title: '网站名称',
  shortTitle: '简称',
  description: '网站简介',
  publisher: '主办单位',
  copyright: '版权行',
  baseUrl: '网站地址',
  pathPrefix: '子路径',
  sectionPageSize: '栏目页每页文章数',
  feedSize: '订阅源期数',
  icp: 'ICP 备案号',
  icpUrl: 'ICP 备案查询网址',
  policeRecord: '公安备案号',
  policeRecordUrl: '公安备案查询网址',
  siteCode: '网站标识码',
  index: '索引（园区名录等）的名称与页面文字',
} as const;

type Field = keyof typeof fieldWords;
const fields = Object.keys(fieldWords) as Field[];

const settingsFileSchema = v.object(
  {
    title: v.optional(text('title', fieldWords.title)),
    shortTitle: v.optional(text('shortTitle', fieldWords.shortTitle)),
    description: v.optional(text('description', fieldWords.description)),
    publisher: v.optional(text('publisher', fieldWords.publisher)),
    copyright: v.optional(text('copyright', fieldWords.copyright)),
    baseUrl: v.optional(v.pipe(webAddress('baseUrl', fieldWords.baseUrl), v.check(isOrigin, originMessage('baseUrl')))),
    pathPrefix: v.optional(
      v.pipe(
        text('pathPrefix', fieldWords.pathPrefix),
        v.regex(/^[\w\-./~]*$/, 'pathPrefix（子路径）只能含英文字母、数字和 - _ . / ~，例如 /bulletin/'),
      ),
    ),
    sectionPageSize: v.optional(count('sectionPageSize', fieldWords.sectionPageSize)),
    feedSize: v.optional(count('feedSize', fieldWords.feedSize)),
    icp: v.optional(text('icp', fieldWords.icp)),
    icpUrl: v.optional(webAddress('icpUrl', fieldWords.icpUrl)),
    policeRecord: v.optional(text('policeRecord', fieldWords.policeRecord)),
    policeRecordUrl: v.optional(webAddress('policeRecordUrl', fieldWords.policeRecordUrl)),
    siteCode: v.optional(text('siteCode', fieldWords.siteCode)),
    index: v.optional(indexSchema),
  },
  (issue) => (isMissingKey(issue) ? `缺少 ${missingKey(issue)}` : notFields),
);

export type SettingsFile = v.InferOutput<typeof settingsFileSchema>;

function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function isOrigin(value: string): boolean {
  if (!isWebUrl(value)) return true; // told by the check before
  const url = new URL(value);
  return url.pathname.replace(/\/+$/, '') === '' && url.search === '' && url.hash === '';
}

/**
 * The settings file with the two deploy-time overrides a host or CI needs without editing it:
 * SITE_URL (origin) and PATH_PREFIX (sub-path, e.g. a GitHub Pages project site). SITE_URL is
 * checked as the file's baseUrl is.
 */
export function resolveSettings(file: SettingsFile, env: NodeJS.ProcessEnv): SiteSettings {
  const siteUrl = env.SITE_URL?.trim();
  if (siteUrl) {
    if (!isWebUrl(siteUrl))
      throw new SettingsError(`环境变量 SITE_URL 须是以 http:// 或 https:// 开头的完整网址，现在是 “${siteUrl}”。`);
    if (!isOrigin(siteUrl)) throw new SettingsError(`环境变量 ${originMessage('SITE_URL')}（也可用 PATH_PREFIX）。`);
  }
  const baseUrl = siteUrl || file.baseUrl || defaultBaseUrl;
  const pathPrefix = env.PATH_PREFIX?.trim() || file.pathPrefix || '/';
  const settings: SiteSettings = {
    title: file.title ?? '',
    shortTitle: file.shortTitle ?? '',
    description: file.description ?? '',
    publisher: file.publisher ?? '',
    copyright: file.copyright ?? '',
    sectionPageSize: file.sectionPageSize ?? defaultSectionPageSize,
    feedSize: file.feedSize ?? defaultFeedSize,
    baseUrl: baseUrl.replace(/\/+$/, ''),
    pathPrefix: normalizePathPrefix(pathPrefix),
    index: indexSettings(file.index),
  };
  if (file.icp) settings.icp = { text: file.icp, url: file.icpUrl ?? icpLookup };
  if (file.policeRecord) {
    const code = /\d{6,}/.exec(file.policeRecord)?.[0];
    const url = file.policeRecordUrl ?? (code ? `${policeLookup}?code=${code}` : undefined);
    settings.policeRecord = { text: file.policeRecord, ...(url ? { url } : {}) };
  }
  if (file.siteCode) settings.siteCode = file.siteCode;
  return settings;
}

function indexSettings(index: SettingsFile['index']): IndexSettings {
  const label = index?.label ?? '园区';
  return {
    label,
    intro: index?.intro ?? `报道过的${label}，按所在省份排列。`,
    timeline: index?.timeline ?? '大事记',
    steps: resolveSteps(index?.steps),
  };
}

/**
 * What the issues' mastheads already say stands in for texts the settings leave out: the
 * newest issue's series is the site's name, its publisher the publisher; so a content folder
 * without site.yaml still builds a site named after its bulletin.
 */
export function withMastheadDefaults(
  settings: SiteSettings,
  latest: { series: string; publisher: string } | undefined,
): SiteSettings {
  const title = settings.title || latest?.series || '期刊档案';
  const publisher = settings.publisher || latest?.publisher || '';
  return {
    ...settings,
    title,
    shortTitle: settings.shortTitle || title,
    publisher,
    description: settings.description || `《${title}》历期全文存档：按年份、期次、栏目浏览，每篇文章附引用格式。`,
    copyright: settings.copyright || (publisher ? `© ${publisher}` : ''),
  };
}

export interface ReadSettingsOptions {
  /** The content folder; CONTENT_DIR or `content/` by default. */
  dir?: string;
  /** The old settings file, read only when the content folder has no site.yaml. */
  legacyFile?: string;
  /** Where a deprecation notice goes. */
  warn?: (line: string) => void;
  /** How messages name the content folder, as the command's other messages do (default: relative to the cwd). */
  displayDir?: string;
}

/**
 * The settings of the content folder being built: `<dir>/site.yaml`; else, for a project set up
 * before settings moved there, `templates/_data/site.json` with a notice; else every default.
 * A mistake is a SettingsError naming file:line:col for each problem.
 */
export function readSettings(env: NodeJS.ProcessEnv = process.env, options: ReadSettingsOptions = {}): SiteSettings {
  const dir = options.dir ?? contentDir(env);
  const path = join(dir, settingsFileName);
  const legacy = options.legacyFile ?? legacySettingsFile;
  const about = readAboutPage(dir);
  return { ...readSettingsFile(env, path, legacy, options), ...(about ? { about } : {}) };
}

/** What a command that reports rather than stops gets: the settings, or why there are none. */
export type SettingsRead = { ok: true; settings: SiteSettings } | { ok: false; error: SettingsError };

/**
 * `readSettings` for the commands that list a bad settings file beside the content's errors and
 * go on (check, the preview); any other failure is no settings mistake and is thrown.
 */
export function tryReadSettings(env: NodeJS.ProcessEnv = process.env, options: ReadSettingsOptions = {}): SettingsRead {
  try {
    return { ok: true, settings: readSettings(env, options) };
  } catch (error) {
    if (error instanceof SettingsError) return { ok: false, error };
    throw error;
  }
}

/** A settings error as report lines: `file:line:col  error  …` per problem, else its message (no line holds it). */
export function settingsErrorLines(error: SettingsError): string[] {
  return error.diagnostics.length > 0 ? error.diagnostics.map(formatDiagnostic) : [error.message];
}

function readSettingsFile(
  env: NodeJS.ProcessEnv,
  path: string,
  legacy: string,
  options: ReadSettingsOptions,
): SiteSettings {
  const shown = options.displayDir === undefined ? shownPath(path) : join(options.displayDir, settingsFileName);
  if (existsSync(path)) return resolveSettings(parseSettingsFile(shown, readText(path)), env);
  if (existsSync(legacy)) {
    (options.warn ?? ((line) => process.stderr.write(`${line}\n`)))(
      `提示：网站设置 ${shownPath(legacy)} 已改为内容目录中的 ${settingsFileName}（写法见 docs/settings.md）；` +
        `请把其中的设置移到 ${shown}，再删去旧文件。`,
    );
    return resolveSettings(parseLegacyFile(shownPath(legacy), readText(legacy)), env);
  }
  return resolveSettings({}, env);
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new SettingsError(`网站设置 ${path} 无法读取：${error instanceof Error ? error.message : String(error)}`);
  }
}

const rule = 'site-settings';
const what = '网站设置';

/** `site.yaml`: syntax, unknown fields (with the field meant, when one is near), then each field's rules. */
export function parseSettingsFile(path: string, source: string): SettingsFile {
  const yaml = parseYamlText(source);
  const syntax = yamlSyntaxDiagnostics(path, yaml, rule, what);
  if (syntax.length > 0) throw settingsError(syntax);
  const data = yamlData(path, yaml, rule, what);
  if (!data.ok) throw settingsError([data.diagnostic]);
  if (data.data === null) return {};
  // valibot's object takes a list as an object without fields.
  if (typeof data.data !== 'object' || Array.isArray(data.data))
    throw settingsError([diagnostic(path, placeOfPath(yaml, []), notFields)]);
  const unknown = unknownFields(data.data).map((key) =>
    diagnostic(path, placeOfKey(yaml, [], key), unknownFieldMessage(key)),
  );
  const parsed = v.safeParse(settingsFileSchema, data.data);
  const problems = [
    ...unknown,
    ...(parsed.issues ?? []).map((issue: SchemaIssue) => issueDiagnostic(path, yaml, issue, rule)),
  ];
  if (problems.length > 0 || !parsed.success) throw settingsError(problems.sort(compareDiagnostics));
  return parsed.output;
}

/** The old JSON file: the same fields and rules; JSON has no lines to point at. */
export function parseLegacyFile(path: string, source: string): SettingsFile {
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    throw new SettingsError(`网站设置 ${path} 无法读取：${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new SettingsError(`网站设置 ${path} 有误：${notFields}。`);
  const unknown = unknownFields(data).map(unknownFieldMessage);
  const parsed = v.safeParse(settingsFileSchema, data);
  const problems = [...unknown, ...(parsed.issues ?? []).map((issue) => issue.message)];
  if (problems.length > 0 || !parsed.success)
    throw new SettingsError(`网站设置 ${path} 有误：${problems.join('；')}。`);
  return parsed.output;
}

function diagnostic(path: string, place: { line: number; column: number }, message: string): Diagnostic {
  return { path, line: place.line, column: place.column, severity: 'error', rule, message };
}

function settingsError(diagnostics: readonly Diagnostic[]): SettingsError {
  return new SettingsError(
    `网站设置有误，网站没有生成：\n${diagnostics.map(formatDiagnostic).join('\n')}`,
    diagnostics,
  );
}

function unknownFields(data: unknown): string[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return [];
  return Object.keys(data).filter((key) => !(fields as string[]).includes(key));
}

function unknownFieldMessage(key: string): string {
  const near = nearestField(key);
  return near
    ? `没有 “${key}” 这项设置：是不是 ${near}（${fieldWords[near]}）？`
    : `没有 “${key}” 这项设置；可写的设置见 docs/settings.md：${fields.join('、')}。`;
}

/** The known field a misspelt one most likely meant: same letters ignoring case, or at most two edits. */
export function nearestField(key: string): Field | undefined {
  const lower = key.toLowerCase();
  let best: { field: Field; distance: number } | undefined;
  for (const field of fields) {
    const distance = field.toLowerCase() === lower ? 0 : editDistance(lower, field.toLowerCase());
    if (distance <= 2 && (!best || distance < best.distance)) best = { field, distance };
  }
  return best?.field;
}
