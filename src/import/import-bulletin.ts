import type { Diagnostic } from '../model.ts';
import type { Masthead } from '../pipeline/masthead.ts';
import type { SectionTable } from '../pipeline/section-kinds.ts';
import { decodeInput, toSourceLines, type InputEncoding } from './decode-input.ts';
import { issueMarkdown } from './markdown.ts';
import { readIssueStructure } from './issue-structure.ts';
import type { Outline } from './outline.ts';
import { lineDiagnostic } from './text.ts';

export interface ImportResult {
  /** Present unless the masthead could not be read: without it the file has no place in the archive. */
  markdown?: string;
  masthead?: Masthead;
  outline?: Outline;
  encoding?: InputEncoding;
  /**
   * What the diagnostics' lines count: the input's lines (a text file the editor has open), or,
   * for an input without lines of its own (a PDF), the written issue file's; the command then
   * names that file in them.
   */
  linesIn?: 'input' | 'markdown';
  /** Sorted by line; warnings are the importer's guesses, errors stop the import. */
  diagnostics: Diagnostic[];
}

/**
 * The whole import of a text: decode, then the shared structure steps, then Markdown.
 * `path` is how messages name the input file.
 */
export function importBulletin(path: string, bytes: Uint8Array, table: SectionTable): ImportResult {
  const decoded = decodeInput(bytes);
  if (!decoded.ok) return { diagnostics: [lineDiagnostic(path, 1, 'error', 'import-encoding', decoded.message)] };
  const { masthead, outline, diagnostics } = readIssueStructure(path, toSourceLines(decoded.text), table);
  if (!masthead || !outline) return { encoding: decoded.encoding, diagnostics };
  return { markdown: issueMarkdown(masthead, outline), masthead, outline, encoding: decoded.encoding, diagnostics };
}
