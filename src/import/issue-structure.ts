import type { Diagnostic } from '../model.ts';
import { compareDiagnostics, hasErrors } from '../core/diagnostics.ts';
import type { Masthead } from '../pipeline/masthead.ts';
import type { SectionTable } from '../pipeline/section-kinds.ts';
import { readBodyLines } from './body-lines.ts';
import { readContents } from './contents.ts';
import { readPrintedMasthead } from './masthead.ts';
import { buildOutline, type Outline } from './outline.ts';
import type { SourceLine } from './text.ts';

export interface IssueStructure {
  /** Absent when the masthead could not be read (the errors say why); then there is no outline either. */
  masthead?: Masthead;
  outline?: Outline;
  /** Sorted by line. */
  diagnostics: Diagnostic[];
}

/**
 * The structure steps every importer shares, on numbered lines (a text file's, or a PDF's blocks
 * with their layout): masthead → contents → body lines → columns and articles.
 */
export function readIssueStructure(path: string, lines: readonly SourceLine[], table: SectionTable): IssueStructure {
  const head = readPrintedMasthead(path, lines);
  if (!head.masthead || hasErrors(head.diagnostics)) return { diagnostics: head.diagnostics };
  const contents = readContents(path, lines, head.end);
  const body = readBodyLines(path, lines, contents.end, head.masthead.series);
  const outline = buildOutline(path, body.lines, contents.articles, table);
  const diagnostics = [...head.diagnostics, ...contents.diagnostics, ...body.diagnostics, ...outline.diagnostics].sort(
    compareDiagnostics,
  );
  return { masthead: head.masthead, outline, diagnostics };
}
