import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { aboutPageFile } from '../core/content-format.ts';
import { SettingsError } from '../core/errors.ts';

/** The about page (关于本刊: what the bulletin is, who edits it, how to reach them), from `content/about.md`. */
export interface AboutPage {
  title: string;
  /** Sanitized HTML of the text below its title. */
  html: string;
}

export const defaultAboutTitle = '关于本刊';

/**
 * `about.md` as a page: its first `#` heading is the page's title (关于本刊 without one), the rest
 * plain Markdown. Raw HTML is dropped and links are sanitized as an article's are: the editor's
 * text is shown, never run.
 */
export function aboutPage(markdown: string): AboutPage {
  const tree = unified().use(remarkParse).parse(markdown);
  const first = tree.children.findIndex((node) => node.type === 'heading' && node.depth === 1);
  const heading = first === -1 ? undefined : (tree.children[first] as Heading);
  const body: Root = { ...tree, children: tree.children.filter((_, index) => index !== first) };
  const processor = unified().use(remarkRehype).use(rehypeSanitize).use(rehypeStringify);
  const html = processor.stringify(processor.runSync(body));
  return { title: (heading && toString(heading).trim()) || defaultAboutTitle, html };
}

/** The content folder's about page, if it has one. */
export function readAboutPage(dir: string): AboutPage | undefined {
  const path = join(dir, aboutPageFile);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new SettingsError(`无法读取关于本刊页 ${path}：${error instanceof Error ? error.message : String(error)}`);
  }
  return aboutPage(text);
}
