import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsError } from '../../src/core/errors.ts';
import { absolute as absoluteUrl, normalizePathPrefix, prefixed as prefixedPath } from '../../src/core/routes.ts';
import { defaultFeedSize, readSettings, resolveSettings } from '../../src/site/settings.ts';

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

  it('refuses a settings file that breaks its rules, naming the field, with a typed error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'settings-'));
    const path = join(dir, 'site.json');
    writeFileSync(path, JSON.stringify({ ...file, sectionPageSize: 0, baseUrl: 'example.org' }));
    expect(() => readSettings({}, path)).toThrow(SettingsError);
    expect(() => readSettings({}, path)).toThrow(/sectionPageSize 须是正整数/);
    expect(() => readSettings({}, path)).toThrow(/baseUrl 须是网站的完整地址/);
    writeFileSync(path, '{ "title": ');
    expect(() => readSettings({}, path)).toThrow(SettingsError);
    rmSync(dir, { recursive: true, force: true });
  });
});
