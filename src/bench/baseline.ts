import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import type { Article, Figure, Issue } from '../model.ts';
import { pictureFiles } from '../core/picture-files.ts';

/**
 * The benchmark's baseline: the archive's articles as a bare Eleventy project, one Markdown page
 * per article, rendered by Eleventy's default Markdown engine without any configuration. The only
 * other file is a minimal layout giving each page `<html lang="zh-CN">`, because Pagefind chooses
 * how to segment text by the page language, and our pages declare it too. The archive's pictures
 * and original PDFs are in the project as they are, at their paths in the content folder; Eleventy
 * copies them to the site unchanged (passthrough, by naming their extensions in `--formats`), and
 * the pages show the pictures with plain Markdown images.
 */
export interface ProjectFile {
  /** Relative to the project folder. */
  path: string;
  content: string;
}

/** A file of the archive copied into the project as it is: a picture or an original PDF. */
export interface ProjectCopy {
  /** Relative to the project folder, as in the content folder: `2019/2019-01/article-3-1.jpg`. */
  path: string;
  /** Absolute path of the archive's file. */
  from: string;
}

export interface BaselineProject {
  files: ProjectFile[];
  copies: ProjectCopy[];
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

/**
 * Every page of the baseline project, at the same URLs as our article pages (`/2018/01/p3/`), and
 * every picture and original of the archive.
 */
export function baselineProject(issues: readonly Issue[]): BaselineProject {
  const articles = issues.flatMap((issue) => issue.sections.flatMap((section) => section.articles));
  const files = [
    ...articles.flatMap((article) => [...pictureFiles(article.figures)].map(({ image }) => image)),
    ...issues.flatMap((issue) => issue.original ?? []),
  ];
  const copies = new Map(files.map((file) => [file.relativePath, { path: file.relativePath, from: file.sourcePath }]));
  return { files: [layoutFile, ...articles.map(articlePage)], copies: [...copies.values()] };
}

/**
 * What `eleventy --formats=` needs to be given: Markdown for the pages, and the extensions of the
 * copied files, which Eleventy then copies through as they are since they are no template language.
 */
export function baselineFormats(project: BaselineProject): string[] {
  const extensions = project.copies.map((copy) => extname(copy.path).slice(1)).filter((ext) => ext !== '');
  return ['md', ...new Set(extensions)];
}

type PageArticle = Pick<Article, 'url' | 'title' | 'text' | 'headings' | 'figures'>;

export function articlePage(article: PageArticle): ProjectFile {
  // JSON strings are YAML strings, so any title is safe front matter.
  const frontMatter = `---\ntitle: ${JSON.stringify(article.title)}\nlayout: ${baselineLayout}\n---\n`;
  return {
    path: `${article.url.replace(/^\/|\/$/g, '')}.md`,
    content: `${frontMatter}\n${articleMarkdown(article)}\n`,
  };
}

/**
 * The article's reader-visible lines as Markdown: its sub-headings as `##`, every other line a
 * paragraph; a figure's pictures, each a Markdown image of the copied file, go above its caption.
 */
export function articleMarkdown(article: Pick<PageArticle, 'text' | 'headings' | 'figures'>): string {
  const headings = new Set(article.headings.map((heading) => heading.text));
  // Captions are lines of the text, in the figures' order; a figure without one has no line.
  const captioned = article.figures.filter((figure) => figure.caption !== '');
  const blocks = article.text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .flatMap((line) => {
      if (headings.has(line)) return [`## ${escapeMarkdown(line)}`];
      const figure = captioned[0]?.caption === line ? captioned.shift() : undefined;
      return [...(figure ? figureMarkdown(figure) : []), escapeMarkdown(line)];
    });
  const uncaptioned = article.figures.filter((figure) => figure.caption === '');
  return [...blocks, ...uncaptioned.flatMap(figureMarkdown)].join('\n\n');
}

/** A figure's copied pictures as Markdown images: the first described by the caption, a later one by its own text. */
function figureMarkdown(figure: Figure): string[] {
  return figure.pictures.flatMap((picture, index) =>
    picture.image
      ? [pictureMarkdown(index === 0 ? figure.caption : (picture.alt ?? ''), picture.image.relativePath)]
      : [],
  );
}

/** `![说明](/2019/2019-01/article-3-1.jpg)`: the copied file at its path from the site's root. */
function pictureMarkdown(caption: string, path: string): string {
  const url = `/${encodeURI(path)}`.replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `![${escapeMarkdown(caption)}](${url})`;
}

/** Plain text as Markdown that renders to the same text: inline markers escaped, and block-opening line starts. */
export function escapeMarkdown(line: string): string {
  return line
    .replace(/[\\`*_[\]<>#|~&]/g, '\\$&')
    .replace(/^(\s*)([-+=]|\d+(?=[.)]))/, (_match, space: string, marker: string) =>
      /\d/.test(marker) ? `${space}${marker}\\` : `${space}\\${marker}`,
    );
}

export async function writeProject(dir: string, project: BaselineProject): Promise<void> {
  for (const file of project.files) {
    const path = join(dir, file.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.content);
  }
  for (const copy of project.copies) {
    const path = join(dir, copy.path);
    await mkdir(dirname(path), { recursive: true });
    await copyFile(copy.from, path);
  }
}
