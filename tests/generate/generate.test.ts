import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeGeneratedArchive } from '../../src/generate/archive.ts';
import { buildCorpus } from '../../src/generate/corpus.ts';
import { generateIssueFiles } from '../../src/generate/issues.ts';
import type { Issue } from '../../src/model.ts';
import { loadArchive } from '../../src/archive/load-archive.ts';
import { bundledContent } from '../helpers/content.ts';

let bundled: Issue[];
let out: string;
let generated: Issue[];
let diagnostics: Awaited<ReturnType<typeof loadArchive>>['diagnostics'];

beforeAll(async () => {
  bundled = (await loadArchive(bundledContent)).issues;
  out = await mkdtemp(join(tmpdir(), 'generated-archive-'));
  await writeGeneratedArchive({ sourceDir: bundledContent, outDir: out, issues: 30, seed: 42, includeSource: true });
  const archive = await loadArchive(out);
  diagnostics = archive.diagnostics;
  generated = archive.issues.filter((issue) => issue.year > 2018);
});

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

const options = {
  issues: 5,
  startYear: 2019,
  firstCumulativeNumber: 11,
  sections: ['工作动态', '园区掠影', '经验交流'],
};

describe('generated archive', () => {
  it('is valid for loadArchive, with the source issue alongside', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(generated).toHaveLength(30);
  });

  it('is the same for the same seed and differs for another', () => {
    const corpus = buildCorpus(bundled);
    expect(generateIssueFiles(corpus, { ...options, seed: 7 })).toEqual(
      generateIssueFiles(corpus, { ...options, seed: 7 }),
    );
    expect(generateIssueFiles(corpus, { ...options, seed: 7 })).not.toEqual(
      generateIssueFiles(corpus, { ...options, seed: 8 }),
    );
  });

  it('copies the column table', async () => {
    expect(await readFile(join(out, 'sections.yaml'), 'utf8')).toBe(
      await readFile(join(bundledContent, 'sections.yaml'), 'utf8'),
    );
  });

  it('continues the source: later dates, running numbers in order', () => {
    const byNumber = [...generated].sort((a, b) => a.cumulativeNumber - b.cumulativeNumber);
    expect(byNumber[0]?.cumulativeNumber).toBe(11);
    for (const [k, issue] of byNumber.entries()) {
      const previous = byNumber[k - 1];
      if (previous) expect(issue.date > previous.date).toBe(true);
    }
  });

  it('has issues of realistic size: about 8 articles and 15,000 characters, every column filled', () => {
    for (const issue of generated) {
      const articles = issue.sections.flatMap((section) => section.articles);
      expect(articles.length).toBeGreaterThanOrEqual(7);
      expect(articles.length).toBeLessThanOrEqual(9);
      expect(issue.sections.map((section) => section.title)).toEqual(options.sections);
    }
    const characters = generated.map((issue) =>
      issue.sections.flatMap((s) => s.articles).reduce((sum, a) => sum + [...a.title, ...a.text].length, 0),
    );
    const average = characters.reduce((a, b) => a + b, 0) / characters.length;
    expect(average).toBeGreaterThan(12_000);
    expect(average).toBeLessThan(18_000);
  });

  it('has subtitles, sub-headings, captions and page numbers', () => {
    const articles = generated.flatMap((issue) => issue.sections.flatMap((section) => section.articles));
    expect(articles.some((a) => a.subtitle)).toBe(true);
    expect(articles.some((a) => a.headings.length > 1)).toBe(true);
    expect(articles.some((a) => a.figures.length > 0)).toBe(true);
    expect(articles.every((a) => typeof a.page === 'number')).toBe(true);
  });

  it('recombines the source wording: every clause comes from the bundled issue', () => {
    const source = bundled
      .flatMap((issue) => issue.sections.flatMap((s) => s.articles))
      .map((a) => `${a.title}\n${a.text}`)
      .join('\n');
    const articles = generated.flatMap((issue) => issue.sections.flatMap((section) => section.articles));
    const clauses = articles
      .flatMap((a) => a.text.split(/[，；。：\n]|——|图：|（[一二三四五六七八九十]）/u))
      .filter((c) => c.length > 0);
    expect(clauses.length).toBeGreaterThan(1000);
    expect(clauses.filter((clause) => !source.includes(clause))).toEqual([]);
    const paragraphs = new Set(articles.flatMap((a) => a.text.split('\n')));
    const sourceLines = new Set(source.split('\n'));
    expect([...paragraphs].filter((p) => !sourceLines.has(p)).length).toBeGreaterThan(paragraphs.size / 2);
  });
});
