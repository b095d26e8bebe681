import { copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Article, Diagnostic, Issue } from '../../src/model.ts';
import { loadArchive } from '../../src/archive/load-archive.ts';
import { runImportCommand } from '../../src/cli/import-command.ts';
import { importers } from '../../src/cli/importers.ts';
import { issueFilePath } from '../../src/core/content-format.ts';
import type { ImportedIssue } from '../../src/import/imported-issue.ts';
import type { ImportOptions, Importer } from '../../src/import/importer.ts';
import { writeImportedIssue } from '../../src/import/write-imported.ts';
import { loadSectionTableFile } from '../../src/pipeline/load.ts';

/**
 * What the importer tests compare and run, shared by the PDF and Word suites: an issue's model as
 * an editor reads it (without what depends on where the files are), its picture files in order,
 * and `npm run import` in-process with the real importers.
 */
export interface ModelOptions {
  /** Makes text comparable where the source cannot carry something (a PDF's line-end spaces). */
  text?: (text: string) => string;
}

function articleModel(article: Article, options: ModelOptions) {
  return {
    id: article.id,
    title: article.title,
    subtitle: article.subtitle,
    page: article.page,
    originalPage: article.originalPage,
    contentsTitle: article.contentsTitle,
    headings: article.headings.map((h) => ({ text: h.text, depth: h.depth })),
    figures: article.figures.map((f) => ({ caption: f.caption, pictures: f.pictures.length })),
    text: options.text ? options.text(article.text) : article.text,
  };
}

export function issueModel(issue: Issue, options: ModelOptions = {}) {
  return {
    id: issue.id,
    series: issue.series,
    publisher: issue.publisher,
    year: issue.year,
    number: issue.number,
    cumulativeNumber: issue.cumulativeNumber,
    date: issue.date,
    originalPages: issue.original?.pages,
    sections: issue.sections.map((s) => ({
      kind: s.kind,
      title: s.title,
      articles: s.articles.map((a) => articleModel(a, options)),
    })),
  };
}

/** The issue's picture files in reading order, as absolute paths. */
export function picturesOf(issue: Issue, contentDir: string): string[] {
  return issue.sections.flatMap((s) =>
    s.articles.flatMap((a) =>
      a.figures.flatMap((f) => f.pictures.flatMap((p) => (p.image ? [resolve(contentDir, p.image.sourcePath)] : []))),
    ),
  );
}

/** `npm run import -- <argv>` in `dir` (its content folder too), with the real importers. */
export async function runRealImport(
  dir: string,
  argv: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  const run = { stdout: '', stderr: '' };
  const code = await runImportCommand({
    argv,
    contentDir: dir,
    cwd: dir,
    importers,
    write: (text) => (run.stdout += text),
    writeError: (text) => (run.stderr += text),
  });
  return { code, ...run };
}

export interface ImportedFixture {
  result: ImportedIssue;
  /** The issue as the pipeline reads it back from what the import wrote. */
  imported: Issue;
  /** The fixture's expected issue. */
  expected: Issue;
  /** What the checker says of the written content folder. */
  diagnostics: Diagnostic[];
}

/**
 * A fixture imported into `contentDir` (given the expected archive's column table and parks),
 * written as `npm run import` writes it, and read back beside the expected archive.
 */
export async function importFixture(
  importer: Importer,
  input: { name: string; bytes: Uint8Array },
  expectedDir: string,
  contentDir: string,
  options: ImportOptions = {},
): Promise<ImportedFixture> {
  for (const file of ['sections.yaml', 'parks.yaml']) copyFileSync(join(expectedDir, file), join(contentDir, file));
  const { table } = await loadSectionTableFile(contentDir, 'content');
  const result = await importer(input.name, input.bytes, table, options);
  if (!result.markdown || !result.masthead) throw new Error(`no issue imported: ${JSON.stringify(result.diagnostics)}`);
  const written = await writeImportedIssue({
    issueFile: join(contentDir, issueFilePath(result.masthead)),
    markdown: result.markdown,
    pictures: result.pictures,
    ...(result.original ? { original: result.original } : {}),
  });
  if (!written.ok) throw new Error(`not written: ${JSON.stringify(written.problems)}`);
  const archive = await loadArchive(contentDir);
  const reference = await loadArchive(expectedDir);
  const [imported] = archive.issues;
  const [expected] = reference.issues;
  if (!imported || !expected) throw new Error('an archive without its issue');
  return { result, imported, expected, diagnostics: archive.diagnostics };
}
