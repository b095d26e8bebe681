import type { Diagnostic } from '../model.ts';
import { compareDiagnostics } from '../core/diagnostics.ts';
import { issueFileText } from '../core/content-format.ts';
import { InvariantError } from '../core/errors.ts';
import type { Masthead } from '../pipeline/masthead.ts';
import { issueFileReader } from '../pipeline/parse.ts';
import { issueNodes, type WrittenMediaFields, type WrittenNode } from './markdown.ts';
import type { Outline } from './outline.ts';

export interface WrittenIssue {
  markdown: string;
  /** The written file's line for an input line (see `writtenLines`). */
  lineOf: (inputLine: number) => number;
}

/** The issue file of a laid-out source, and where each of its input lines landed in it. */
export function writeIssueFile(masthead: Masthead, outline: Outline, media: WrittenMediaFields = {}): WrittenIssue {
  const nodes = issueNodes(masthead, outline, media);
  const markdown = issueFileText(nodes.map((written) => written.node));
  return { markdown, lineOf: writtenLines(nodes, markdown) };
}

/**
 * Where each input line landed in the written issue file: the first line of the block written
 * from it, or of the last block written from an earlier line (a contents line, a dropped page
 * header). The file is read back rather than its lines counted, so remark's own line breaks and
 * escapes cannot put a message one line off.
 */
export function writtenLines(nodes: readonly WrittenNode[], markdown: string): (inputLine: number) => number {
  const children = issueFileReader.parse(markdown).children;
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

/** The findings of an import that wrote nothing: they can only point at the input as a whole. */
export function atInputStart(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => ({ ...d, line: 1, column: 1 })).sort(compareDiagnostics);
}
