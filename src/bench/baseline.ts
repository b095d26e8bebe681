import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Article, Issue } from '../model.ts';

/**
 * The benchmark's baseline: the archive's articles as a bare Eleventy project, one Markdown page
 * per article, rendered by Eleventy's default Markdown engine without any configuration. The only
 * other file is a minimal layout giving each page `<html lang="zh-CN">`, because Pagefind chooses
 * how to segment text by the page language, and our pages declare it too.
 */
export interface ProjectFile {
  /** Relative to the project folder. */
  path: string;
  content: string;
}

export const baselineLayout = 'page.njk';

const layoutFile: ProjectFile = {
  path: `_includes/${baselineLayout}`,
  content: [
    '<!doctype html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<title>{{ title }}</title>',
    '</head>',
    '<body>',
    '<h1>{{ title }}</h1>',
    '{{ content | safe }}',
    '</body>',
    '</html>',
    '',
  ].join('\n'),
};

/** Every page of the baseline project, at the same URLs as our article pages (`/2018/01/p3/`). */
export function baselineProject(issues: readonly Issue[]): ProjectFile[] {
  const pages = issues.flatMap((issue) => issue.sections.flatMap((section) => section.articles.map(articlePage)));
  return [layoutFile, ...pages];
}

export function articlePage(article: Pick<Article, 'url' | 'title' | 'text' | 'headings'>): ProjectFile {
  // JSON strings are YAML strings, so any title is safe front matter.
  const frontMatter = `---\ntitle: ${JSON.stringify(article.title)}\nlayout: ${baselineLayout}\n---\n`;
  return {
    path: `${article.url.replace(/^\/|\/$/g, '')}.md`,
    content: `${frontMatter}\n${articleMarkdown(article)}\n`,
  };
}

/** The article's reader-visible lines as Markdown: its sub-headings as `##`, every other line a paragraph. */
export function articleMarkdown(article: Pick<Article, 'text' | 'headings'>): string {
  const headings = new Set(article.headings.map((heading) => heading.text));
  return article.text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (headings.has(line) ? `## ${escapeMarkdown(line)}` : escapeMarkdown(line)))
    .join('\n\n');
}

/** Plain text as Markdown that renders to the same text: inline markers escaped, and block-opening line starts. */
export function escapeMarkdown(line: string): string {
  return line
    .replace(/[\\`*_[\]<>#|~&]/g, '\\$&')
    .replace(/^(\s*)([-+=]|\d+(?=[.)]))/, (_match, space: string, marker: string) =>
      /\d/.test(marker) ? `${space}${marker}\\` : `${space}\\${marker}`,
    );
}

export async function writeProject(dir: string, files: readonly ProjectFile[]): Promise<void> {
  for (const file of files) {
    const path = join(dir, file.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.content);
  }
}
