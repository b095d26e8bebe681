import type { Paragraph, Root } from 'mdast';
import type { VFile } from 'vfile';
import { captionOnlyText, figureParagraphImages } from '../core/content-format.ts';

/** One source line of a block, from its first character that is not a space or a Tab. */
export interface SourceLine {
  /** 1-based. */
  line: number;
  /** 1-based column of `text`'s first character. */
  column: number;
  text: string;
}

const fileLines = new WeakMap<VFile, string[]>();

function linesOf(file: VFile): string[] {
  let lines = fileLines.get(file);
  if (!lines) {
    lines = String(file.value).split('\n');
    fileLines.set(file, lines);
  }
  return lines;
}

/**
 * The source lines a paragraph is written on, each from its first character: what the editor
 * typed at the start of each line, before Markdown read it (a full-width ＃ or a missing blank
 * line shows there, not in the tree). Only for blocks of the file's top level, whose lines hold
 * nothing of an enclosing quote or list.
 */
export function paragraphLines(file: VFile, paragraph: Paragraph): SourceLine[] {
  const start = paragraph.position?.start;
  const end = paragraph.position?.end;
  if (!start || !end) return [];
  const lines = linesOf(file);
  const found: SourceLine[] = [];
  for (let line = start.line; line <= end.line; line++) {
    const source = lines[line - 1] ?? '';
    let at = line === start.line ? start.column - 1 : 0;
    while (source[at] === ' ' || source[at] === '\t') at++;
    const text = line === end.line ? source.slice(at, Math.max(at, end.column - 1)) : source.slice(at);
    found.push({ line, column: at + 1, text });
  }
  return found;
}

/** The paragraphs of the file's top level: what columns, articles and their bodies are made of. */
export function topParagraphs(tree: Root): Paragraph[] {
  return tree.children.filter((node): node is Paragraph => node.type === 'paragraph');
}

/** What a line of a paragraph starts: a caption-only figure (`图：…`), a picture (`![…`), or text. */
export type LineStart = 'caption' | 'picture' | 'text';

export function lineStart(text: string): LineStart {
  if (captionOnlyText(text) !== undefined) return 'caption';
  return text.startsWith('![') ? 'picture' : 'text';
}

/**
 * Two lines of one paragraph that would each be a block of their own with a blank line between:
 * a `图：` caption beside any other line, a picture beside text. `line` is the later of the two.
 */
export interface JoinedLines {
  paragraph: Paragraph;
  before: SourceLine & { starts: LineStart };
  line: SourceLine & { starts: LineStart };
}

const joinedByFile = new WeakMap<VFile, JoinedLines[]>();

/**
 * Every place where a blank line is missing between a caption or a picture and the line next to
 * it (a paragraph of pictures alone is a figure, and fine). Kept per file: two rules ask.
 */
export function joinedLines(file: VFile, tree: Root): JoinedLines[] {
  let joined = joinedByFile.get(file);
  if (joined) return joined;
  joined = [];
  for (const paragraph of topParagraphs(tree)) {
    if (figureParagraphImages(paragraph)) continue;
    const lines = paragraphLines(file, paragraph).map((line) => ({ ...line, starts: lineStart(line.text) }));
    for (let index = 1; index < lines.length; index++) {
      const before = lines[index - 1];
      const line = lines[index];
      if (!before || !line) continue;
      const caption = before.starts === 'caption' || line.starts === 'caption';
      const picture = (before.starts === 'picture') !== (line.starts === 'picture');
      if (caption || picture) joined.push({ paragraph, before, line });
    }
  }
  joinedByFile.set(file, joined);
  return joined;
}

/** A line's text for a message: cut after `max` characters. */
export function excerpt(text: string, max = 30): string {
  const chars = Array.from(text.trim());
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
}
