import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeGeneratedArchive } from '../../src/generate/archive.ts';
import type { Article, Issue } from '../../src/model.ts';
import { loadArchive } from '../../src/archive/load-archive.ts';
import { writeSearchIndex } from '../../src/search/build-index.ts';
import { searchRecords } from '../../src/search/records.ts';
import { openPagefind, type LoadedPagefind } from '../../src/search/node-pagefind.ts';
import { bundledContent, repoRoot } from '../helpers/content.ts';
import { ConverterFactory } from 'opencc-js/core';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import TWVariantsRevPhrases from 'opencc-js/dict/TWVariantsRevPhrases';

export interface Fixture {
  issues: Issue[];
  siteDir: string;
  loaded: LoadedPagefind;
  dispose(): Promise<void>;
}

/**
 * The bundled issue plus generated issues recombining its wording, indexed into a temporary site,
 * in `parts` parts joined into one bundle (bundle-merge.ts) when more than one.
 */
export async function buildFixture(generatedIssues: number, seed: number, parts = 1): Promise<Fixture> {
  const root = await mkdtemp(join(tmpdir(), 'search-fixture-'));
  const content = join(root, 'content');
  const site = join(root, 'site');
  await writeGeneratedArchive({
    sourceDir: bundledContent,
    outDir: content,
    issues: generatedIssues,
    seed,
    includeSource: true,
  });
  // Text the generated issues never have: compatibility characters, codes with punctuation, near misses.
  await mkdir(join(content, '2040'), { recursive: true });
  await copyFile(join(repoRoot, 'tests/fixtures/search/2040-01.md'), join(content, '2040', '2040-01.md'));
  const archive = await loadArchive(content);
  const errors = archive.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`fixture archive has errors: ${JSON.stringify(errors.slice(0, 3))}`);
  const textSize = searchRecords(archive.issues).reduce((sum, record) => sum + record.content.length, 0);
  await writeSearchIndex(archive.issues, site, undefined, parts > 1 ? { partSize: Math.ceil(textSize / parts) } : {});
  const loaded = await openPagefind(site);
  return {
    issues: archive.issues,
    siteDir: site,
    loaded,
    dispose: async () => {
      await loaded.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

export interface ArticleEntry {
  article: Article;
  issue: Issue;
  /** Place of the article in its issue, in printed order. */
  position: number;
}

export function articleEntries(issues: readonly Issue[]): ArticleEntry[] {
  return issues.flatMap((issue) =>
    issue.sections.flatMap((section) => section.articles).map((article, position) => ({ article, issue, position })),
  );
}

/**
 * The reference the search is held to, written independently of src/search: a plain substring
 * scan. Each block (title, subtitle, each line of text) is compared without whitespace, in
 * NFKC and lower case; a term never spans two blocks. Terms are runs of Han characters, letters
 * and digits, with . - / + inside a run of letters and digits.
 */
const termPattern = /(?:[\p{Script=Han}a-z0-9]|(?<=[a-z0-9])[./+-](?=[a-z0-9]))+/gu;

export function oracleTerms(query: string): string[] {
  return query.split(/\s+/u).flatMap((word) => word.normalize('NFKC').toLowerCase().match(termPattern) ?? []);
}

function normalizedBlock(block: string): string {
  return block.replace(/\s+/gu, '').normalize('NFKC').toLowerCase();
}

function blocks(article: Article): string[] {
  return [article.title, article.subtitle ?? '', ...article.text.split('\n')].map(normalizedBlock);
}

export function containsTerm(article: Article, term: string): boolean {
  return blocks(article).some((block) => block.includes(term));
}

export function titleContains(article: Article, term: string): boolean {
  return normalizedBlock(article.title).includes(term);
}

export function scanMatches(entries: readonly ArticleEntry[], query: string): ArticleEntry[] {
  const terms = oracleTerms(query);
  return terms.length === 0 ? [] : entries.filter(({ article }) => terms.every((term) => containsTerm(article, term)));
}

/** OpenCC's Taiwan → mainland chain (variants, then traditional → simplified), as its tw → cn preset. */
const toSimplified = ConverterFactory([TWVariantsRevPhrases, TWVariantsRev], [TSPhrases, TSCharacters]);

interface OraclePart {
  terms: string[];
  title: boolean;
}

/**
 * The operators as the search page documents them, scanned the same plain way: words separated
 * by spaces all occur; `A OR B` either; `-word` excluded; "quoted words" one term with spaces
 * ignored; `title:` (or every word, when titleOnly) in the title only. Traditional characters are
 * read as simplified (OpenCC's Taiwan → mainland conversion).
 */
export function scanQuery(entries: readonly ArticleEntry[], query: string, titleOnly = false): ArticleEntry[] {
  const text = toSimplified(query.normalize('NFKC'));
  const words = text.match(/-?(?:title:|标题:)?(?:"[^"]*"?|“[^”]*”?|\S+)/giu) ?? [];
  const required: OraclePart[][] = [];
  const excluded: OraclePart[] = [];
  let or = false;
  for (const word of words) {
    if (word === 'OR') {
      or = required.length > 0;
      continue;
    }
    const negated = word.startsWith('-') && word.length > 1;
    let rest = negated ? word.slice(1) : word;
    const title = /^(title|标题):/iu.test(rest) || titleOnly;
    rest = rest.replace(/^(title|标题):/iu, '');
    const quoted = /^["“]/u.test(rest);
    const inner = quoted ? rest.replace(/^["“]|["”]$/gu, '').replace(/\s+/gu, '') : rest;
    const terms = oracleTerms(inner);
    if (terms.length === 0) continue;
    const part = { terms, title };
    if (negated) excluded.push(part);
    else if (or) required.at(-1)?.push(part);
    else required.push([part]);
    or = false;
  }
  const matches = (article: Article, part: OraclePart) =>
    part.terms.every((term) => (part.title ? titleContains(article, term) : containsTerm(article, term)));
  if (required.length === 0) return [];
  return entries.filter(
    ({ article }) =>
      required.every((group) => group.some((part) => matches(article, part))) &&
      !excluded.some((part) => matches(article, part)),
  );
}
