import type { Diagnostic, Severity } from '../model.ts';
import { diagnostic } from '../core/diagnostics.ts';
import { isWide } from '../core/wide-chars.ts';
import type { LineLayout } from './layout-hints.ts';

/** Text rules shared by the import steps: what counts as wide, punctuated, or the end of a sentence. */

/**
 * One line of the input as the editor sees it in a text editor: numbered from 1. A PDF's text
 * block is one line, with what its page showed in `layout`.
 */
export interface SourceLine {
  no: number;
  text: string;
  layout?: LineLayout;
}

/**
 * Joins lines the PDF broke: between Chinese characters a line break is only layout and vanishes
 * (the pipeline treats soft breaks the same way), between Latin words it was a space.
 */
export function joinLines(lines: readonly string[]): string {
  return lines
    .map((line) => line.trim())
    .reduce((joined, line) => {
      if (joined === '') return line;
      return isWide(joined.slice(-1)) || isWide(line.charAt(0)) ? joined + line : `${joined} ${line}`;
    }, '');
}

/** A space between two Chinese characters in a title is where the PDF broke the line, not the author's. */
export function removeSpacesBetweenWide(text: string): string {
  return text.replace(/(\S)\s+(?=(\S))/gu, (whole, before: string, after: string) =>
    isWide(before) && isWide(after) ? before : whole,
  );
}

/** The form two titles are compared in: width variants folded (NFKC), all whitespace gone. */
export function matchKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** Half-width and full-width digits alike. */
export function parseDigits(text: string): number {
  return Number(text.normalize('NFKC'));
}

const sentenceEnd = /[。！？!?…；;：:][”’」』）)》"']*$/;

/** True when the line closes a sentence, so a paragraph may end there. */
export function endsSentence(text: string): boolean {
  return sentenceEnd.test(text.trim());
}

const clausePunctuation = /[，。、；：？！,;:!?]/;

export function hasClausePunctuation(text: string): boolean {
  return clausePunctuation.test(text);
}

/** A dash of any width, as PDFs print page numbers `- 3 -`, `‐ 3 ‐`, `－3－` or `— 3 —`. */
export const dash = '[-‐‑‒–—―－]';

/** A finding tied to an input line; the importer's messages all point at the text the editor gave. */
export function lineDiagnostic(
  path: string,
  line: number,
  severity: Severity,
  rule: string,
  message: string,
): Diagnostic {
  return diagnostic(path, { line, column: 1 }, severity, rule, message);
}
