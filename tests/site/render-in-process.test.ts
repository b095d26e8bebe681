import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/archive/load-archive.ts';
import { renderSite } from '../../src/site/build-output.ts';
import { allPages } from '../../src/site/incremental.ts';
import { readSettings } from '../../src/site/settings.ts';
import { siteData } from '../../src/site/site-data.ts';
import { bundledContent } from '../helpers/content.ts';

const work = await mkdtemp(join(tmpdir(), 'render-in-process-'));
afterAll(() => rm(work, { recursive: true, force: true }));

async function prepared(contentDir: string, overrides: Partial<ReturnType<typeof readSettings>>) {
  const settings = { ...readSettings({}), ...overrides };
  const data = siteData(await loadArchive(contentDir), settings);
  return { settings, data, pages: allPages(data) };
}

describe('rendering the site in-process', () => {
  it('gives two renders in one process, at the same time, each its own settings and data', async () => {
    // The second archive has no gazetteer: nothing about parks may leak into it from the first.
    const noParks = join(work, 'no-parks');
    await mkdir(join(noParks, '2018'), { recursive: true });
    await copyFile(join(bundledContent, 'sections.yaml'), join(noParks, 'sections.yaml'));
    await copyFile(join(bundledContent, '2018/2018-01.md'), join(noParks, '2018/2018-01.md'));
    const [withParks, withoutParks] = await Promise.all([
      prepared(bundledContent, { title: '甲刊', pathPrefix: '/a/' }),
      prepared(noParks, { title: '乙刊', pathPrefix: '/' }),
    ]);
    await Promise.all([renderSite(withParks, join(work, 'a')), renderSite(withoutParks, join(work, 'b'))]);

    const home = async (site: string) => readFile(join(work, site, 'index.html'), 'utf8');
    const [a, b] = await Promise.all([home('a'), home('b')]);
    expect(a).toContain('<title>甲刊</title>');
    expect(a).toContain('href="/a/parks/"');
    expect(existsSync(join(work, 'a/parks/index.html'))).toBe(true);
    expect(b).toContain('<title>乙刊</title>');
    expect(b).not.toContain('/a/');
    expect(b).not.toContain('parks/');
    expect(existsSync(join(work, 'b/parks'))).toBe(false);
    const search = await readFile(join(work, 'b/search/index.html'), 'utf8');
    expect(search).not.toContain('search-filter-park');
    expect(search).not.toMatch(/、园区|园区<\/a>|全部园区/);
  });
});
