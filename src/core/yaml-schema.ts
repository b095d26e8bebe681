import * as v from 'valibot';
import type { Diagnostic } from '../model.ts';
import { diagnostic } from './diagnostics.ts';
import { parseYamlText, placeOfPath, yamlData, yamlSyntaxDiagnostics, type ParsedYaml, type YamlText } from './yaml.ts';

export type SchemaIssue = v.BaseIssue<unknown>;
export type IssuePath = [v.IssuePathItem, ...v.IssuePathItem[]];

/** The keys of an issue's path, as `Document.getIn` takes them: `[1, 'aliases', 0]`. */
export function issueKeys(issue: SchemaIssue): (string | number)[] {
  return (issue.path ?? []).flatMap((item) =>
    typeof item.key === 'string' || typeof item.key === 'number' ? [item.key] : [],
  );
}

/** A schema issue as a diagnostic at the YAML node it is about. */
export function issueDiagnostic(
  path: string,
  yaml: YamlText,
  issue: SchemaIssue,
  rule: string,
  message = issue.message,
): Diagnostic {
  return diagnostic(path, placeOfPath(yaml, issueKeys(issue)), 'error', rule, message);
}

/** A field the schema requires and the YAML lacks (valibot reports it on the object, at the key). */
export function isMissingKey(issue: SchemaIssue): boolean {
  return issue.kind === 'schema' && issue.type === 'object' && issue.input === undefined && issue.path !== undefined;
}

/** The key a missing-key issue is about, for its message. */
export function missingKey(issue: SchemaIssue): string {
  const key = issue.path?.at(-1)?.key;
  return typeof key === 'string' ? key : '';
}

/**
 * A path for an issue that a table-wide rule raises (`v.rawCheck`), walking `root` along `keys`
 * so that each step carries the value it names, as valibot's own paths do.
 */
export function pathTo(root: readonly unknown[], index: number, ...keys: (string | number)[]): IssuePath {
  const first: v.ArrayPathItem = { type: 'array', origin: 'value', input: root, key: index, value: root[index] };
  const path: IssuePath = [first];
  let current = first.value;
  for (const key of keys) {
    const item: v.IssuePathItem =
      typeof key === 'number' && Array.isArray(current)
        ? { type: 'array', origin: 'value', input: current, key, value: current[key] }
        : typeof key === 'string' && isRecord(current)
          ? { type: 'object', origin: 'value', input: current, key, value: current[key] }
          : { type: 'unknown', origin: 'value', input: current, key, value: undefined };
    path.push(item);
    current = item.value;
  }
  return path;
}

/** A field of YAML data not yet checked, own keys only (`constructor` is no field of `{}`). */
export function fieldOf(data: unknown, key: string): unknown {
  return isRecord(data) && Object.hasOwn(data, key) ? data[key] : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface CheckedList<T> {
  /** The entries that passed their own rules, with their index in the YAML list. */
  entries: { index: number; value: T }[];
  issues: SchemaIssue[];
}

/**
 * Checks a YAML list against its table schema (`v.array(entry)` piped into table-wide rules
 * written with `v.rawCheck`). Valibot runs table-wide rules only when every entry has the right
 * shape; so when one does not, the rules run again over the sound entries, and one broken entry
 * neither hides the others' problems nor takes the good entries down with it.
 */
export function checkList<T>(
  table: v.GenericSchema<unknown, T[]>,
  entry: v.GenericSchema<unknown, T>,
  data: unknown,
): CheckedList<T> {
  const whole = v.safeParse(table, data);
  let entries: { index: number; value: T }[] = [];
  const issues: SchemaIssue[] = [...(whole.issues ?? [])];
  if (whole.typed) {
    entries = whole.output.map((value, index) => ({ index, value }));
  } else if (Array.isArray(data)) {
    const sound = data.flatMap((item: unknown, index) => (v.safeParse(entry, item).typed ? [index] : []));
    const again = v.safeParse(
      table,
      sound.map((index): unknown => data[index]),
    );
    const original = (position: number) => sound[position] ?? position;
    if (again.typed) entries = again.output.map((value, position) => ({ index: original(position), value }));
    for (const issue of again.issues ?? []) {
      if (issue.type !== 'raw_check') continue;
      const [first, ...rest] = issue.path ?? [];
      const key = first?.key;
      issues.push(
        first && typeof key === 'number' ? { ...issue, path: [{ ...first, key: original(key) }, ...rest] } : issue,
      );
    }
  }
  // An entry with a problem of its own is left out; one that only clashes with another stays, so
  // that a duplicate name is one message, not also an unknown column or park everywhere it is used.
  const broken = new Set(issues.filter((issue) => issue.type !== 'raw_check').map((issue) => issueKeys(issue)[0]));
  return { entries: entries.filter(({ index }) => !broken.has(index)), issues: firstPerValue(issues) };
}

/**
 * A value that breaks several rules (0.5 is neither whole nor at least 1) is told the first one:
 * one message per value. A clash with another entry is a problem of its own and always stays.
 */
export function firstPerValue(issues: readonly SchemaIssue[]): SchemaIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    if (issue.type === 'raw_check') return true;
    const key = JSON.stringify(issueKeys(issue));
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface YamlListOptions<T> {
  /** The rule every message of this file carries. */
  rule: string;
  /** The file as messages name it: 栏目表, 园区名录. */
  what: string;
  table: v.GenericSchema<unknown, T[]>;
  entry: v.GenericSchema<unknown, T>;
  /** How a message names an entry (栏目 “工作动态” ); entry messages are written to follow it. */
  nameOf: (entry: unknown) => string;
  /** Whether a file with no list at all (empty, or comments only) is an empty table. */
  emptyIsNone?: boolean;
}

/**
 * Reads a YAML file that is a list of entries: syntax, then the table schema, each problem as
 * a diagnostic at its node. After a syntax error the entries still come from what could be
 * read, so that the issues do not all report unknown columns or parks, but only the syntax
 * errors are told: what else is wrong there mostly follows from them.
 */
export function readYamlList<T>(
  path: string,
  text: string,
  options: YamlListOptions<T>,
): { yaml: ParsedYaml; entries: { index: number; value: T }[]; diagnostics: Diagnostic[] } {
  const { rule, what } = options;
  const yaml = parseYamlText(text);
  const syntax = yamlSyntaxDiagnostics(path, yaml, rule, what);
  const data = yamlData(path, yaml, rule, what);
  if (!data.ok) return { yaml, entries: [], diagnostics: syntax.length > 0 ? syntax : [data.diagnostic] };
  if (data.data === null && options.emptyIsNone) return { yaml, entries: [], diagnostics: syntax };
  const { entries, issues } = checkList(options.table, options.entry, data.data);
  const list: unknown[] = Array.isArray(data.data) ? data.data : [];
  const message = (issue: SchemaIssue) => {
    const [index] = issueKeys(issue);
    return typeof index === 'number' ? `${options.nameOf(list[index])}${issue.message}` : issue.message;
  };
  const diagnostics =
    syntax.length > 0 ? syntax : issues.map((issue) => issueDiagnostic(path, yaml, issue, rule, message(issue)));
  return { yaml, entries, diagnostics };
}
