import type { RootContent } from 'mdast';
import { issueFileText, writeIssue } from '../core/content-format.ts';
import type { Masthead } from '../pipeline/masthead.ts';
import type { Block } from './article-body.ts';
import type { ImportedArticle, Outline } from './outline.ts';

function blockNode(block: Block): RootContent {
  switch (block.kind) {
    case 'paragraph':
      return writeIssue.paragraph(block.text);
    case 'heading':
      return writeIssue.subheading(block.text);
    case 'figure':
      return writeIssue.captionOnlyFigure(block.caption);
  }
}

function articleNodes(article: ImportedArticle): RootContent[] {
  const attributes = { id: article.id, ...(article.page === undefined ? {} : { page: article.page }) };
  return [
    writeIssue.article(
      article.title,
      article.contentsTitle === undefined ? attributes : { ...attributes, contents: article.contentsTitle },
    ),
    ...(article.subtitle !== undefined ? [writeIssue.subtitle(article.subtitle)] : []),
    ...article.blocks.map(blockNode),
  ];
}

/** The issue file: front matter, then `##` columns and `###` articles, one block a paragraph. */
export function issueMarkdown(masthead: Masthead, outline: Outline): string {
  return issueFileText([
    writeIssue.frontMatter(masthead),
    ...outline.lead.map(blockNode),
    ...outline.sections.flatMap((section) => [
      ...(section.title !== undefined ? [writeIssue.section(section.title)] : []),
      ...section.lead.map(blockNode),
      ...section.articles.flatMap(articleNodes),
    ]),
  ]);
}
