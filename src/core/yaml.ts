import {
  isAlias,
  isCollection,
  isMap,
  isScalar,
  LineCounter,
  parseDocument,
  Scalar,
  visit,
  Document,
  YAMLParseError,
  type YAMLError,
} from 'yaml';
import { isStackOverflow } from './errors.ts';
import type { Diagnostic } from '../model.ts';
import { diagnostic, fileStart, type Place } from './diagnostics.ts';
import { explainYamlError, yamlErrorText } from './yaml-errors.ts';

/** Offsets in a YAML text → line and column in its file. A `LineCounter` is one. */
export type YamlLines = Pick<LineCounter, 'linePos'>;

/** A parsed YAML text and how to place its nodes in the file it came from. */
export interface YamlText {
  document: Document;
  lines: YamlLines;
  /** Where the YAML begins in the file: the opening `---` of front matter, or the file's start. */
  start: Place;
}

/** As parsed, with its text: syntax messages read the line an error is on. */
export interface ParsedYaml extends YamlText {
  text: string;
  /** Offsets in `text` → lines of `text` (not of the file), to find an error's line. */
  ownLines: LineCounter;
}

/**
 * Parses YAML that starts at line `firstLine` of its file, column 1 (front matter starts on the
 * line after its `---`), so that every place it reports is a place in the file.
 */
export function parseYamlText(
  text: string,
  { firstLine = 1, start = fileStart }: { firstLine?: number; start?: Place } = {},
): ParsedYaml {
  const counter = new LineCounter();
  const document = parseOrExhausted(text, counter);
  const lines: YamlLines =
    firstLine === 1
      ? counter
      : {
          linePos: (offset) => {
            const { line, col } = counter.linePos(offset);
            return { line: line + firstLine - 1, col };
          },
        };
  return { document, lines, start, text, ownLines: counter };
}

/**
 * The yaml package turns a stack overflow while composing into a RESOURCE_EXHAUSTION error, but
 * its parser proper can still overflow on a few thousand nested levels: that becomes the same
 * error, on the first line, instead of a crash of the command.
 */
function parseOrExhausted(text: string, counter: LineCounter): Document {
  try {
    return parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  } catch (error) {
    if (!isStackOverflow(error)) throw error;
    counter.addNewLine(0);
    const document = new Document(null);
    document.errors.push(new YAMLParseError([0, 0], 'RESOURCE_EXHAUSTION', 'Maximum call stack size exceeded'));
    return document;
  }
}

function placeOfOffset(lines: YamlLines, offset: number): Place {
  // linePos answers line 0 for an offset before the first line start it was told of.
  const { line, col } = lines.linePos(offset);
  return { line: Math.max(line, 1), column: Math.max(col, 1) };
}

/**
 * Where the value at `keys` is written. A value that is missing is placed at the entry that
 * should hold it; a field missing from the top level at the start of the YAML (for front matter
 * its `---`, where the block begins, rather than its first field).
 */
export function placeOfPath(yaml: YamlText, keys: readonly (string | number)[]): Place {
  if (keys.length === 0) return nodePlace(yaml, yaml.document.contents) ?? yaml.start;
  for (let length = keys.length; length > 0; length--) {
    const place = nodePlace(yaml, yaml.document.getIn(keys.slice(0, length), true));
    if (place) return place;
  }
  return yaml.start;
}

/** Where a key itself is written (for a field that should not be there), else its value's place. */
export function placeOfKey(yaml: YamlText, parentKeys: readonly (string | number)[], key: string): Place {
  const parent = parentKeys.length === 0 ? yaml.document.contents : yaml.document.getIn(parentKeys, true);
  const pair = isMap(parent) ? parent.items.find((item) => keyText(item.key) === key) : undefined;
  return nodePlace(yaml, pair?.key) ?? placeOfPath(yaml, [...parentKeys, key]);
}

/** A map key as the editor wrote it: `year`, `1`, or the YAML of a key that is a list. */
export function keyText(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  if (isCollection(key)) return key.toString().trim();
  return typeof key === 'string' || typeof key === 'number' || typeof key === 'boolean' ? String(key) : '';
}

function nodePlace(yaml: YamlText, node: unknown): Place | undefined {
  const offset = isAlias(node) || isScalar(node) || isCollection(node) ? node.range?.[0] : undefined;
  return offset === undefined ? undefined : placeOfOffset(yaml.lines, offset);
}

/**
 * The YAML's syntax errors in Chinese, `what` naming the table (刊头信息, 栏目表, 园区名录). One
 * mistake often trips several errors on its line; one per line is told, an unclosed quote or
 * bracket first, since the others on its line follow from it.
 */
export function yamlSyntaxDiagnostics(path: string, yaml: ParsedYaml, rule: string, what: string): Diagnostic[] {
  const placed = yaml.document.errors.map((error) => ({ error, place: errorPlace(yaml, error) }));
  const first = new Map<number, (typeof placed)[number]>();
  for (const entry of [...placed.filter((p) => opens(p.error)), ...placed.filter((p) => !opens(p.error))]) {
    if (!first.has(entry.place.line)) first.set(entry.place.line, entry);
  }
  return placed
    .filter((entry) => first.get(entry.place.line) === entry)
    .map(({ error, place }) => {
      // An unclosed bracket or quote is placed where it opened, not on the line the parser read.
      const { text, column } = explainYamlError(error, opens(error) ? '' : lineAt(yaml, error.pos[0]));
      return diagnostic(
        path,
        { line: place.line, column: column ?? place.column },
        'error',
        rule,
        `${what}的 YAML 写法有误：${text}`,
      );
    });
}

function lineAt(yaml: ParsedYaml, offset: number): string {
  const { line } = yaml.ownLines.linePos(offset);
  const start = yaml.ownLines.lineStarts[line - 1] ?? 0;
  const end = yaml.text.indexOf('\n', start);
  return yaml.text.slice(start, end === -1 ? undefined : end);
}

/** The bracket or quote an error says was left open, if any. */
function opens(error: YAMLError): 'bracket' | '"' | "'" | undefined {
  if (/end with a [\]}]/.test(error.message)) return 'bracket';
  const quote = /closing ("|')quote/.exec(error.message)?.[1];
  return quote === '"' || quote === "'" ? quote : undefined;
}

/**
 * The library notices an unclosed bracket or quote where the text ends; the editor fixes it
 * where it was opened, so those errors point at the opening bracket or quote.
 */
function errorPlace(yaml: YamlText, error: YAMLError): Place {
  const offset = error.pos[0];
  const open = opens(error);
  if (open) {
    let opening: number | undefined;
    visit(yaml.document, {
      Node: (_key, node) => {
        const range = node.range;
        if (!range || range[1] !== offset) return;
        const matches =
          open === 'bracket'
            ? isCollection(node) && node.flow === true
            : isScalar(node) && node.type === (open === '"' ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE);
        if (matches && (opening === undefined || range[0] > opening)) opening = range[0];
      },
    });
    if (opening !== undefined) return placeOfOffset(yaml.lines, opening);
  }
  return placeOfOffset(yaml.lines, offset);
}

export type YamlData = { ok: true; data: unknown } | { ok: false; diagnostic: Diagnostic };

/**
 * The YAML as plain data for a schema. Aliases are resolved here, and an alias without its
 * anchor, or aliases nested into a huge value, throw: that becomes a message, not a crash.
 */
export function yamlData(path: string, yaml: YamlText, rule: string, what: string): YamlData {
  try {
    return { ok: true, data: yaml.document.toJS() };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unresolved = /Unresolved alias/.test(message);
    const text = unresolved
      ? '引用（*名称）找不到同名的锚点（&名称）：这些表格用不到 & 和 *；如果 * 是文字的一部分，请给整个值加上引号。'
      : yamlErrorText({ code: 'RESOURCE_EXHAUSTION', message });
    return {
      ok: false,
      diagnostic: diagnostic(
        path,
        firstAlias(yaml, unresolved) ?? yaml.start,
        'error',
        rule,
        `${what}的 YAML 写法有误：${text}`,
      ),
    };
  }
}

function firstAlias(yaml: YamlText, unresolvedOnly: boolean): Place | undefined {
  let place: Place | undefined;
  visit(yaml.document, {
    Alias: (_key, node) => {
      if (unresolvedOnly && node.resolve(yaml.document) !== undefined) return undefined;
      place = nodePlace(yaml, node);
      return visit.BREAK;
    },
  });
  return place;
}
