import type { Heading as MdHeading, Paragraph, Root, RootContent } from 'mdast';
import type { Node } from 'unist';
import { toString } from 'mdast-util-to-string';
import { splitHeadingAttributes, subtitleText, type HeadingAttributes } from '../core/content-format.ts';
import { fileStart, type Place } from '../core/diagnostics.ts';
import type { SectionKind } from '../model.ts';
import { findSectionKind, type SectionTable } from './section-kinds.ts';

export interface ArticleDraft {
  title: string;
  /** The `###` heading: positions for messages. */
  heading: MdHeading;
  place: Place;
  attributes?: HeadingAttributes;
  /** The subtitle and its paragraph (for rules that read how it was written). */
  subtitle?: { text: string; place: Place; node: Paragraph };
  /** Blocks under the title, the subtitle taken out. */
  body: RootContent[];
}

export interface SectionDraft {
  /** The column's name as the table gives it, or as written when the table does not know it. */
  title: string;
  /** The name as written after `##`. */
  writtenTitle: string;
  heading: MdHeading;
  place: Place;
  /** Absent when the column is not in the table; a rule says so. */
  kind?: SectionKind;
  articles: ArticleDraft[];
}

/** Content that belongs to no article: the first block of each stretch, and the column it sits in. */
export interface StrayContent {
  node: RootContent;
  section?: SectionDraft;
}

/**
 * An issue's body grouped by headings, with everything that does not fit recorded rather than
 * dropped: the lint rules (src/pipeline/rules/) report from here.
 */
export interface IssueDraft {
  sections: SectionDraft[];
  /** `#` headings: the masthead is front matter, not a heading. */
  levelOneHeadings: MdHeading[];
  /** Articles (`###`) before the first column; each still collects its body. */
  strayArticles: ArticleDraft[];
  strayContent: StrayContent[];
  /** Where the body ends, for messages about the issue as a whole. */
  end: Place;
}

export function placeOf(node: Node | undefined): Place {
  const start = node?.position?.start;
  return start ? { line: start.line, column: start.column } : fileStart;
}

/** The subtitle a block gives, if it is a paragraph opening with the subtitle mark. */
export function paragraphSubtitle(node: RootContent): string | undefined {
  return node.type === 'paragraph' ? subtitleText(toString(node)) : undefined;
}

/**
 * Groups the body's blocks by heading: `##` opens a section (a column of the bulletin), `###` an
 * article, everything else belongs to the article above it.
 */
export function structureIssue(tree: Root, table: SectionTable): IssueDraft {
  const draft: IssueDraft = {
    sections: [],
    levelOneHeadings: [],
    strayArticles: [],
    strayContent: [],
    end: { line: tree.position?.end.line ?? 1, column: 1 },
  };
  let section: SectionDraft | undefined;
  let article: ArticleDraft | undefined;
  let inStray = false;

  for (const node of tree.children) {
    if (node.type === 'yaml') continue;
    if (node.type === 'heading' && node.depth === 1) {
      draft.levelOneHeadings.push(node);
    } else if (node.type === 'heading' && node.depth === 2) {
      const writtenTitle = toString(node).trim();
      const kind = findSectionKind(table, writtenTitle);
      section = { title: kind?.title ?? writtenTitle, writtenTitle, heading: node, place: placeOf(node), articles: [] };
      if (kind) section.kind = kind;
      draft.sections.push(section);
      article = undefined;
      inStray = false;
    } else if (node.type === 'heading' && node.depth === 3) {
      article = articleDraft(node);
      if (section) section.articles.push(article);
      else draft.strayArticles.push(article);
    } else if (article) {
      if (article.body.length === 0 && !article.subtitle) {
        const subtitle = paragraphSubtitle(node);
        if (subtitle !== undefined && node.type === 'paragraph') {
          article.subtitle = { text: subtitle, place: placeOf(node), node };
          continue;
        }
      }
      article.body.push(node);
    } else if (node.type !== 'definition' && !inStray) {
      // One record per stretch of stray content: the editor fixes it with one heading.
      inStray = true;
      draft.strayContent.push(section ? { node, section } : { node });
    }
  }
  return draft;
}

function articleDraft(node: MdHeading): ArticleDraft {
  const { text, attributes } = splitHeadingAttributes(toString(node));
  const draft: ArticleDraft = { title: text.trim(), heading: node, place: placeOf(node), body: [] };
  if (attributes) draft.attributes = attributes;
  return draft;
}
