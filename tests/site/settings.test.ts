import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsError } from '../../src/core/errors.ts';
import { absolute as absoluteUrl, normalizePathPrefix, prefixed as prefixedPath } from '../../src/core/routes.ts';
import {
  defaultFeedSize,
  nearestField,
  parseSettingsFile,
  readSettings,
  resolveSettings,
  withMastheadDefaults,
} from '../../src/site/settings.ts';

const file = {
  title: 't',
  shortTitle: 's',
  description: 'd',
  baseUrl: 'https://a.example/',
  pathPrefix: '/',
  copyright: 'c',
  sectionPageSize: 10,
  feedSize: 20,
};

describe('settings', () => {
  it('normalizes every spelling of a path prefix', () => {
    expect(['', '/', 'x', '/x', 'x/', '//x//'].map(normalizePathPrefix)).toEqual([
      '/',
      '/',
      '/x/',
      '/x/',
      '/x/',
      '/x/',
    ]);
  });
  it('takes SITE_URL and PATH_PREFIX from the environment over the file', () => {
    expect(resolveSettings(file, {})).toMatchObject({ baseUrl: 'https://a.example', pathPrefix: '/' });
    expect(resolveSettings(file, { SITE_URL: 'https://b.example', PATH_PREFIX: 'repo' })).toMatchObject({
      baseUrl: 'https://b.example',
      pathPrefix: '/repo/',
    });
  });
  it('gives a settings file without feedSize the default, and keeps one that has it', () => {
    const { feedSize: _given, ...older } = file;
    expect(resolveSettings(older, {}).feedSize).toBe(defaultFeedSize);
    expect(resolveSettings({ ...file, feedSize: 5 }, {}).feedSize).toBe(5);
  });
  it('builds prefixed paths and absolute URLs', () => {
    const s = { baseUrl: 'https://a.example', pathPrefix: '/repo/' };
    expect([prefixedPath('/2018/01/', s), absoluteUrl('/', s), absoluteUrl('/feed.xml', s)]).toEqual([
      '/repo/2018/01/',
      'https://a.example/repo/',
      'https://a.example/repo/feed.xml',
    ]);
  });
  it('reads the bundled settings file', () => {
    const settings = readSettings({});
    expect(settings.title).toContain('工作动态');
    expect(settings.sectionPageSize).toBeGreaterThan(0);
  });

  it('refuses an old site.json that breaks its rules, naming the field, with a typed error and a notice', () => {
    const dir = mkdtempSync(join(tmpdir(), 'settings-'));
    const path = join(dir, 'site.json');
    const notices: string[] = [];
    const options = { dir, legacyFile: path, warn: (line: string) => notices.push(line) };
    writeFileSync(path, JSON.stringify({ ...file, sectionPageSize: 0, baseUrl: 'example.org' }));
    expect(() => readSettings({}, options)).toThrow(SettingsError);
    expect(() => readSettings({}, options)).toThrow(/sectionPageSize（栏目页每页文章数）须是正整数/);
    expect(() => readSettings({}, options)).toThrow(/baseUrl（网站地址）须是以 http/);
    expect(notices[0]).toMatch(/已改为内容目录中的 site\.yaml/);
    writeFileSync(path, JSON.stringify(file));
    expect(readSettings({}, options).title).toBe('t');
    writeFileSync(path, '{ "title": ');
    expect(() => readSettings({}, options)).toThrow(SettingsError);
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads site.yaml from the content folder, before an old site.json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'settings-'));
    writeFileSync(
      join(dir, 'site.yaml'),
      'title: 某省环保工作简报\nicp: 京ICP备12345678号\npoliceRecord: 京公网安备 11010502030143号\nsiteCode: "1100000001"\n',
    );
    writeFileSync(join(dir, 'site.json'), JSON.stringify(file));
    const notices: string[] = [];
    const settings = readSettings({}, { dir, legacyFile: join(dir, 'site.json'), warn: (l) => notices.push(l) });
    expect(notices).toEqual([]);
    expect(settings).toMatchObject({
      title: '某省环保工作简报',
      baseUrl: 'https://example.org',
      pathPrefix: '/',
      sectionPageSize: 10,
      feedSize: defaultFeedSize,
      icp: { text: '京ICP备12345678号', url: 'https://beian.miit.gov.cn/' },
      policeRecord: { text: '京公网安备 11010502030143号', url: expect.stringContaining('11010502030143') as string },
      siteCode: '1100000001',
    });
    rmSync(dir, { recursive: true, force: true });
  });

  it('builds with every default when the content folder has no settings at all', () => {
    const dir = mkdtempSync(join(tmpdir(), 'settings-'));
    const settings = readSettings({}, { dir, legacyFile: join(dir, 'none.json') });
    expect(settings).toMatchObject({ title: '', baseUrl: 'https://example.org', pathPrefix: '/' });
    expect(withMastheadDefaults(settings, { series: '某省环保工作简报', publisher: '某省生态环境厅' })).toMatchObject({
      title: '某省环保工作简报',
      shortTitle: '某省环保工作简报',
      publisher: '某省生态环境厅',
      copyright: '© 某省生态环境厅',
    });
    rmSync(dir, { recursive: true, force: true });
  });

  const problems = (source: string) => {
    try {
      parseSettingsFile('content/site.yaml', source);
    } catch (error) {
      expect(error).toBeInstanceOf(SettingsError);
      return (error as Error).message;
    }
    return '';
  };

  it('names an unknown field at its line, with the field it most likely meant', () => {
    const message = problems('title: 简报\nfeedsize: 5\ncolour: red\n');
    expect(message).toContain('content/site.yaml:2:1');
    expect(message).toContain('没有 “feedsize” 这项设置：是不是 feedSize（订阅源期数）？');
    expect(message).toContain('content/site.yaml:3:1');
    expect(message).toMatch(/没有 “colour” 这项设置；可写的设置见 docs\/settings\.md/);
  });

  it('tells each wrong value in Chinese at its line and column', () => {
    const message = problems('title: 简报\nsectionPageSize: 0\nbaseUrl: https://a.example/bulletin/\nicpUrl: beian\n');
    expect(message).toMatch(/content\/site\.yaml:2:18 .*sectionPageSize（栏目页每页文章数）须是正整数/);
    expect(message).toMatch(/content\/site\.yaml:3:10 .*baseUrl 只写网站的协议和域名/);
    expect(message).toMatch(/content\/site\.yaml:4:9 .*icpUrl（ICP 备案查询网址）须是以 http/);
    expect(message).not.toMatch(/Invalid|Expected/);
  });

  it('tells a YAML mistake and a file that is no set of fields in Chinese', () => {
    expect(problems('title: "简报\n')).toMatch(/content\/site\.yaml:1:\d+ .*网站设置的 YAML 写法有误/);
    expect(problems('- title\n')).toMatch(/网站设置须写成 “字段名: 值”/);
    expect(problems('')).toBe('');
  });

  it('checks SITE_URL as it checks baseUrl', () => {
    expect(() => resolveSettings(file, { SITE_URL: 'example.org' })).toThrow(/SITE_URL 须是以 http/);
    expect(() => resolveSettings(file, { SITE_URL: 'https://a.example/sub' })).toThrow(/SITE_URL 只写网站的协议和域名/);
    expect(resolveSettings(file, { SITE_URL: 'https://a.example/' }).baseUrl).toBe('https://a.example');
  });

  it('finds the field a misspelling meant, and none for a word far from all', () => {
    expect([nearestField('Title'), nearestField('feed_size'), nearestField('icpurl'), nearestField('banner')]).toEqual([
      'title',
      'feedSize',
      'icpUrl',
      undefined,
    ]);
  });
});
