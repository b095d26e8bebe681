import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { Diagnostic, Severity } from '../model.ts';
import { InvariantError } from './errors.ts';

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

/** Beyond this many, a list of lines names the first ones and how many more there are. */
const listedLines = 20;

/** `第 12、30、41 行`: the lines, in order and each once, for a message that stands for them all. */
export function linesText(lines: readonly number[]): string {
  const unique = [...new Set(lines)].sort((a, b) => a - b);
  const shown = unique.slice(0, listedLines).join('、');
  return unique.length > listedLines ? `第 ${shown} 行等 ${unique.length} 行` : `第 ${shown} 行`;
}

/** What a message that stands for several places adds: `本期共 3 处：第 12、30、41 行。` */
export function repeatsText(lines: readonly number[]): string {
  return lines.length > 1 ? `本期共 ${lines.length} 处：${linesText(lines)}。` : '';
}

/**
 * One warning for each repeated one: the same rule with the same message at several places of a
 * file is told once, at the first place, with all its lines. The advice is the same for each, and
 * a file that repeats a mistake hundreds of times would bury everything else in copies. Errors
 * are kept each: a build does not pass until each place is fixed, and an editor goes to each.
 */
export function mergeRepeatedWarnings(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const groups = new Map<string, Diagnostic[]>();
  const merged: (Diagnostic | Diagnostic[])[] = [];
  for (const d of diagnostics) {
    if (d.severity !== 'warning') {
      merged.push(d);
      continue;
    }
    const key = `${d.path}\u0000${d.rule}\u0000${d.message}`;
    const group = groups.get(key);
    if (group) group.push(d);
    else {
      const started = [d];
      groups.set(key, started);
      merged.push(started);
    }
  }
  return merged.map((entry) => {
    if (!Array.isArray(entry)) return entry;
    const [first, ...rest] = [...entry].sort(compareDiagnostics);
    if (!first) throw new InvariantError('an empty group of warnings');
    if (rest.length === 0) return first;
    return { ...first, message: `${first.message}${repeatsText(entry.map((d) => d.line))}` };
  });
}

/** The `source` of every message this project makes (unified's convention: the rule set's name). */
export const ruleSource = 'bulletin';
