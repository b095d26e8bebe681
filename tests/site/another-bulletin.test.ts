import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/archive/load-archive.ts';
import { readSettings } from '../../src/site/settings.ts';
import { buildSite, type BuiltSite } from '../browser/built-site.ts';
import { scanFile, type Finding } from '../hostile/scan.ts';
import { listFiles } from './helpers/build.ts';
import { brokenLinks, clicksFromHome, scanSite, type SiteScan } from './helpers/links.ts';

/**
 * The second bundled example (examples/another-bulletin/): a made-up bulletin with other columns, no
 * park gazetteer and no running numbers, built as `npm run build:example` builds it. Whatever is
 * the first bulletin's own must not show up here.
 */
const exampleDir = 'examples/another-bulletin';
const settings = readSettings({}, { dir: exampleDir });
let built: BuiltSite;
let files: string[];
let site: SiteScan;
const read = (file: string) => readFile(join(built.dir, file), 'utf8');

beforeAll(async () => {
  built = await buildSite({ CONTENT_DIR: exampleDir });
  files = await listFiles(built.dir);
  site = await scanSite(built.dir);
});

afterAll(async () => {
  await built?.remove();
});

describe('the second example bulletin', () => {
  it('reads without a finding', async () => {
    const archive = await loadArchive(exampleDir);
    expect(archive.diagnostics).toEqual([]);
    expect(archive.issues).toHaveLength(2);
    expect(archive.parks).toEqual([]);
    expect(archive.issues.every((issue) => issue.cumulativeNumber === undefined)).toBe(true);
  });

  it('has no 园区, 总第 or 国家生态工业 text in any file it publishes, scripts and data included', async () => {
    const found: string[] = [];
    for (const file of files.filter((name) => !name.startsWith('pagefind/') && !/\.(webp|jpe?g|png|pdf)$/.test(name))) {
      const text = await read(file);
      for (const word of ['园区', '总第', '总期号', '国家生态工业', '工作动态'])
        if (text.includes(word)) found.push(`${file}: ${word}`);
    }
    expect(found).toEqual([]);
  });

  it('publishes open data without a parks field, where the bundled archive gives each article one', async () => {
    const data = files.filter((file) => file.startsWith('api/') || file.endsWith('.json'));
    expect(data).toEqual(expect.arrayContaining(['api/issues.json', 'api/issues/2024-01.json', 'feed.json']));
    const withParks: string[] = [];
    for (const file of data) {
      const text = await read(file);
      if (/"parks"\s*:/.test(text)) withParks.push(file);
    }
    expect(withParks).toEqual([]);
  });

  it('writes no parks pages and no running-number redirects, and lists none in the sitemap', async () => {
    expect(files.filter((file) => file.startsWith('parks/') || file.startsWith('no/'))).toEqual([]);
    const sitemap = await read('sitemap.xml');
    expect(sitemap).not.toMatch(/\/parks\/|\/no\//);
    expect(sitemap).toContain(`${settings.baseUrl}/holdings/`);
    expect(sitemap).toContain(`${settings.baseUrl}/about/bulletin/`);
  });

  it('has no broken internal link and reaches every page from the home page', () => {
    const options = { baseUrl: settings.baseUrl, pathPrefix: settings.pathPrefix };
    expect(brokenLinks(site, options)).toEqual([]);
    const depth = clicksFromHome(site, options);
    expect([...site.pages.keys()].filter((file) => file !== '404.html' && !depth.has(file))).toEqual([]);
  });

  it('validates as HTML with zero errors', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:standard', 'html-validate:document', 'html-validate:a11y'],
      rules: { 'require-sri': ['error', { target: 'crossorigin' }] },
    });
    const errors: string[] = [];
    for (const file of site.pages.keys()) {
      const report = await validator.validateFile(join(built.dir, file));
      for (const r of report.results)
        for (const m of r.messages) errors.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(errors).toEqual([]);
  });

  it('holds no live markup or dangerous URL in any page, feed, data or reference file', async () => {
    const findings: Finding[] = [];
    for (const file of files) findings.push(...(scanFile(file, await readFile(join(built.dir, file))) ?? []));
    expect(findings).toEqual([]);
  });

  it('shows its own name, columns, footer records and about page', async () => {
    const home = await read('index.html');
    expect(home).toContain('<title>某省环保工作简报</title>');
    expect(home).toContain('<a href="https://beian.miit.gov.cn/" rel="noopener">某ICP备00000000号</a>');
    expect(home).toContain('网站标识码：0000000000');
    expect(home).toContain('<a href="/about/bulletin/">关于本刊</a>');
    expect(files).toEqual(expect.arrayContaining(['sections/headlines/index.html', 'sections/local-news/index.html']));
    expect(await read('about/bulletin/index.html')).toContain('editor@example.org');
    expect(await read('2024/01/index.html')).toContain('2024年第1期');
  });

  it('shows the gap in its holdings: 第2期 is not held, and without running numbers not surely missing', async () => {
    const html = await read('holdings/index.html');
    expect(html).toContain('<a href="/2024/01/"');
    expect(html).toContain('<a href="/2024/03/"');
    expect(html).toMatch(/holding-missing"><span class="visually-hidden">2024年第2期<\/span>未收录/);
  });

  it('cites the author and the page range, in GB/T 7714, RIS and BibTeX', async () => {
    const page = await read('2024/01/p1/index.html');
    expect(page).toContain('王明. 全省生态环境保护工作会议召开[J]. 某省环保工作简报, 2024(1): 1-2.');
    expect(page).toContain('[J/OL]');
    expect(await read('2024/01/p1/cite.ris')).toContain('EP  - 2');
    expect(await read('2024/01/p1/cite.bib')).toContain('pages = {1--2}');
    expect(await read('2024/01/p2/index.html')).toContain('<dt>供稿单位</dt><dd>某市生态环境局</dd>');
  });
});
