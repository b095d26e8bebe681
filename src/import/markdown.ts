import type { RootContent } from 'mdast';
import { issueFileText, writeIssue } from '../core/content-format.ts';
import type { Masthead } from '../pipeline/masthead.ts';
import type { Block } from './article-body.ts';
import type { ImportedArticle, Outline } from './outline.ts';

/** A block of the written file and the input line it came from (none for the front matter). */
export interface WrittenNode {
  node: RootContent;
  line?: number;
}

/** Front-matter fields beside the masthead that an importer of a PDF knows. */
export interface WrittenMediaFields {
  /** PDF page minus printed page, when not 0: an unnumbered cover gives 1. */
  originalPageOffset?: number;
}

function blockNode(block: Block): RootContent {
  switch (block.kind) {
    case 'paragraph':
      return writeIssue.paragraph(block.text);
    case 'heading':
      return writeIssue.subheading(block.text, block.depth);
    case 'figure':
      return block.pictures && block.pictures.length > 0
        ? writeIssue.figure(
            block.caption,
            block.pictures.map((src) => ({ src })),
          )
        : writeIssue.captionOnlyFigure(block.caption);
  }
}

function blockNodes(blocks: readonly Block[]): WrittenNode[] {
  return blocks.map((block) => ({ node: blockNode(block), line: block.line }));
}

function articleNodes(article: ImportedArticle): WrittenNode[] {
  const attributes = {
    id: article.id,
    ...(article.page === undefined ? {} : { page: article.page }),
    ...(article.pdfPage === undefined ? {} : { pdf: article.pdfPage }),
    ...(article.contentsTitle === undefined ? {} : { contents: article.contentsTitle }),
  };
  return [
    { node: writeIssue.article(article.title, attributes), line: article.line },
    ...(article.subtitle !== undefined ? [{ node: writeIssue.subtitle(article.subtitle), line: article.line }] : []),
    ...blockNodes(article.blocks),
  ];
}

/** The issue file's blocks in order, each with the input line it stands for. */
export function issueNodes(masthead: Masthead, outline: Outline, media: WrittenMediaFields = {}): WrittenNode[] {
  return [
    { node: writeIssue.frontMatter({ ...masthead, ...media }) },
    ...blockNodes(outline.lead),
    ...outline.sections.flatMap((section) => [
      ...(section.title !== undefined ? [{ node: writeIssue.section(section.title), line: section.line }] : []),
      ...blockNodes(section.lead),
      ...section.articles.flatMap(articleNodes),
    ]),
  ];
}

/** The issue file: front matter, then `##` columns and `###` articles, one block a paragraph. */
export function issueMarkdown(masthead: Masthead, outline: Outline, media: WrittenMediaFields = {}): string {
  return issueFileText(issueNodes(masthead, outline, media).map((written) => written.node));
}
