import type { Diagnostic } from '../model.ts';
import { compareDiagnostics, hasErrors } from '../core/diagnostics.ts';
import type { Masthead } from '../pipeline/masthead.ts';
import type { SectionTable } from '../pipeline/section-kinds.ts';
import { readBodyLines } from './body-lines.ts';
import { readContents } from './contents.ts';
import { decodeInput, toSourceLines, type InputEncoding } from './decode-input.ts';
import { issueMarkdown } from './markdown.ts';
import { readPrintedMasthead } from './masthead.ts';
import { buildOutline, type Outline } from './outline.ts';
import { lineDiagnostic } from './text.ts';

export interface ImportResult {
  /** Present unless the masthead could not be read: without it the file has no place in the archive. */
  markdown?: string;
  masthead?: Masthead;
  outline?: Outline;
  encoding?: InputEncoding;
  /** Sorted by line; warnings are the importer's guesses, errors stop the import. */
  diagnostics: Diagnostic[];
}

/**
 * The whole import: decode → masthead → contents → body lines → columns and articles → Markdown.
 * `path` is how messages name the input file.
 */
export function importBulletin(path: string, bytes: Uint8Array, table: SectionTable): ImportResult {
  const decoded = decodeInput(bytes);
  if (!decoded.ok) return { diagnostics: [lineDiagnostic(path, 1, 'error', 'import-encoding', decoded.message)] };
  const lines = toSourceLines(decoded.text);
  const head = readPrintedMasthead(path, lines);
  if (!head.masthead || hasErrors(head.diagnostics))
    return { encoding: decoded.encoding, diagnostics: head.diagnostics };
  const contents = readContents(path, lines, head.end);
  const body = readBodyLines(path, lines, contents.end, head.masthead.series);
  const outline = buildOutline(path, body.lines, contents.articles, table);
  const diagnostics = [...head.diagnostics, ...contents.diagnostics, ...body.diagnostics, ...outline.diagnostics].sort(
    compareDiagnostics,
  );
  return {
    markdown: issueMarkdown(head.masthead, outline),
    masthead: head.masthead,
    outline,
    encoding: decoded.encoding,
    diagnostics,
  };
}
