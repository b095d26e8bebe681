import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeGeneratedArchive } from '../../src/generate/archive.ts';
import type { Article, Issue } from '../../src/model.ts';
import { loadArchive } from '../../src/archive/load-archive.ts';
import { writeSearchIndex } from '../../src/search/build-index.ts';
import { openPagefind, type LoadedPagefind } from '../../src/search/node-pagefind.ts';
import { bundledContent } from '../helpers/content.ts';

export interface Fixture {
  issues: Issue[];
  siteDir: string;
  loaded: LoadedPagefind;
  dispose(): Promise<void>;
}

/** The bundled issue plus generated issues recombining its wording, indexed into a temporary site. */
export async function buildFixture(generatedIssues: number, seed: number): Promise<Fixture> {
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
  const archive = await loadArchive(content);
  const errors = archive.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`fixture archive has errors: ${JSON.stringify(errors.slice(0, 3))}`);
  await writeSearchIndex(archive.issues, site);
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
 * NFKC and lower case; a term never spans two blocks.
 */
export function oracleTerms(query: string): string[] {
  return query
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{Script=Han}a-z0-9]+/u)
    .filter(Boolean);
}

function blocks(article: Article): string[] {
  return [article.title, article.subtitle ?? '', ...article.text.split('\n')].map((block) =>
    block.normalize('NFKC').toLowerCase().replace(/\s+/gu, ''),
  );
}

export function containsTerm(article: Article, term: string): boolean {
  return blocks(article).some((block) => block.includes(term));
}

export function titleContains(article: Article, term: string): boolean {
  return article.title.normalize('NFKC').toLowerCase().replace(/\s+/gu, '').includes(term);
}

export function scanMatches(entries: readonly ArticleEntry[], query: string): ArticleEntry[] {
  const terms = oracleTerms(query);
  return terms.length === 0 ? [] : entries.filter(({ article }) => terms.every((term) => containsTerm(article, term)));
}
