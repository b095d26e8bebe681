import { resolve } from 'node:path';
import type { Article, Issue } from '../../src/model.ts';
import { runImportCommand } from '../../src/cli/import-command.ts';
import { importers } from '../../src/cli/importers.ts';

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
