import type { Diagnostic } from '../model.ts';
import type { BodyLine } from './body-lines.ts';
import { subtitleText } from '../core/content-format.ts';
import { isCaptionLike, isEnumeratedHeading, isTopHeading } from './line-kinds.ts';
import { layoutBlock } from './layout-blocks.ts';
import { endsSentence, joinLines, lineDiagnostic } from './text.ts';

export type Block =
  | { kind: 'paragraph'; text: string; line: number }
  /** `depth` 5 for the second level (（一） under 一、); 4 when absent. */
  | { kind: 'heading'; text: string; line: number; depth?: 4 | 5 }
  /** `pictures`: the picture paths (`2018-01/p2-1.jpg`) a PDF gave; a caption-only figure without. */
  | { kind: 'figure'; caption: string; line: number; pictures?: string[] };

export interface ArticleBody {
  subtitle?: string;
  blocks: Block[];
  diagnostics: Diagnostic[];
}

/** A picture's caption is at most this many short lines. */
const maxCaptionLines = 2;
/** Blank lines a picture leaves behind in the PDF text, where a paragraph break leaves one. */
const pictureGap = 2;

/** Lines without a blank line between them; never empty. */
type LineGroup = [BodyLine, ...BodyLine[]];

/** Lines separated by blank lines: the paragraphs, captions and headings of the PDF text. */
function groupLines(lines: readonly BodyLine[]): LineGroup[] {
  const groups: LineGroup[] = [];
  for (const line of lines) {
    const last = groups.at(-1);
    if (last && line.blanksBefore === 0) last.push(line);
    else groups.push([line]);
  }
  return groups;
}

function isCaptionGroup(group: readonly BodyLine[]): boolean {
  return group.length <= maxCaptionLines && group.every((line) => isCaptionLike(line.text));
}

/**
 * Turns the lines below an article's title into its subtitle and blocks. The decisions that are
 * guesses (joining a paragraph the page broke, a short line read as a caption or a heading) are
 * each reported, so the editor can check them against the PDF.
 */
export function readArticleBody(path: string, lines: readonly BodyLine[]): ArticleBody {
  const diagnostics: Diagnostic[] = [];
  const warn = (line: number, rule: string, message: string) =>
    diagnostics.push(lineDiagnostic(path, line, 'warning', rule, message));
  const first = lines[0];
  const subtitle = first === undefined ? undefined : subtitleText(first.text);
  const blocks: Block[] = [];
  for (const group of groupLines(subtitle === undefined ? lines : lines.slice(1))) {
    const [head] = group;
    if (head.layout) {
      // A PDF block: the page has already told paragraphs, pictures and page breaks apart.
      blocks.push(layoutBlock(head, head.layout, warn));
      continue;
    }
    const line = head.no;
    const texts = group.map((l) => l.text);
    const previous = blocks.at(-1);
    const picture = head.blanksBefore >= pictureGap;
    if (group.length === 1 && isEnumeratedHeading(head.text)) {
      blocks.push({ kind: 'heading', text: head.text, line });
    } else if (previous?.kind === 'paragraph' && !endsSentence(previous.text) && !(picture && isCaptionGroup(group))) {
      previous.text = joinLines([previous.text, ...texts]);
      warn(
        line,
        'import-page-join',
        `上一段（第 ${previous.line} 行）没有以句末标点结束，判断为跨页断开，已与本段合并为一段。如原文确是两段，请在 “${[...head.text].slice(0, 8).join('')}” 前分段。`,
      );
    } else if (isCaptionGroup(group)) {
      const text = joinLines(texts);
      if (!picture && blocks.length === 0) {
        blocks.push({ kind: 'heading', text, line });
        warn(
          line,
          'import-heading-guess',
          `文章开头的短行 “${text}” 导入为小标题（####）。如它是图片说明，请改为 “图：${text}”。`,
        );
      } else {
        blocks.push({ kind: 'figure', caption: text, line });
        const doubt = picture ? '' : '它前面没有图片留下的空行，也可能是小标题（####）。';
        warn(
          line,
          'import-figure',
          `短行 “${text}” 导入为图片说明 “图：${text}”：原刊此处有图片，请补上图片，改为 ![${text}](图片路径)。${doubt}`,
        );
      }
    } else {
      blocks.push({ kind: 'paragraph', text: joinLines(texts), line });
    }
  }
  rankHeadings(blocks);
  return { ...(subtitle !== undefined ? { subtitle } : {}), blocks, diagnostics };
}

/** Where an article has both `一、` and `（一）` headings, the `（一）` ones are the level below. */
function rankHeadings(blocks: Block[]): void {
  const headings = blocks.filter((block) => block.kind === 'heading');
  if (!headings.some((h) => isTopHeading(h.text)) || !headings.some((h) => isEnumeratedHeading(h.text))) return;
  for (const heading of headings) if (isEnumeratedHeading(heading.text)) heading.depth = 5;
}
