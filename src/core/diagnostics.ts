import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { Diagnostic, Severity } from '../model.ts';

/** A place in a source file; lines and columns count from 1. */
export interface Place {
  line: number;
  column: number;
}

export const fileStart: Place = { line: 1, column: 1 };

export function diagnostic(path: string, place: Place, severity: Severity, rule: string, message: string): Diagnostic {
  return { path, line: place.line, column: place.column, severity, rule, message };
}

/** The form editors and editor integrations read: `path:line:col  error  message  (rule-id)`. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.path}:${d.line}:${d.column}  ${d.severity}  ${d.message}  (${d.rule})`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.path.localeCompare(b.path) || a.line - b.line || a.column - b.column;
}

/**
 * The archive's form of a vfile message. Rules report with `file.message()` (unified's way, with
 * the place taken from the node); the archive keeps plain objects: they are cached per file
 * across preview reloads, printed, compared in tests and serialised, which Error-derived
 * `VFileMessage`s are not made for. A message without a rule id is a bug in a rule, so it shows.
 */
export function diagnosticOf(message: VFileMessage, path: string): Diagnostic {
  const place = { line: message.line ?? 1, column: message.column ?? 1 };
  return diagnostic(path, place, message.fatal ? 'error' : 'warning', message.ruleId ?? 'unknown-rule', message.reason);
}

/** Every message on the file, in the archive's form. */
export function diagnosticsOf(file: VFile): Diagnostic[] {
  return file.messages.map((message) => diagnosticOf(message, file.path));
}

/** The `source` of every message this project makes (unified's convention: the rule set's name). */
export const ruleSource = 'bulletin';
