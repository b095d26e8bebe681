import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/archive/load-archive.ts';
import { readSettings } from '../../src/site/settings.ts';
import { buildSite, type BuiltSite } from '../browser/built-site.ts';
import { listFiles } from './helpers/build.ts';
import { brokenLinks, clicksFromHome, scanSite, type SiteScan } from './helpers/links.ts';

/**
 * A made-up weekly (tests/fixtures/special-issues/): 2019 has 第9期, 第10期, 第100期 and 增刊 (dated
 * as 第100期), 2018 only a supplement (`special: true`). Built as `npm run build` builds it.
 */
const contentDir = 'tests/fixtures/special-issues';
const settings = readSettings({}, { dir: contentDir });
let built: BuiltSite;
let files: string[];
let site: SiteScan;
const read = (file: string) => readFile(join(built.dir, file), 'utf8');
/** The issue addresses a page links to, in the order it links them. */
const issueLinks = (html: string, pattern = /href="(\/\d{4}\/(?:\d{2,}|s\d+)\/)"/g) =>
  [...html.matchAll(pattern)].map((match) => match[1]);
const unique = (list: (string | undefined)[]) => [...new Set(list)];

beforeAll(async () => {
  built = await buildSite({ CONTENT_DIR: contentDir });
  files = await listFiles(built.dir);
  site = await scanSite(built.dir);
});

afterAll(async () => {
  await built?.remove();
});

describe('an archive with special issues and a 3-digit number', () => {
  it('reads without a finding, newest first, the supplement after the regular issue of its date', async () => {
    const archive = await loadArchive(contentDir);
    expect(archive.diagnostics).toEqual([]);
    expect(archive.issues.map((issue) => issue.id)).toEqual(['2019-s1', '2019-100', '2019-10', '2019-09', '2018-s1']);
  });

  it('writes each issue and article at its address', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        '2019/s1/index.html',
        '2019/s1/p1/index.html',
        '2019/s1/p1/cite.ris',
        '2019/s1/p1/cite.bib',
        '2019/100/index.html',
        '2019/100/p100/index.html',
        '2019/09/index.html',
        '2018/s1/index.html',
        '2018/s1/p1/index.html',
        'api/issues/2019-s1.json',
        'api/issues/2019-100.json',
      ]),
    );
    expect(files.filter((file) => /^2019\/(1|01|001|0100)\//.test(file))).toEqual([]);
  });

  it('has no broken internal link and reaches every page from the home page', () => {
    const options = { baseUrl: settings.baseUrl, pathPrefix: settings.pathPrefix };
    expect(brokenLinks(site, options)).toEqual([]);
    const depth = clicksFromHome(site, options);
    expect([...site.pages.keys()].filter((file) => file !== '404.html' && !depth.has(file))).toEqual([]);
  });

  it('names the supplement 增刊1 on its pages and cover', async () => {
    const page = await read('2019/s1/index.html');
    expect(page).toContain('<title>某市环保周报 2019年增刊1');
    expect(page).toContain('class="cover-number">2019年 增刊1<');
    expect(await read('2019/100/index.html')).toContain('2019年第100期');
  });

  it('cites the supplement as 2019(增刊1) and its issue as 增刊1 in RIS and BibTeX', async () => {
    const page = await read('2019/s1/p1/index.html');
    expect(page).toContain('某市生态环境局办公室. 年度增刊要闻[J]. 某市环保周报, 2019(增刊1): 1.');
    expect(page).toContain('<meta name="citation_issue" content="增刊1">');
    expect(await read('2019/s1/p1/cite.ris')).toContain('IS  - 增刊1\r\n');
    const bib = await read('2019/s1/p1/cite.bib');
    expect(bib).toContain('number = {增刊1}');
    expect(bib).toMatch(/^@article\{2019-s1-p1,/);
    expect(await read('2019/100/p100/index.html')).toContain('某市环保周报, 2019(100): 1.');
  });

  it('shows the supplements in their own 增刊 column of the holdings grid, and 第100期 in its place', async () => {
    const html = await read('holdings/index.html');
    expect(html).toContain('<th scope="col">增刊</th>');
    expect(html).toContain(
      '<td class="holding holding-special"><a href="/2019/s1/" title="2019年增刊1（二〇一九年十二月二十日）">增刊1</a></td>',
    );
    expect(html).toContain('<td class="holding holding-special"><a href="/2018/s1/"');
    expect(html).toMatch(/<a href="\/2019\/100\/" title="2019年第100期[^"]*">100<\/a>/);
    // The supplement is no regular number: 第1期 of 2019 is missing, not held.
    expect(html).toMatch(/holding-missing"><span class="visually-hidden">2019年第1期<\/span>/);
    const columns = [...html.matchAll(/<th scope="col">([^<]+)<\/th>/g)].map((match) => match[1]);
    expect(columns.at(-2)).toBe('第100期');
    expect(columns.at(-1)).toBe('增刊');
  });

  it('orders issues numerically on the year page, the home page and in both feeds', async () => {
    const newestFirst = ['/2019/s1/', '/2019/100/', '/2019/10/', '/2019/09/'];
    expect(unique(issueLinks(await read('2019/index.html')))).toEqual(newestFirst);
    const home = await read('index.html');
    const archiveList = home.slice(home.indexOf('id="archive-title"'));
    expect(unique(issueLinks(archiveList))).toEqual([...newestFirst, '/2018/s1/']);
    const atom = await read('feed.xml');
    const entries = [...atom.matchAll(/<entry>\s*<id>https:\/\/example\.org(\/[^<]+)<\/id>/g)].map((m) => m[1]);
    expect(entries).toEqual([...newestFirst, '/2018/s1/']);
    expect(atom).toContain('<category term="增刊" label="增刊1"/>');
    const json = JSON.parse(await read('feed.json')) as { items: { url: string; tags?: string[] }[] };
    expect(json.items.map((item) => item.url.replace(settings.baseUrl, ''))).toEqual([...newestFirst, '/2018/s1/']);
    expect(json.items[0]?.tags).toEqual(['增刊']);
    expect(json.items[1]).not.toHaveProperty('tags');
  });

  it('links each issue to the one before and after it', async () => {
    const pager = async (file: string) => {
      const html = await read(file);
      const prev = /rel="prev" href="([^"]+)"/.exec(html)?.[1];
      const next = /rel="next" href="([^"]+)"/.exec(html)?.[1];
      return [prev, next];
    };
    expect(await pager('2018/s1/index.html')).toEqual([undefined, '/2019/09/']);
    expect(await pager('2019/09/index.html')).toEqual(['/2018/s1/', '/2019/10/']);
    expect(await pager('2019/10/index.html')).toEqual(['/2019/09/', '/2019/100/']);
    expect(await pager('2019/100/index.html')).toEqual(['/2019/10/', '/2019/s1/']);
    expect(await pager('2019/s1/index.html')).toEqual(['/2019/100/', undefined]);
  });

  it('carries the special field in the open data and the addresses in the sitemap', async () => {
    const index = JSON.parse(await read('api/issues.json')) as {
      issues: { id: string; number: number; special?: unknown; pageUrl: string }[];
    };
    expect(index.issues.map(({ id, number, special }) => [id, number, special])).toEqual([
      ['2019-s1', 1, { name: '增刊', ordinal: 1 }],
      ['2019-100', 100, undefined],
      ['2019-10', 10, undefined],
      ['2019-09', 9, undefined],
      ['2018-s1', 1, { name: '增刊', ordinal: 1 }],
    ]);
    const one = JSON.parse(await read('api/issues/2019-s1.json')) as Record<string, unknown>;
    expect(Object.keys(one).slice(0, 6)).toEqual(['id', 'series', 'publisher', 'year', 'number', 'special']);
    const sitemap = await read('sitemap.xml');
    for (const path of ['/2019/s1/', '/2019/s1/p1/', '/2019/100/', '/2018/s1/'])
      expect(sitemap).toContain(`<loc>${settings.baseUrl}${path}</loc>`);
  });

  it('validates the holdings and the supplement’s pages as HTML', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:standard', 'html-validate:document', 'html-validate:a11y'],
      rules: { 'require-sri': ['error', { target: 'crossorigin' }] },
    });
    const errors: string[] = [];
    for (const file of ['holdings/index.html', '2019/s1/index.html', '2019/s1/p1/index.html', '2019/index.html']) {
      const report = await validator.validateFile(join(built.dir, file));
      for (const r of report.results)
        for (const m of r.messages) errors.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(errors).toEqual([]);
  });
});
