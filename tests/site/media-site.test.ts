import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { Parser } from 'htmlparser2';
import { imageSize } from 'image-size';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadArchive } from '../../src/archive/load-archive.ts';
import type { Article, Issue } from '../../src/model.ts';
import { readSettings } from '../../src/site/settings.ts';
import { bundledContent, mediaArchive, repoRoot } from '../helpers/content.ts';
import { defined } from '../helpers/defined.ts';
import { listFiles, runBuild, spawnCommand, type BuildResult } from './helpers/build.ts';
import { brokenLinks, resolveLink, scanSite, type LinkOptions } from './helpers/links.ts';
import { sharedBundledSite } from './helpers/shared-site.ts';

/**
 * The media fixture (tests/fixtures/media-archive: the bundled issue with two photos and its
 * 9-page printed PDF) built as `npm run build` builds it, into a fresh picture cache; built again
 * with that cache (at the root and under a path prefix), with an unnumbered cover
 * (`originalPageOffset: 1`) and with one photo's bytes changed; and content whose pictures lead
 * out of the content folder, through `npm run check` and the build. Sizes and formats are read
 * from the files written, not from the build's plan.
 */
const settings = readSettings({});
const prefix = '/bulletin/';
const options = (pathPrefix: string): LinkOptions => ({ baseUrl: settings.baseUrl, pathPrefix });
/** The fixture PDF's page count (tests/pipeline/media-archive.test.ts checks it against the file). */
const fixturePages = 9;

const hostileCases = [
  ['a path up out of the folder', 'parent', '用 .. 走出了内容目录'],
  ['an absolute path', 'absolute', '是绝对路径，指向内容目录以外'],
  ['a symlink in the picture folder that leads outside', 'symlink', '是指向内容目录以外的符号链接'],
] as const;
type HostileKind = (typeof hostileCases)[number][1];

let work: string;
let cache: string;
let issue: Issue;
let articles: Article[];
const out = { media: '', prefixed: '', again: '', offset: '', changed: '' };
type Built = keyof typeof out;
const result = {} as Record<Built, BuildResult>;
const hostile = {} as Record<HostileKind, { check: Spawned; build: BuildResult; out: string }>;
/** The picture cache after the first build, after the builds that found everything there, after the change. */
const cacheState: Record<'first' | 'reused' | 'changed', Map<string, string>> = {
  first: new Map(),
  reused: new Map(),
  changed: new Map(),
};

interface Spawned {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run check` on `dir` in its own process, as an editor runs it. */
function spawnCheck(dir: string): Promise<Spawned> {
  return spawnCommand(
    join(repoRoot, 'node_modules/.bin/tsx'),
    [join(repoRoot, 'src/cli/check.ts')],
    { CONTENT_DIR: dir },
    repoRoot,
  );
}

/** Each file of the cache with what changes when it is written again (a new file is renamed into place). */
async function cacheListing(dir: string): Promise<Map<string, string>> {
  const listing = new Map<string, string>();
  // The picture files, and under covers/ the first pages rendered from the originals (their source).
  for (const entry of (await readdir(dir, { withFileTypes: true, recursive: true })).filter((e) => e.isFile())) {
    const name = relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/');
    const { ino, size, mtimeMs } = await stat(join(dir, name));
    listing.set(name, `${ino} ${size} ${mtimeMs}`);
  }
  return new Map([...listing].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

async function copyContent(name: string): Promise<string> {
  const dir = join(work, name);
  await cp(mediaArchive, dir, { recursive: true });
  return dir;
}

const issueFile = (dir: string) => join(dir, '2018/2018-01.md');
const meetingLine = /^!\[[^\]]*\]\(2018-01\/meeting\.jpg\)$/m;

async function editIssue(dir: string, edit: (text: string) => string): Promise<void> {
  const text = await readFile(issueFile(dir), 'utf8');
  const edited = edit(text);
  if (edited === text) throw new Error(`the edit changed nothing in ${issueFile(dir)}`);
  await writeFile(issueFile(dir), edited);
}

/** A content copy whose meeting photo leads out of the content folder, the way `kind` says. */
async function writeHostileContent(kind: HostileKind): Promise<string> {
  const dir = await copyContent(`hostile-${kind}`);
  if (kind === 'parent') await editIssue(dir, (text) => text.replace(meetingLine, '![x](../../etc/passwd)'));
  if (kind === 'absolute') await editIssue(dir, (text) => text.replace(meetingLine, '![x](/etc/passwd)'));
  if (kind === 'symlink') {
    // A real photo, only outside: it is refused for where it is, not for what it is.
    const outside = join(work, 'outside');
    await mkdir(outside, { recursive: true });
    await cp(join(mediaArchive, '2018/2018-01/meeting.jpg'), join(outside, 'meeting.jpg'));
    await rm(join(dir, '2018/2018-01/meeting.jpg'));
    await symlink(join(outside, 'meeting.jpg'), join(dir, '2018/2018-01/meeting.jpg'));
  }
  return dir;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'media-site-'));
  cache = join(work, 'cache');
  // The build reads the cache folder from the environment; e2e files each have their own process.
  vi.stubEnv('BULLETIN_CACHE_DIR', cache);
  for (const key of Object.keys(out) as Built[]) out[key] = join(work, key);

  const offsetContent = await copyContent('offset-content');
  await editIssue(offsetContent, (text) => text.replace(/^date: .*$/m, '$&\noriginalPageOffset: 1'));
  const changedContent = await copyContent('changed-content');
  const meeting = join(changedContent, '2018/2018-01/meeting.jpg');
  await writeFile(
    meeting,
    await sharp(await readFile(meeting))
      .negate()
      .jpeg({ quality: 90 })
      .toBuffer(),
  );
  const hostileContent = new Map<HostileKind, string>();
  for (const [, kind] of hostileCases) hostileContent.set(kind, await writeHostileContent(kind));
  // Processes of their own, started first: they run while this one builds.
  const checks = Promise.all(hostileCases.map(([, kind]) => spawnCheck(defined(hostileContent.get(kind), kind))));

  const archive = await loadArchive(mediaArchive, 'media-archive');
  issue = defined(archive.issues[0], 'the fixture issue');
  articles = issue.sections.flatMap((section) => section.articles);

  result.media = await runBuild(out.media, { CONTENT_DIR: mediaArchive });
  cacheState.first = await cacheListing(cache);
  [result.prefixed, result.again, result.offset] = await Promise.all([
    runBuild(out.prefixed, { CONTENT_DIR: mediaArchive, PATH_PREFIX: prefix }),
    runBuild(out.again, { CONTENT_DIR: mediaArchive }),
    runBuild(out.offset, { CONTENT_DIR: offsetContent }),
  ]);
  cacheState.reused = await cacheListing(cache);
  result.changed = await runBuild(out.changed, { CONTENT_DIR: changedContent });
  cacheState.changed = await cacheListing(cache);

  const builds = await Promise.all(
    hostileCases.map(async ([, kind]) => {
      const target = join(work, `hostile-${kind}-site`);
      return [kind, target, await runBuild(target, { CONTENT_DIR: defined(hostileContent.get(kind), kind) })] as const;
    }),
  );
  const checked = await checks;
  builds.forEach(([kind, target, build], i) => {
    hostile[kind] = { check: defined(checked[i], `the check of ${kind}`), build, out: target };
  });
});

afterAll(async () => {
  vi.unstubAllEnvs();
  if (work) await rm(work, { recursive: true, force: true });
});

const read = (dir: string, file: string) => readFile(join(dir, file), 'utf8');
const pageFile = (url: string) => `${url.slice(1)}index.html`;

/** The picture references of a page: `<img>`, `<source>` and the link around a picture. */
interface MediaScan {
  images: { src: string; srcset?: string; width?: string; height?: string; loading?: string; inFigure: boolean }[];
  sources: { type?: string; srcset?: string }[];
  figureLinks: string[];
  figureClasses: string[];
}

function scanMedia(html: string): MediaScan {
  const scan: MediaScan = { images: [], sources: [], figureLinks: [], figureClasses: [] };
  const open: { name: string; classes: string[] }[] = [];
  const parser = new Parser({
    onopentag(name, attributes) {
      const classes = (attributes.class ?? '').split(/\s+/).filter(Boolean);
      open.push({ name, classes });
      const inFigure = open.some((element) => element.name === 'figure' && element.classes.includes('figure'));
      if (name === 'figure') scan.figureClasses.push(attributes.class ?? '');
      if (name === 'img')
        scan.images.push({
          src: attributes.src ?? '',
          inFigure,
          ...pick(attributes, ['srcset', 'width', 'height', 'loading'] as const),
        });
      if (name === 'source') scan.sources.push(pick(attributes, ['type', 'srcset'] as const));
      if (name === 'a' && classes.includes('figure-link')) scan.figureLinks.push(attributes.href ?? '');
    },
    onclosetag() {
      open.pop();
    },
  });
  parser.write(html);
  parser.end();
  return scan;
}

function pick<K extends string>(attributes: Record<string, string>, keys: readonly K[]): Partial<Record<K, string>> {
  const picked: Partial<Record<K, string>> = {};
  for (const key of keys) if (attributes[key] !== undefined) picked[key] = attributes[key];
  return picked;
}

/** `a.jpg 480w, b.jpg 960w` → [[a.jpg, 480], [b.jpg, 960]]. */
function srcsetCandidates(srcset: string): [url: string, width: number | undefined][] {
  return srcset.split(',').map((candidate) => {
    const [url = '', descriptor] = candidate.trim().split(/\s+/);
    const width = descriptor?.endsWith('w') ? Number(descriptor.slice(0, -1)) : undefined;
    return [url, width];
  });
}

/** The built file a reference on `fromFile` leads to; throws when it leads nowhere in the site. */
function fileOf(link: string, fromFile: string, pathPrefix: string): { file: string; fragment?: string } {
  const target = resolveLink(link, fromFile, options(pathPrefix));
  if (target === 'external') throw new Error(`${fromFile}: ${link} leads off the site`);
  if ('problem' in target) throw new Error(`${fromFile}: ${link} (${target.problem})`);
  return target;
}

type Kind = 'avif' | 'webp' | 'jpeg' | 'png' | 'pdf' | 'unknown';

/** What a file is by its first bytes. */
async function kindOf(path: string): Promise<Kind> {
  const head = (await readFile(path)).subarray(0, 16);
  const ascii = (from: number, to: number) => head.subarray(from, to).toString('latin1');
  if (ascii(4, 8) === 'ftyp' && ['avif', 'avis'].includes(ascii(8, 12))) return 'avif';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (ascii(1, 4) === 'PNG') return 'png';
  if (ascii(0, 5) === '%PDF-') return 'pdf';
  return 'unknown';
}

async function pixels(path: string): Promise<{ width: number; height: number }> {
  const { width, height } = imageSize(await readFile(path));
  return { width: defined(width, `the width of ${path}`), height: defined(height, `the height of ${path}`) };
}

const sites = [
  ['at the root', 'media', '/'],
  ['under a path prefix', 'prefixed', prefix],
] as const;

describe('builds of the media fixture', () => {
  it('all succeed without errors', () => {
    for (const key of Object.keys(out) as Built[]) {
      expect(result[key].stderr, key).toBe('');
      expect(result[key].code, key).toBe(0);
    }
  });
});

describe.each(sites)('the media site %s', (_name, key, pathPrefix) => {
  const dir = () => out[key];
  const pages = async () => (await listFiles(dir())).filter((file) => file.endsWith('.html'));

  it('has no broken link; the PDF page links point at pages of the PDF', async () => {
    const pdfPage = /\.pdf#page=(\d+)$/;
    const site = await scanSite(dir());
    const broken = brokenLinks(site, options(pathPrefix));
    // The link checker looks fragments up as HTML ids; a PDF's #page=N is checked here instead.
    expect(broken.filter((line) => !/\.pdf#page=\d+ \(no id "page=\d+" in [^)]+\.pdf\)$/.test(line))).toEqual([]);
    const pdfLinks = [...site.pages.values()].flatMap((page) => page.links.filter((link) => pdfPage.test(link)));
    expect(pdfLinks.length).toBeGreaterThan(0);
    for (const link of pdfLinks) expect(Number(pdfPage.exec(link)?.[1])).toBeLessThanOrEqual(fixturePages);
  });

  it('resolves every picture reference (img src, srcset of img and source, figure link) to a file', async () => {
    const missing: string[] = [];
    let references = 0;
    for (const file of await pages()) {
      const scan = scanMedia(await read(dir(), file));
      const links = [
        ...scan.images.flatMap((image) => [image.src, ...srcsetCandidates(image.srcset ?? '').map(([url]) => url)]),
        ...scan.sources.flatMap((source) => srcsetCandidates(source.srcset ?? '').map(([url]) => url)),
        ...scan.figureLinks,
      ].filter((link) => link !== '');
      for (const link of links) {
        references++;
        const target = fileOf(link, file, pathPrefix);
        if (!existsSync(join(dir(), target.file))) missing.push(`${file}: ${link}`);
      }
    }
    expect(missing).toEqual([]);
    // The issue page and two article pages, each picture with 3 formats.
    expect(references).toBeGreaterThan(20);
  });

  it('gives every picture in a figure the width and height of the file it shows, and true srcset widths', async () => {
    const wrong: string[] = [];
    let figures = 0;
    for (const file of await pages()) {
      const scan = scanMedia(await read(dir(), file));
      for (const image of scan.images.filter((i) => i.inFigure)) {
        figures++;
        const size = await pixels(join(dir(), fileOf(image.src, file, pathPrefix).file));
        if (image.width !== String(size.width) || image.height !== String(size.height))
          wrong.push(`${file}: ${image.src} is ${size.width}×${size.height}, img says ${image.width}×${image.height}`);
      }
      for (const srcset of [...scan.images, ...scan.sources].flatMap((element) => element.srcset ?? []))
        for (const [url, width] of srcsetCandidates(srcset)) {
          const size = await pixels(join(dir(), fileOf(url, file, pathPrefix).file));
          if (size.width !== width) wrong.push(`${file}: ${url} is ${size.width} px wide, srcset says ${width}w`);
        }
    }
    expect(wrong).toEqual([]);
    // Three on the issue page; one on the first article's page, two side by side on the third's.
    expect(figures).toBeGreaterThanOrEqual(6);
  });

  it('serves AVIF and WebP sources that are AVIF and WebP by their bytes, and JPEG fallbacks', async () => {
    const wrong: string[] = [];
    const seen = new Set<Kind>();
    const expectKind = async (file: string, link: string, kind: Kind) => {
      const actual = await kindOf(join(dir(), fileOf(link, file, pathPrefix).file));
      seen.add(actual);
      if (actual !== kind) wrong.push(`${file}: ${link} is ${actual}, not ${kind}`);
    };
    for (const file of await pages()) {
      const scan = scanMedia(await read(dir(), file));
      for (const source of scan.sources) {
        const kind = source.type === 'image/avif' ? 'avif' : source.type === 'image/webp' ? 'webp' : 'unknown';
        expect(kind, `${file}: <source type="${source.type}">`).not.toBe('unknown');
        for (const [url] of srcsetCandidates(source.srcset ?? '')) await expectKind(file, url, kind);
      }
      for (const image of scan.images.filter((i) => i.inFigure)) {
        await expectKind(file, image.src, 'jpeg');
        for (const [url] of srcsetCandidates(image.srcset ?? '')) await expectKind(file, url, 'jpeg');
      }
      for (const link of scan.figureLinks) await expectKind(file, link, 'jpeg');
    }
    expect(wrong).toEqual([]);
    expect([...seen].sort()).toEqual(['avif', 'jpeg', 'webp']);
  });

  it('links each picture to its full size, the largest file, with the size the img reserves', async () => {
    let linked = 0;
    for (const article of articles.filter((a) => a.figures.some((f) => f.pictures.some((p) => p.image)))) {
      const file = pageFile(article.url);
      const scan = scanMedia(await read(dir(), file));
      const images = scan.images.filter((i) => i.inFigure);
      const models = article.figures.flatMap((figure) => figure.pictures.flatMap((picture) => picture.image ?? []));
      // Every picture of every figure, in order: a figure's second picture has its own link.
      expect(scan.figureLinks).toHaveLength(models.length);
      expect(images).toHaveLength(models.length);
      for (const [at, model] of models.entries()) {
        const link = defined(scan.figureLinks[at], `figure link ${at} of ${article.url}`);
        const image = defined(images[at], `picture ${at} of ${article.url}`);
        const full = await pixels(join(dir(), fileOf(link, file, pathPrefix).file));
        expect(full).toEqual({ width: model.width, height: model.height });
        expect([image.width, image.height]).toEqual([String(full.width), String(full.height)]);
        linked++;
      }
    }
    expect(linked).toBe(3);
  });

  it('shows the two photos of one figure side by side in one row, above its one caption', async () => {
    const article = defined(
      articles.find((a) => a.figures.some((f) => f.pictures.length === 2)),
      'the article with two photos under one caption',
    );
    const html = await read(dir(), pageFile(article.url));
    const figure = defined(/<figure class="figure">.*?<\/figure>/s.exec(html)?.[0], 'its figure');
    expect(figure).toMatch(/^<figure class="figure"><div class="figure-pictures">/);
    expect(figure.match(/<a class="figure-link"/g)).toHaveLength(2);
    expect(figure.match(/<figcaption>/g)).toHaveLength(1);
    expect(figure).toContain('<figcaption>调研现场</figcaption>');
    // The second photo's own text describes it; the first is described by the caption.
    expect([...figure.matchAll(/<img [^>]*alt="([^"]*)"/g)].map((m) => m[1])).toEqual(['调研现场', '座谈会现场']);
  });

  it('offers the original on the issue page: a byte-identical copy, labelled with its size and pages', async () => {
    const file = pageFile(issue.url);
    const html = await read(dir(), file);
    const [, href = '', label = ''] = defined(
      /<p class="issue-original"><a class="button" href="([^"]+)"[^>]*>([^<]+)<\/a><\/p>/.exec(html),
      'the 下载原刊 link',
    );
    expect(href).toBe(`${pathPrefix}2018/01/2018-01.pdf`);
    const copy = await readFile(join(dir(), fileOf(href, file, pathPrefix).file));
    const fixture = await readFile(join(mediaArchive, '2018/2018-01.pdf'));
    expect(copy.equals(fixture)).toBe(true);
    expect(label).toBe(`下载原刊（PDF，${Math.round(fixture.length / 1024)} KB，${fixturePages} 页）`);
    expect(label).toBe('下载原刊（PDF，360 KB，9 页）');
  });

  it('links each article to its page of the original', async () => {
    expect(articles.every((article) => article.originalPage !== undefined)).toBe(true);
    for (const article of articles) {
      const html = await read(dir(), pageFile(article.url));
      const links = [...html.matchAll(/<a href="([^"]*\.pdf[^"]*)"[^>]*>([^<]*)<\/a>/g)].map((m) => [m[1], m[2]]);
      expect(links, article.url).toEqual([
        [`${pathPrefix}2018/01/2018-01.pdf#page=${article.originalPage}`, `原刊第 ${article.page} 页`],
      ]);
    }
  });

  it('puts og:image on an article with a picture, with its true size, and none on one without', async () => {
    const withPicture = defined(
      articles.find((a) => a.figures.some((f) => f.pictures.some((p) => p.image))),
      'an article with a picture',
    );
    const without = defined(
      articles.find((a) => !a.figures.some((f) => f.pictures.some((p) => p.image))),
      'an article without one',
    );
    const html = await read(dir(), pageFile(withPicture.url));
    const meta = (property: string) =>
      defined(new RegExp(`<meta property="${property}" content="([^"]+)">`).exec(html)?.[1], property);
    const url = meta('og:image');
    expect(url.startsWith(`${settings.baseUrl}${pathPrefix}pictures/`)).toBe(true);
    const path = join(dir(), fileOf(url, 'index.html', pathPrefix).file);
    expect(await kindOf(path)).toBe('jpeg');
    const size = await pixels(path);
    expect([meta('og:image:width'), meta('og:image:height')]).toEqual([String(size.width), String(size.height)]);
    expect(await read(dir(), pageFile(without.url))).not.toContain('og:image');
  });

  it('loads the first-screen picture of an article at once and the others as the reader scrolls', async () => {
    const [first, later] = articles.filter((a) => a.figures.some((f) => f.pictures.some((p) => p.image)));
    const loading = async (article: Article | undefined) =>
      scanMedia(await read(dir(), pageFile(defined(article, 'an article with a picture').url))).images.find(
        (i) => i.inFigure,
      )?.loading;
    expect(await loading(first)).toBeUndefined();
    expect(await loading(later)).toBe('lazy');
  });

  it('puts absolute picture URLs that resolve, with their sizes, into both feeds', async () => {
    const checkImages = async (html: string, where: string) => {
      const images = scanMedia(html).images;
      // Every picture of the issue: one figure of one, one of two.
      expect(images.length, where).toBe(3);
      for (const image of images) {
        expect(image.src.startsWith(`${settings.baseUrl}${pathPrefix}`), `${where}: ${image.src}`).toBe(true);
        const size = await pixels(join(dir(), fileOf(image.src, 'index.html', pathPrefix).file));
        expect([image.width, image.height], `${where}: ${image.src}`).toEqual([
          String(size.width),
          String(size.height),
        ]);
      }
    };
    const jsonFeed = JSON.parse(await read(dir(), 'feed.json')) as {
      items: { content_html: string; image?: string }[];
    };
    const item = defined(jsonFeed.items[0], 'the JSON Feed item');
    await checkImages(item.content_html, 'feed.json');
    const image = defined(item.image, 'the JSON Feed item image');
    expect(image.startsWith(`${settings.baseUrl}${pathPrefix}`)).toBe(true);
    expect(await kindOf(join(dir(), fileOf(image, 'index.html', pathPrefix).file))).toBe('jpeg');
    const atom = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' }).parse(
      await read(dir(), 'feed.xml'),
    ) as { feed: { entry: { content: { '#text': string } }[] } };
    await checkImages(defined(atom.feed.entry[0], 'the Atom entry').content['#text'], 'feed.xml');
  });

  it('publishes open data whose pictures and original are absolute URLs that resolve, with true sizes', async () => {
    interface DataArticle {
      id: string;
      originalPageUrl?: string;
      html?: string;
      figures: { caption: string; pictures: { src: string; alt?: string; width?: number; height?: number }[] }[];
    }
    interface DataIssue {
      original?: { url: string; bytes: number; pages: number };
      sections: { articles: DataArticle[] }[];
    }
    const full = JSON.parse(await read(dir(), 'api/issues/2018-01.json')) as DataIssue;
    const index = JSON.parse(await read(dir(), 'api/issues.json')) as { issues: DataIssue[] };
    const absolute = `${settings.baseUrl}${pathPrefix}`;
    for (const data of [full, defined(index.issues[0], 'the issue in api/issues.json')]) {
      const original = defined(data.original, 'the original in the open data');
      expect(original.url).toBe(`${absolute}2018/01/2018-01.pdf`);
      const copy = await readFile(join(dir(), fileOf(original.url, 'index.html', pathPrefix).file));
      expect(copy.equals(await readFile(join(mediaArchive, '2018/2018-01.pdf')))).toBe(true);
      expect([original.bytes, original.pages]).toEqual([copy.length, fixturePages]);
      const dataArticles = data.sections.flatMap((section) => section.articles);
      expect(dataArticles.map((a) => [a.id, a.originalPageUrl])).toEqual(
        articles.map((a) => [a.id, `${absolute}2018/01/2018-01.pdf#page=${a.originalPage}`]),
      );
      const figures = dataArticles.flatMap((a) => a.figures);
      expect(figures.map((figure) => [figure.caption, figure.pictures.map((picture) => picture.alt)])).toEqual([
        ['泰州医药高新技术产业开发区国家生态工业园区建设规划会', [undefined]],
        ['调研现场', [undefined, '座谈会现场']],
      ]);
      for (const picture of figures.flatMap((figure) => figure.pictures)) {
        expect(picture.src.startsWith(`${absolute}pictures/`)).toBe(true);
        const size = await pixels(join(dir(), fileOf(picture.src, 'index.html', pathPrefix).file));
        expect([picture.width, picture.height]).toEqual([size.width, size.height]);
      }
    }
    const html = full.sections.flatMap((section) => section.articles.map((a) => a.html ?? '')).join('\n');
    for (const image of scanMedia(html).images) {
      expect(image.src.startsWith(`${absolute}pictures/`)).toBe(true);
      expect(existsSync(join(dir(), fileOf(image.src, 'index.html', pathPrefix).file))).toBe(true);
    }
  });
});

describe('an issue whose cover is unnumbered (originalPageOffset: 1)', () => {
  it('links each article to the PDF page after its printed page, and says the printed page', async () => {
    const offsetArchive = await loadArchive(join(work, 'offset-content'), 'offset-content');
    const offsetArticles = defined(offsetArchive.issues[0], 'the issue').sections.flatMap((s) => s.articles);
    expect(offsetArticles.map((a) => a.originalPage)).toEqual(articles.map((a) => defined(a.page, 'page') + 1));
    for (const article of articles) {
      const page = defined(article.page, `the printed page of ${article.url}`);
      const html = await read(out.offset, pageFile(article.url));
      const links = [...html.matchAll(/<a href="([^"]*\.pdf[^"]*)"[^>]*>([^<]*)<\/a>/g)].map((m) => [m[1], m[2]]);
      expect(links, article.url).toEqual([[`/2018/01/2018-01.pdf#page=${page + 1}`, `原刊第 ${page} 页`]]);
      expect(html).toContain(`<meta name="citation_firstpage" content="${page}">`);
    }
  });
});

describe('the picture cache', () => {
  it('holds, after the first build, exactly the files the site serves', async () => {
    const served = (await listFiles(out.media)).filter((file) => file.startsWith('pictures/'));
    const pictures = [...cacheState.first.keys()].filter((name) => !name.startsWith('covers/'));
    expect(pictures).toEqual(served.map((file) => file.slice('pictures/'.length)));
    // Three photos and the original's cover, each at 480 px and its own width, in AVIF, WebP and JPEG.
    expect(pictures).toHaveLength(24);
    // The cover as rendered from the PDF's first page, the source of its 6 files.
    expect([...cacheState.first.keys()].filter((name) => name.startsWith('covers/'))).toHaveLength(1);
  });

  it('is only read by builds that find every picture there: no file made again, none added', () => {
    expect(cacheState.reused).toEqual(cacheState.first);
  });

  it('gets new files, under new names, for a picture whose bytes changed, and only for it', async () => {
    const added = [...cacheState.changed.keys()].filter((name) => !cacheState.first.has(name));
    expect(added).toHaveLength(6);
    // The files of the unchanged photo and the old files of the changed one are left as they were.
    for (const [name, state] of cacheState.first) expect(cacheState.changed.get(name), name).toBe(state);
    const picturesOf = async (dir: string, article: Article | undefined) =>
      scanMedia(await read(dir, pageFile(defined(article, 'an article with a picture').url)))
        .images.filter((image) => image.inFigure)
        .flatMap((image) => [image.src, ...srcsetCandidates(image.srcset ?? '').map(([url]) => url)]);
    const [meeting, factory] = articles.filter((a) => a.figures.some((f) => f.pictures.some((p) => p.image)));
    const before = await picturesOf(out.media, meeting);
    const after = await picturesOf(out.changed, meeting);
    expect(after.filter((url) => before.includes(url))).toEqual([]);
    expect(after.every((url) => added.includes(url.slice('/pictures/'.length)))).toBe(true);
    expect(await picturesOf(out.changed, factory)).toEqual(await picturesOf(out.media, factory));
  });
});

describe('the bundled content (captions only, no PDF)', () => {
  it('shows no PDF link, no picture and no placeholder, and marks every figure caption-only', async () => {
    const { dir, result: bundled } = await sharedBundledSite();
    expect(bundled.code).toBe(0);
    const archive = await loadArchive(bundledContent);
    const captionOnly = archive.issues.flatMap((i) =>
      i.sections.flatMap((s) => s.articles.flatMap((a) => a.figures.filter((f) => f.pictures.length === 0))),
    );
    expect(captionOnly.length).toBeGreaterThan(0);
    const files = await listFiles(dir);
    expect(files.filter((file) => /\.(pdf|avif|webp|jpe?g)$/.test(file))).toEqual([]);
    const problems: string[] = [];
    const articleFigures: string[] = [];
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      const html = await read(dir, file);
      if (/\.pdf\b/.test(html)) problems.push(`${file}: mentions a PDF`);
      if (html.includes('图片暂缺')) problems.push(`${file}: 图片暂缺`);
      // (The contents' 原刊第N页 is the printed page, for screen readers: not a link.)
      if (html.includes('issue-original') || html.includes('下载原刊')) problems.push(`${file}: an original link`);
      const scan = scanMedia(html);
      if (scan.images.some((image) => image.inFigure)) problems.push(`${file}: a picture in a figure`);
      for (const classes of scan.figureClasses)
        if (classes !== 'figure figure-caption-only') problems.push(`${file}: <figure class="${classes}">`);
      if (archive.issues.some((i) => i.sections.some((s) => s.articles.some((a) => pageFile(a.url) === file))))
        articleFigures.push(...scan.figureClasses);
    }
    expect(problems).toEqual([]);
    // Every caption-only figure of the model is on its article page, as a caption line.
    expect(articleFigures).toHaveLength(captionOnly.length);
  });
});

describe.each(hostileCases)('content with %s as a picture', (_name, kind, why) => {
  const errorLine = new RegExp(
    `2018/2018-01\\.md:16:1 {2}error {2}图片 “[^”]+” ${why.replaceAll('.', '\\.')}，不会读取。.* {2}\\(media-outside\\)$`,
    'm',
  );

  it('fails npm run check with one Chinese error at file:line:col and no stack trace', () => {
    const { check } = hostile[kind];
    expect(check.status).toBe(1);
    const errors = check.stdout.split('\n').filter((line) => / {2}error {2}/.test(line));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(errorLine);
    expect(check.stdout + check.stderr).not.toMatch(/\n\s+at |Error:/);
    expect(check.stderr).toBe('');
  });

  it('fails the build with the same error, no stack trace, and no output folder', async () => {
    const { build, out: target } = hostile[kind];
    expect(build.code).toBe(1);
    expect(build.stderr).toMatch(errorLine);
    expect(build.stderr).toContain('未生成网站');
    expect(build.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(target)).toBe(false);
    const leftovers = (await readdir(work)).filter((name) => name.includes('.build-') || name.includes('.old-'));
    expect([...leftovers, ...(await readdir(work)).filter((name) => name.startsWith(`hostile-${kind}-site`))]).toEqual(
      [],
    );
  });
});
