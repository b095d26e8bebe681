import type { Diagnostic, Severity } from '../model.ts';

/** A place in a source file; lines and columns count from 1. */
export interface Place {
  line: number;
  column: number;
}

export const fileStart: Place = { line: 1, column: 1 };

export function diagnostic(
  path: string,
  place: Place,
  severity: Severity,
  rule: string,
  message: string,
): Diagnostic {
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
