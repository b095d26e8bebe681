import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Issue } from '../../src/model.ts';
import { loadArchive } from '../../src/archive/load-archive.ts';
import { readSettings } from '../../src/site/settings.ts';
import { outputMarker } from '../../src/site/build-output.ts';
import { openDataIssue, type OpenDataIssue } from '../../src/site/exports.ts';
import { planMedia } from '../../src/site/media/site-media.ts';
import { maxSegmentLength } from '../../src/core/routes.ts';
import { parseLimits } from '../../src/pipeline/parse-bounds.ts';
import { masthead } from '../helpers/content.ts';
import { defined } from '../helpers/defined.ts';
import { listFiles, runBuild, type BuildResult } from './helpers/build.ts';
import { sharedBundledSite } from './helpers/shared-site.ts';
import { hostileTitle, writeBrokenContent, writeFixtureContent } from './helpers/fixture-content.ts';
import { brokenLinks, clicksFromHome, scanSite, type LinkOptions, type SiteScan } from './helpers/links.ts';

const settings = readSettings({});
const prefix = '/bulletin/';
const extraArticles = settings.sectionPageSize; // one more than a page with the hostile article
let work: string;
const out = { bundled: '', prefixed: '', fixture: '', broken: '', limits: '' };
const result: Record<keyof typeof out, BuildResult> = {} as Record<keyof typeof out, BuildResult>;
let issues: Issue[];
let kinds: string[];
let parkUrls: string[];

const read = (dir: string, file: string) => readFile(join(dir, file), 'utf8');

// The parts of the published feeds, sitemap and open data that the tests read; their assertions check the shape.
interface AtomFeed {
  feed: { entry: { id: string; content: { '#text': string } }[] };
}
interface JsonFeed {
  version: string;
  items: { url: string; content_html: string }[];
}
interface Sitemap {
  urlset: { url: { loc: string }[] };
}
interface IssuesIndex {
  issues: { id: string; sections: { articles: object[] }[] }[];
}

async function htmlErrors(dir: string, files: string[]): Promise<string[]> {
  const validator = new HtmlValidate({
    extends: ['html-validate:standard', 'html-validate:document', 'html-validate:a11y'],
    // Subresource integrity guards third-party files; the stylesheet is served with the page.
    rules: { 'require-sri': ['error', { target: 'crossorigin' }] },
  });
  const errors: string[] = [];
  for (const file of files) {
    const report = await validator.validateFile(join(dir, file));
    for (const r of report.results)
      for (const m of r.messages) errors.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
  }
  return errors;
}
const options = (pathPrefix: string): LinkOptions => ({ baseUrl: settings.baseUrl, pathPrefix });

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'site-test-'));
  for (const key of Object.keys(out) as (keyof typeof out)[]) out[key] = join(work, key);
  const fixtureContent = join(work, 'fixture-content');
  const brokenContent = join(work, 'broken-content');
  await writeFixtureContent(fixtureContent, extraArticles);
  await writeBrokenContent(brokenContent);
  const limitsContent = join(work, 'limits-content');
  await writeLimitsContent(limitsContent);
  // A failed build must leave the old site alone. Leftovers of an earlier build must disappear:
  // the shared bundled build (tests/site/helpers/shared-site-setup.ts) starts over one.
  await mkdir(out.broken, { recursive: true });
  await writeFile(join(out.broken, 'index.html'), 'previous site');
  await writeFile(join(out.broken, outputMarker), 'an earlier build');

  const archive = await loadArchive('content');
  issues = archive.issues;
  kinds = archive.sectionTable.kinds.map((k) => k.kind);
  parkUrls = archive.parks.map((park) => park.url);
  const [{ dir: bundledDir, result: bundled }, prefixed, fixture, broken, limits] = await Promise.all([
    sharedBundledSite(),
    runBuild(out.prefixed, { PATH_PREFIX: prefix }),
    runBuild(out.fixture, { CONTENT_DIR: fixtureContent }),
    runBuild(out.broken, { CONTENT_DIR: brokenContent }),
    runBuild(out.limits, { CONTENT_DIR: limitsContent }),
  ]);
  out.bundled = bundledDir;
  Object.assign(result, { bundled, prefixed, fixture, broken, limits });
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('build of the bundled content', () => {
  let site: SiteScan;
  beforeAll(async () => {
    expect(result.bundled.stderr).not.toMatch(/ {2}error {2}/);
    expect(result.bundled.code).toBe(0);
    site = await scanSite(out.bundled);
  });

  it('writes every page the archive needs', async () => {
    const expected = [
      'index.html',
      '404.html',
      'sections/index.html',
      'parks/index.html',
      'about/index.html',
      'feed.xml',
      'feed.json',
      'sitemap.xml',
      'robots.txt',
      'api/issues.json',
      'assets/site.css',
      ...issues.flatMap((issue) => [
        `${issue.year}/index.html`,
        `${issue.url.slice(1)}index.html`,
        `no/${issue.cumulativeNumber}/index.html`,
        `api/issues/${issue.id}.json`,
        ...issue.sections.flatMap((s) => s.articles.map((a) => `${a.url.slice(1)}index.html`)),
      ]),
      ...kinds.map((kind) => `sections/${kind}/index.html`),
      ...parkUrls.map((url) => `${url.slice(1)}index.html`),
    ];
    expect(expected.filter((file) => !site.files.has(file))).toEqual([]);
  });

  it('starts from a clean folder: nothing from an earlier build survives', async () => {
    expect(site.files.has('stale/index.html')).toBe(false);
    expect(
      [...(await readdir(work)), ...(await readdir(dirname(out.bundled)))].filter(
        (name) => name.includes('.build-') || name.includes('.old-'),
      ),
    ).toEqual([]);
  });

  it('has no broken internal link or anchor', () => {
    expect(brokenLinks(site, options('/'))).toEqual([]);
  });

  it('reaches every page from the home page in a few clicks', () => {
    const depth = clicksFromHome(site, options('/'));
    const pages = [...site.pages.keys()].filter((file) => file !== '404.html' && !file.startsWith('no/'));
    expect(pages.filter((file) => !depth.has(file))).toEqual([]);
    // A page the home page does not reach is infinitely far.
    expect(Math.max(...pages.map((file) => depth.get(file) ?? Infinity))).toBeLessThanOrEqual(3);
  });

  it('validates as HTML with zero errors', async () => {
    expect(await htmlErrors(out.bundled, [...site.pages.keys()])).toEqual([]);
  });

  it('prints the masthead and the contents with original pages on the issue page', async () => {
    const issue = defined(issues[0], 'the bundled issue');
    const html = await read(out.bundled, `${issue.url.slice(1)}index.html`);
    expect(html).toContain('<html lang="zh-CN">');
    for (const text of [
      issue.series,
      issue.publisher,
      `${issue.year}年第${issue.number}期(总第${issue.cumulativeNumber}期)`,
    ])
      expect(html).toContain(text);
    expect(html).toContain('二〇一八年六月二十九日');
    for (const article of issue.sections.flatMap((s) => s.articles)) {
      expect(html).toContain(`<a href="${article.url}">${article.contentsTitle ?? article.title}</a>`);
      if (article.page) expect(html).toContain(`- ${article.page} -`);
    }
  });

  it('gives each article its metadata, anchors, figures and citation', async () => {
    const issue = defined(issues[0], 'the bundled issue');
    for (const section of issue.sections) {
      for (const article of section.articles) {
        const html = await read(out.bundled, `${article.url.slice(1)}index.html`);
        expect(html).toContain(`<h1 class="article-title">${article.title}</h1>`);
        expect(html).toContain(`<meta name="citation_journal_title" content="${issue.series}">`);
        expect(html).toContain(`<meta name="citation_issue" content="${issue.number}">`);
        expect(html).toContain(`<meta name="citation_publication_date" content="${issue.date.replaceAll('-', '/')}">`);
        if (article.page) expect(html).toContain(`<meta name="citation_firstpage" content="${article.page}">`);
        expect(html).toContain(
          `${issue.publisher}. ${article.title}[J]. ${issue.series}, ` +
            `${issue.year}(${issue.number})${article.page ? `: ${article.page}` : ''}.`,
        );
        for (const heading of article.headings) expect(html).toContain(`<a href="#${heading.id}">`);
        for (const figure of article.figures.filter((f) => f.pictures.length === 0))
          expect(html).toMatch(new RegExp(`figure-caption-only"><figcaption>${figure.caption}</figcaption>`));
        const jsonLd = JSON.parse(
          defined(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1], `JSON-LD in ${article.url}`),
        );
        expect(jsonLd).toMatchObject({
          '@type': 'Article',
          headline: article.title,
          isPartOf: { '@type': 'PublicationIssue', isPartOf: { '@type': 'Periodical', name: issue.series } },
        });
        expect(html).toContain(`<link rel="canonical" href="${settings.baseUrl}${article.url}">`);
        expect(html).toContain('<meta property="og:type" content="article">');
        const listedParks = /<ul class="article-parks">(.*?)<\/ul>/s.exec(html)?.[1] ?? '';
        expect(
          [...listedParks.matchAll(/<a href="\/parks\/([^/]+)\/">([^<]+)<\/a>/g)].map((m) => [m[1], m[2]]),
        ).toEqual(article.parks.map((p) => [p.id, p.name]));
      }
    }
    expect(issue.sections.flatMap((s) => s.articles).every((a) => a.parks.length > 0)).toBe(true);
  });

  it('redirects the cumulative number to the issue without JavaScript', async () => {
    for (const issue of issues) {
      const html = await read(out.bundled, `no/${issue.cumulativeNumber}/index.html`);
      expect(html).toContain(`<meta http-equiv="refresh" content="0; url=${issue.url}">`);
      expect(html).toContain(`<link rel="canonical" href="${settings.baseUrl}${issue.url}">`);
      expect(html).toContain(`<a href="${issue.url}">`);
      expect(html).not.toContain('<script');
    }
  });

  it('writes well-formed feeds and sitemap listing every issue', async () => {
    const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['entry', 'url'].includes(name) });
    const atomText = await read(out.bundled, 'feed.xml');
    const sitemapText = await read(out.bundled, 'sitemap.xml');
    expect(XMLValidator.validate(atomText)).toBe(true);
    expect(XMLValidator.validate(sitemapText)).toBe(true);
    const atom = (xml.parse(atomText) as AtomFeed).feed;
    const sitemap = (xml.parse(sitemapText) as Sitemap).urlset;
    const jsonFeed = JSON.parse(await read(out.bundled, 'feed.json')) as JsonFeed;
    const issueUrls = issues.map((issue) => `${settings.baseUrl}${issue.url}`);
    expect(atom.entry.map((e) => e.id)).toEqual(issueUrls);
    expect(jsonFeed.items.map((item) => item.url)).toEqual(issueUrls);
    expect(jsonFeed.version).toBe('https://jsonfeed.org/version/1.1');
    const firstArticle = defined(issues[0]?.sections[0]?.articles[0], 'the first article');
    for (const item of jsonFeed.items) {
      expect(item.content_html).toContain(firstArticle.title);
      // A feed reader has no base URL: every link must be absolute.
      expect(item.content_html).not.toMatch(/(href|src)="\/(?!\/)/);
    }
    const locs = sitemap.url.map((u) => u.loc);
    const articleUrls = issues.flatMap((i) =>
      i.sections.flatMap((s) => s.articles.map((a) => `${settings.baseUrl}${a.url}`)),
    );
    expect(issueUrls.concat(articleUrls).filter((url) => !locs.includes(url))).toEqual([]);
    for (const loc of locs) expect(site.files.has(`${loc.slice(settings.baseUrl.length + 1)}index.html`)).toBe(true);
    expect(await read(out.bundled, 'robots.txt')).toContain(`Sitemap: ${settings.baseUrl}/sitemap.xml`);
  });

  it('publishes open data: an index without article HTML, and each issue in full', async () => {
    const index = JSON.parse(await read(out.bundled, 'api/issues.json')) as IssuesIndex;
    expect(index.issues.map((i) => i.id)).toEqual(issues.map((i) => i.id));
    const articles = index.issues.flatMap((i) => i.sections.flatMap((s) => s.articles));
    expect(articles.length).toBeGreaterThan(0);
    for (const article of articles) {
      expect(article).not.toHaveProperty('html');
      expect(article).not.toHaveProperty('body');
    }
    // Each issue in full: the model, every body rendered as `html` (the documented open-data form).
    for (const issue of issues) {
      const published = JSON.parse(await read(out.bundled, `api/issues/${issue.id}.json`)) as OpenDataIssue;
      expect(published).toEqual(
        JSON.parse(JSON.stringify(openDataIssue(issue, settings, planMedia(issues), { parks: true }))),
      );
      expect(published.sections[0]?.articles[0]?.html).toMatch(/^<p>/);
    }
  });
});

describe('build under a path prefix', () => {
  it('keeps every link inside the prefix, and they all resolve', async () => {
    expect(result.prefixed.code).toBe(0);
    const site = await scanSite(out.prefixed);
    expect(brokenLinks(site, options(prefix))).toEqual([]);
    const home = await read(out.prefixed, 'index.html');
    expect(home).toContain(`href="${prefix}assets/site.css"`);
    expect(await read(out.prefixed, 'sitemap.xml')).toContain(`<loc>${settings.baseUrl}${prefix}</loc>`);
    const issue = defined(issues[0], 'the bundled issue');
    const refresh = await read(out.prefixed, `no/${issue.cumulativeNumber}/index.html`);
    expect(refresh).toContain(`url=${prefix}${issue.url.slice(1)}`);
  });
});

describe('build of content with a hostile title and a long column', () => {
  const escaped = '&lt;script&gt;alert(1)&lt;/script&gt; &amp; co';
  let files: string[];
  beforeAll(async () => {
    expect(result.fixture.stderr).not.toMatch(/ {2}error {2}/);
    expect(result.fixture.code).toBe(0);
    files = await listFiles(out.fixture);
  });

  it('never lets the title out unescaped in any HTML page', async () => {
    const pagesWithTitle: string[] = [];
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      const html = await read(out.fixture, file);
      expect(html, file).not.toContain('<script>alert(1)');
      if (html.includes(escaped)) pagesWithTitle.push(file);
    }
    expect(pagesWithTitle).toEqual(
      expect.arrayContaining([
        'index.html',
        '2019/01/index.html',
        '2019/01/hostile/index.html',
        'sections/work-updates/index.html',
      ]),
    );
    const article = await read(out.fixture, '2019/01/hostile/index.html');
    expect(article).toContain(`<title>${escaped} - `);
    expect(article).toContain(`<h1 class="article-title">${escaped}</h1>`);
    expect(article).toContain(`<meta name="citation_title" content="${escaped}">`);
  });

  it('escapes the title inside JSON-LD', async () => {
    const article = await read(out.fixture, '2019/01/hostile/index.html');
    const jsonLd = defined(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(article)?.[1], 'JSON-LD');
    expect(jsonLd).not.toMatch(/[<>&]/);
    expect((JSON.parse(jsonLd) as { headline?: unknown }).headline).toBe(hostileTitle);
  });

  it('escapes the title in both feeds', async () => {
    const atomText = await read(out.fixture, 'feed.xml');
    expect(XMLValidator.validate(atomText)).toBe(true);
    const atom = new XMLParser({ ignoreAttributes: false }).parse(atomText) as AtomFeed;
    const content = defined(atom.feed.entry[0], 'the first Atom entry').content['#text'];
    expect(content).toContain(escaped);
    expect(content).not.toContain('<script>');
    const jsonFeed = JSON.parse(await read(out.fixture, 'feed.json')) as JsonFeed;
    const item = defined(jsonFeed.items[0], 'the first JSON Feed item');
    expect(item.content_html).toContain(escaped);
    expect(item.content_html).not.toContain('<script>');
  });

  it('paginates a column longer than a page, newest first, with working links', async () => {
    expect(files).toContain('sections/work-updates/2/index.html');
    const first = await read(out.fixture, 'sections/work-updates/index.html');
    expect(first.indexOf('/2019/01/hostile/')).toBeLessThan(first.indexOf('/2019/01/update-2/'));
    expect(first).toContain('href="/sections/work-updates/2/"');
    const second = await read(out.fixture, 'sections/work-updates/2/index.html');
    expect(second).toContain('/2018/01/');
    expect(brokenLinks(await scanSite(out.fixture), options('/'))).toEqual([]);
    expect(
      await htmlErrors(
        out.fixture,
        files.filter((f) => f.endsWith('.html')),
      ),
    ).toEqual([]);
  });

  it('links neighbouring issues both ways', async () => {
    expect(await read(out.fixture, '2019/01/index.html')).toContain('<a rel="prev" href="/2018/01/">');
    expect(await read(out.fixture, '2018/01/index.html')).toContain('<a rel="next" href="/2019/01/">');
  });
});

/** Ids as long as check allows for each path segment, and nesting as deep as it allows. */
const longest = {
  article: 'a'.repeat(maxSegmentLength),
  kind: 'k'.repeat(maxSegmentLength),
  park: 'p'.repeat(maxSegmentLength),
};

async function writeLimitsContent(dir: string): Promise<void> {
  const depth = parseLimits.nestingDepth;
  const stars = '*'.repeat(parseLimits.paragraphDelimiters / 2);
  const files: Record<string, string> = {
    'sections.yaml': `- title: 工作动态\n  kind: ${longest.kind}\n`,
    'parks.yaml': `- id: ${longest.park}\n  name: 甲高新区\n  province: 安徽省\n  city: 合肥市\n`,
    '2018/2018-01.md':
      `${masthead()}\n## 工作动态\n\n### 甲高新区调研 {#${longest.article} page=1}\n\n` +
      `${'> '.repeat(depth)}甲高新区\n\n` +
      Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- 项\n`).join('') +
      `\n${stars}强调${stars}\n`,
  };
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}

describe('build of content at the limits check allows', () => {
  it('writes the pages of the longest ids and renders the deepest nesting', async () => {
    expect(result.limits.stderr).toBe('');
    expect(result.limits.code).toBe(0);
    const article = await read(out.limits, `2018/01/${longest.article}/index.html`);
    expect(article.match(/<blockquote>/g)).toHaveLength(parseLimits.nestingDepth);
    expect(article.match(/<li>项/g)).toHaveLength(parseLimits.nestingDepth);
    expect(article).toContain(`href="/parks/${longest.park}/"`);
    expect(await read(out.limits, `sections/${longest.kind}/index.html`)).toContain('甲高新区调研');
    expect(await read(out.limits, `parks/${longest.park}/index.html`)).toContain('甲高新区调研');
  });
});

describe('build of content with an error', () => {
  it('reports the diagnostic without a stack trace and leaves the previous site in place', async () => {
    expect(result.broken.code).toBe(1);
    expect(result.broken.stderr).toMatch(/2018-01\.md:\d+:\d+ {2}error {2}.+ {2}\(empty-article\)/);
    expect(result.broken.stderr).not.toMatch(/^\s+at /m);
    expect(await listFiles(out.broken)).toEqual([outputMarker, 'index.html']);
    expect(await read(out.broken, 'index.html')).toBe('previous site');
  });
});
