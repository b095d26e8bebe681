import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeGeneratedArchive, type GeneratedArchive } from '../../src/generate/archive.ts';
import { buildCorpus } from '../../src/generate/corpus.ts';
import { generateIssues } from '../../src/generate/issues.ts';
import type { Article, Issue } from '../../src/model.ts';
import { loadArchive } from '../../src/archive/load-archive.ts';
import { bundledContent, mediaArchive } from '../helpers/content.ts';

let bundled: Issue[];
let root: string;
let out: string;
let written: GeneratedArchive;
let generated: Issue[];
let diagnostics: Awaited<ReturnType<typeof loadArchive>>['diagnostics'];

const generatedIssues = 12;

beforeAll(async () => {
  bundled = (await loadArchive(bundledContent)).issues;
  root = await mkdtemp(join(tmpdir(), 'generated-archive-'));
  out = join(root, 'out');
  written = await writeGeneratedArchive({
    sourceDir: bundledContent,
    outDir: out,
    issues: generatedIssues,
    seed: 42,
    includeSource: true,
  });
  const archive = await loadArchive(out);
  diagnostics = archive.diagnostics;
  generated = archive.issues.filter((issue) => issue.year > 2018);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const options = {
  issues: 5,
  startYear: 2019,
  firstCumulativeNumber: 11,
  sections: ['工作动态', '园区掠影', '经验交流'],
};

const articlesOf = (issues: readonly Issue[]): Article[] =>
  issues.flatMap((issue) => issue.sections.flatMap((section) => section.articles));

const sha1 = (bytes: Uint8Array) => createHash('sha1').update(bytes).digest('hex');

/** Every file under `dir` (relative path → SHA-1 of its bytes). */
async function fileHashes(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  const hashes = await Promise.all(
    files.map(async (file): Promise<[string, string]> => [relative(dir, file), sha1(await readFile(file))]),
  );
  return Object.fromEntries(hashes.sort(([a = ''], [b = '']) => a.localeCompare(b)));
}

describe('generated archive', () => {
  it('loads without a finding, with the source issue alongside', () => {
    expect(diagnostics).toEqual([]);
    expect(generated).toHaveLength(generatedIssues);
  });

  it('is the same for the same seed and differs for another', () => {
    const corpus = buildCorpus(bundled);
    expect(generateIssues(corpus, { ...options, seed: 7 })).toEqual(generateIssues(corpus, { ...options, seed: 7 }));
    expect(generateIssues(corpus, { ...options, seed: 7 })).not.toEqual(
      generateIssues(corpus, { ...options, seed: 8 }),
    );
  });

  it('copies the column table', async () => {
    expect(await readFile(join(out, 'sections.yaml'), 'utf8')).toBe(
      await readFile(join(bundledContent, 'sections.yaml'), 'utf8'),
    );
  });

  it('continues the source: later dates, running numbers in order', () => {
    const byNumber = [...generated].sort((a, b) => (a.cumulativeNumber ?? 0) - (b.cumulativeNumber ?? 0));
    expect(byNumber[0]?.cumulativeNumber).toBe(11);
    for (const [k, issue] of byNumber.entries()) {
      const previous = byNumber[k - 1];
      if (previous) expect(issue.date > previous.date).toBe(true);
    }
  });

  it('has issues of realistic size: about 8 articles and 15,000 characters, every column filled', () => {
    for (const issue of generated) {
      const articles = articlesOf([issue]);
      expect(articles.length).toBeGreaterThanOrEqual(7);
      expect(articles.length).toBeLessThanOrEqual(9);
      expect(issue.sections.map((section) => section.title)).toEqual(options.sections);
    }
    const characters = generated.map((issue) =>
      articlesOf([issue]).reduce((sum, a) => sum + [...a.title, ...a.text].length, 0),
    );
    const average = characters.reduce((a, b) => a + b, 0) / characters.length;
    expect(average).toBeGreaterThan(12_000);
    expect(average).toBeLessThan(18_000);
  });

  it('has subtitles, sub-headings, caption-only figures, pictures and page numbers', () => {
    const articles = articlesOf(generated);
    expect(articles.some((a) => a.subtitle)).toBe(true);
    expect(articles.some((a) => a.headings.length > 1)).toBe(true);
    expect(articles.some((a) => a.figures.some((f) => f.pictures.length === 0 && f.caption !== ''))).toBe(true);
    expect(articles.some((a) => a.figures.some((f) => f.pictures.some((p) => p.image !== undefined)))).toBe(true);
    expect(articles.every((a) => typeof a.page === 'number')).toBe(true);
  });

  it('recombines the source wording: every clause comes from the bundled issue', () => {
    const source = articlesOf(bundled)
      .map((a) => `${a.title}\n${a.text}`)
      .join('\n');
    const articles = articlesOf(generated);
    const clauses = articles
      .flatMap((a) => a.text.split(/[，；。：\n]|——|图：|（[一二三四五六七八九十]）/u))
      .filter((c) => c.length > 0);
    expect(clauses.length).toBeGreaterThan(400);
    expect(clauses.filter((clause) => !source.includes(clause))).toEqual([]);
    const paragraphs = new Set(articles.flatMap((a) => a.text.split('\n')));
    const sourceLines = new Set(source.split('\n'));
    expect([...paragraphs].filter((p) => !sourceLines.has(p)).length).toBeGreaterThan(paragraphs.size / 2);
  });
});

describe('generated pictures', () => {
  const pictured = () => articlesOf(generated).filter((a) => a.figures.some((f) => f.pictures.some((p) => p.image)));

  it('go to about a third of the articles, one or two each, captioned, in the issue’s picture folder', () => {
    const articles = articlesOf(generated);
    const share = pictured().length / articles.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.47);
    for (const article of pictured()) {
      const figures = article.figures.filter((f) => f.pictures.some((p) => p.image));
      expect(figures.length).toBeGreaterThanOrEqual(1);
      expect(figures.length).toBeLessThanOrEqual(2);
      // A pictured article has no caption-only figure besides.
      expect(article.figures).toEqual(figures);
    }
    for (const issue of generated) {
      const folder = issue.sourcePath.replace(/\.md$/, '');
      for (const figure of articlesOf([issue]).flatMap((a) => a.figures.filter((f) => f.pictures.length > 0))) {
        expect(figure.caption).not.toBe('');
        // Generated figures have one picture each.
        expect(figure.pictures).toHaveLength(1);
        for (const picture of figure.pictures) {
          expect(picture.src).toMatch(new RegExp(`^${folder.split('/')[1]}/article-\\d+-[12]\\.jpg$`));
          expect(picture.image?.relativePath).toBe(`${folder}/${picture.src.split('/')[1]}`);
        }
      }
    }
  });

  it('are real JPEGs of a bulletin photo’s size: 640–1024 pixels wide, 3:2 or 4:3, 30–130 KB', async () => {
    const images = articlesOf(generated).flatMap((a) =>
      a.figures.flatMap((f) => f.pictures.flatMap((p) => p.image ?? [])),
    );
    expect(images.length).toBe(written.pictures);
    let bytes = 0;
    for (const image of images) {
      // Decoded by libvips, not read from the header as the pipeline does.
      const { data, info } = await sharp(image.sourcePath).raw().toBuffer({ resolveWithObject: true });
      expect(info.width).toBe(image.width);
      expect(info.height).toBe(image.height);
      expect(data.length).toBe(info.width * info.height * info.channels);
      expect(image.format).toBe('jpeg');
      expect(info.width).toBeGreaterThanOrEqual(640);
      expect(info.width).toBeLessThanOrEqual(1024);
      expect([3 / 2, 4 / 3].some((ratio) => Math.abs(info.width / info.height - ratio) < 0.01)).toBe(true);
      expect(image.bytes).toBeGreaterThan(30 * 1024);
      expect(image.bytes).toBeLessThan(130 * 1024);
      bytes += image.bytes;
    }
    expect(bytes).toBe(written.pictureBytes);
  });

  it('are each distinct', async () => {
    const images = articlesOf(generated).flatMap((a) =>
      a.figures.flatMap((f) => f.pictures.flatMap((p) => p.image ?? [])),
    );
    const hashes = await Promise.all(
      images.map(async (image) =>
        createHash('sha1')
          .update(await readFile(image.sourcePath))
          .digest('hex'),
      ),
    );
    expect(new Set(hashes).size).toBe(images.length);
  });
});

describe('generated originals', () => {
  it('give every issue a PDF with a page for each article', () => {
    for (const issue of generated) {
      expect(issue.original?.relativePath).toBe(issue.sourcePath.replace(/\.md$/, '.pdf'));
      const pages = issue.original?.pages ?? 0;
      const articles = articlesOf([issue]);
      expect(articles.every((a) => a.originalPage === a.page)).toBe(true);
      expect(Math.max(...articles.map((a) => a.page ?? Infinity))).toBeLessThanOrEqual(pages);
      // No page to spare beyond the last article's (each article fills one or two).
      expect(pages - Math.max(...articles.map((a) => a.page ?? 0))).toBeLessThanOrEqual(1);
    }
    expect(written.originals).toBe(generatedIssues);
  });
});

describe('a generated archive', () => {
  it('is the same file for file and byte for byte for a seed, and another for another seed', async () => {
    const write = (dir: string, seed: number) =>
      writeGeneratedArchive({ sourceDir: bundledContent, outDir: join(root, dir), issues: 3, seed });
    await write('seed-5-a', 5);
    await write('seed-5-b', 5);
    await write('seed-6', 6);
    const first = await fileHashes(join(root, 'seed-5-a'));
    expect(Object.keys(first).filter((path) => path.endsWith('.jpg')).length).toBeGreaterThan(0);
    expect(await fileHashes(join(root, 'seed-5-b'))).toEqual(first);
    const other = await fileHashes(join(root, 'seed-6'));
    const pictures = (hashes: Record<string, string>) =>
      Object.entries(hashes)
        .filter(([path]) => path.endsWith('.jpg'))
        .map(([, hash]) => hash);
    expect(pictures(other).filter((hash) => pictures(first).includes(hash))).toEqual([]);
  });

  it('with the source included brings the source’s pictures and original along', async () => {
    const dir = join(root, 'with-media-source');
    await writeGeneratedArchive({ sourceDir: mediaArchive, outDir: dir, issues: 1, seed: 1, includeSource: true });
    const archive = await loadArchive(dir);
    expect(archive.diagnostics).toEqual([]);
    const source = archive.issues.find((issue) => issue.year === 2018);
    expect(source?.original?.pages).toBeGreaterThan(0);
    expect(
      articlesOf(source ? [source] : []).flatMap((a) =>
        a.figures.flatMap((f) => f.pictures.flatMap((p) => p.image ?? [])),
      ),
    ).toHaveLength(3);
  });

  it('without media is the same text with caption-only figures, and no picture or original beside it', async () => {
    const dir = join(root, 'text-only');
    const textOnly = await writeGeneratedArchive({
      sourceDir: bundledContent,
      outDir: dir,
      issues: 4,
      seed: 42,
      media: false,
    });
    expect(textOnly).toMatchObject({ pictures: 0, pictureBytes: 0, originals: 0, originalBytes: 0 });
    expect(Object.keys(await fileHashes(dir)).filter((path) => !/\.(md|yaml)$/.test(path))).toEqual([]);
    const archive = await loadArchive(dir);
    expect(archive.diagnostics).toEqual([]);
    const articles = articlesOf(archive.issues);
    expect(archive.issues.every((issue) => issue.original === undefined)).toBe(true);
    expect(articles.flatMap((a) => a.figures.flatMap((f) => f.pictures.flatMap((p) => p.image ?? [])))).toEqual([]);
    // The same articles as with media: only the figures differ.
    const withMedia = articlesOf(generated.slice(-4));
    expect(articles.map((a) => a.title).sort()).toEqual(withMedia.map((a) => a.title).sort());
  });

  it('refuses a folder that is not empty', async () => {
    await expect(
      writeGeneratedArchive({ sourceDir: bundledContent, outDir: join(root, 'seed-6'), issues: 1, seed: 1 }),
    ).rejects.toThrow(/不是空目录/);
  });
});
