import { stringify } from 'yaml';
import type { Masthead } from '../pipeline/masthead.ts';
import type { Block } from './article-body.ts';
import type { ImportedArticle, Outline } from './outline.ts';

/** The front matter block, fields in the order the content format documents them. */
export function frontMatter(masthead: Masthead, comment?: string): string {
  const { series, publisher, year, number, cumulativeNumber, date } = masthead;
  const fields = stringify({ series, publisher, year, number, cumulativeNumber, date }, { lineWidth: 0 });
  return `---\n${comment ? `# ${comment}\n` : ''}${fields}---\n`;
}

/**
 * Escapes what Markdown would read as markup, so the text comes out exactly as the bulletin
 * printed it: emphasis and code marks, links, raw HTML and entities anywhere, and block
 * markers (headings, quotes, list items, fences) at the start of a paragraph.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<&]/g, '\\$&').replace(/^([#>+\-=~|]|\d{1,9}(?=[.)]))/, (lead: string) => (/^\d/.test(lead) ? lead + '\\' : `\\${lead}`));
}

function headingAttributes(article: ImportedArticle): string {
  const page = article.page !== undefined ? ` page=${article.page}` : '';
  const contents = article.contentsTitle === undefined ? '' : article.contentsTitle.includes('"') ? ` contents=“${article.contentsTitle}”` : ` contents="${article.contentsTitle}"`;
  return `{#${article.id}${page}${contents}}`;
}

function blockMarkdown(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return escapeMarkdown(block.text);
    case 'heading':
      return `#### ${escapeMarkdown(block.text)}`;
    case 'figure':
      return `图：${escapeMarkdown(block.caption)}`;
  }
}

function articleMarkdown(article: ImportedArticle): string[] {
  return [
    `### ${escapeMarkdown(article.title)} ${headingAttributes(article)}`,
    ...(article.subtitle !== undefined ? [`——${escapeMarkdown(article.subtitle)}`] : []),
    ...article.blocks.map(blockMarkdown),
  ];
}

/** The issue file: front matter, then `##` columns and `###` articles, one block a paragraph. */
export function issueMarkdown(masthead: Masthead, outline: Outline): string {
  const blocks = [
    ...outline.lead.map(blockMarkdown),
    ...outline.sections.flatMap((section) => [
      ...(section.title !== undefined ? [`## ${section.title}`] : []),
      ...section.lead.map(blockMarkdown),
      ...section.articles.flatMap(articleMarkdown),
    ]),
  ];
  return `${frontMatter(masthead)}\n${blocks.map((block) => `${block}\n`).join('\n')}`;
}
