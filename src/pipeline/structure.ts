import type { Heading as MdHeading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Diagnostic, SectionKind } from '../model.ts';
import { diagnostic, fileStart, type Place } from '../core/diagnostics.ts';
import { splitHeadingAttributes, type HeadingAttributes } from './heading-attributes.ts';
import { findSectionKind, type SectionTable } from './section-kinds.ts';

export interface ArticleDraft {
  title: string;
  place: Place;
  attributes?: HeadingAttributes;
  subtitle?: { text: string; place: Place };
  /** Blocks under the title, the subtitle taken out. */
  body: RootContent[];
}

export interface SectionDraft {
  title: string;
  place: Place;
  /** Absent when the column is not in the table; validation has said so. */
  kind?: SectionKind;
  articles: ArticleDraft[];
}

export interface IssueDraft {
  path: string;
  sections: SectionDraft[];
}

/** `——` opens a subtitle in the bulletin; editors' keyboards also give `--` or a single dash pair. */
const subtitleMark = /^(?:——|—{2}|-{2}(?!-))\s*/;

export function placeOf(node: { position?: { start: { line: number; column: number } } } | undefined): Place {
  const start = node?.position?.start;
  return start ? { line: start.line, column: start.column } : fileStart;
}

export function subtitleText(node: RootContent): string | undefined {
  if (node.type !== 'paragraph') return undefined;
  const text = toString(node).trim();
  return subtitleMark.test(text) ? text.replace(subtitleMark, '').trim() : undefined;
}

/**
 * Groups the body's blocks by heading: `##` opens a section (a column of the bulletin), `###` an
 * article, everything else belongs to the article above it. Content that has no article to
 * belong to is reported, never dropped silently.
 */
export function structureIssue(path: string, tree: Root, table: SectionTable): { draft: IssueDraft; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const sections: SectionDraft[] = [];
  let section: SectionDraft | undefined;
  let article: ArticleDraft | undefined;
  let reportedStray = false;
  const report = (node: RootContent, rule: string, message: string) => diagnostics.push(diagnostic(path, placeOf(node), 'error', rule, message));

  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 1) {
      report(node, 'heading-level', '不使用一级标题（#）：刊名、期号等写在文件开头的刊头信息里。栏目用 ##，文章用 ###，小标题用 ####。');
    } else if (node.type === 'heading' && node.depth === 2) {
      const title = toString(node).trim();
      const kind = findSectionKind(table, title);
      if (!kind) {
        const known = table.kinds.map((k) => k.title).join('、');
        report(node, 'unknown-section', `未知栏目 “${title}”。已知栏目：${known}。如是新栏目，请在 content/sections.yaml 中添加一项（title 与 kind）。`);
      }
      section = { title: kind?.title ?? title, place: placeOf(node), kind, articles: [] };
      sections.push(section);
      article = undefined;
      reportedStray = false;
    } else if (node.type === 'heading' && node.depth === 3) {
      article = articleDraft(node);
      if (section) section.articles.push(article);
      // A stray article still collects its body, so that one missing heading is one message.
      else report(node, 'article-outside-section', '文章（###）不在任何栏目之下：请在它前面加上所属栏目的标题，例如 “## 工作动态”。');
    } else if (article) {
      if (article.body.length === 0 && !article.subtitle) {
        const subtitle = subtitleText(node);
        if (subtitle !== undefined) {
          article.subtitle = { text: subtitle, place: placeOf(node) };
          continue;
        }
      }
      article.body.push(node);
    } else if (node.type !== 'definition' && !reportedStray) {
      // One message per stretch of stray content: the editor fixes it with one heading.
      reportedStray = true;
      if (section) {
        report(node, 'outside-article', `栏目 “${section.title}” 下的这段内容不属于任何文章：请在它前面加文章标题（### 标题），或把它移到某篇文章之下。`);
      } else {
        report(node, 'outside-section', '这段内容在第一个栏目之前，不属于任何文章：正文须放在 “## 栏目” 和 “### 文章标题” 之下。');
      }
    }
  }
  return { draft: { path, sections }, diagnostics };
}

function articleDraft(node: MdHeading): ArticleDraft {
  const { text, attributes } = splitHeadingAttributes(toString(node));
  return { title: text.trim(), place: placeOf(node), attributes, body: [] };
}

