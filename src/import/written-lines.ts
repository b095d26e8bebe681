import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Diagnostic } from '../model.ts';
import { InvariantError } from '../core/errors.ts';
import type { WrittenNode } from './markdown.ts';

const reader = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze();

/**
 * Where each input line landed in the written issue file: the first line of the block written
 * from it, or of the last block written from an earlier line (a contents line, a dropped page
 * header). The file is read back rather than its lines counted, so remark's own line breaks and
 * escapes cannot put a message one line off.
 */
export function writtenLines(nodes: readonly WrittenNode[], markdown: string): (inputLine: number) => number {
  const children = reader.parse(markdown).children;
  if (children.length !== nodes.length)
    throw new InvariantError(`the issue file reads back as ${children.length} blocks, written as ${nodes.length}`);
  const starts: { input: number; written: number }[] = [];
  const seen = new Set<number>();
  nodes.forEach((written, index) => {
    const line = children[index]?.position?.start.line;
    // A title and its subtitle come from one line: the title is where it landed.
    if (written.line === undefined || line === undefined || seen.has(written.line)) return;
    seen.add(written.line);
    starts.push({ input: written.line, written: line });
  });
  starts.sort((a, b) => a.input - b.input);
  return (inputLine) => {
    let found = 1;
    for (const start of starts) {
      if (start.input > inputLine) break;
      found = start.written;
    }
    return found;
  };
}

/** The same findings, at the lines of the written file. */
export function atWrittenLines(
  diagnostics: readonly Diagnostic[],
  lineOf: (inputLine: number) => number,
): Diagnostic[] {
  return diagnostics.map((d) => ({ ...d, line: lineOf(d.line), column: 1 }));
}
