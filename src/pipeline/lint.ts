import type { Heading, InlineCode, Root, Text } from 'mdast';
import { unified, type Pluggable } from 'unified';
import { lintRule } from 'unified-lint-rule';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { location, type Location } from 'vfile-location';
import { visit } from 'unist-util-visit';
import { ruleSource } from '../core/diagnostics.ts';
import type { Severity } from '../model.ts';
import type { SectionTable } from './section-kinds.ts';
import type { IssueDraft } from './structure.ts';
import { InvariantError } from '../core/errors.ts';
import { noMedia, type IssueMedia } from './media/examine.ts';

declare module 'vfile' {
  interface DataMap {
    /** The issue's body grouped into columns and articles, for the lint rules. */
    issueDraft: IssueDraft;
    /** The archive's column table, for rules that name the known columns. */
    sectionTable: SectionTable;
    /** The issue's pictures and original as found on disk, for the media rules. */
    issueMedia: IssueMedia;
  }
}

/**
 * A content rule, remark-lint style: an id, a default severity, and a unified plugin made with
 * unified-lint-rule that reports through `file.message`, with positions taken from the nodes. The
 * draft and the column table come in `file.data`.
 */
export interface LintRule {
  readonly id: string;
  readonly severity: Severity;
  /** The plugin with its configuration (severity label and options), ready for `unified().use`. */
  readonly pluggable: Pluggable;
}

/**
 * What a rule's check receives: the tree, the file (for `message` and `data`), the draft, the
 * column table and the issue's media.
 */
export interface RuleContext {
  tree: Root;
  file: VFile;
  draft: IssueDraft;
  table: SectionTable;
  media: IssueMedia;
}

function rulePlugin<Options>(id: string, check: (context: RuleContext, options: Options) => void) {
  return lintRule<Root, Options>({ origin: `${ruleSource}:${id}` }, (tree, file, options) => {
    const { issueDraft, sectionTable, issueMedia } = file.data;
    if (!issueDraft || !sectionTable) throw new InvariantError(`rule ${id} ran without an issue draft`);
    check({ tree, file, draft: issueDraft, table: sectionTable, media: issueMedia ?? noMedia }, options);
  });
}

const label = (severity: Severity) => (severity === 'error' ? 'error' : 'warn');

export function defineRule(id: string, severity: Severity, check: (context: RuleContext) => void): LintRule {
  return { id, severity, pluggable: [rulePlugin<undefined>(id, check), [label(severity)]] };
}

/** A rule that needs options (an enrichment's matcher, say): configure it to get the rule. */
export function defineConfigurableRule<Options>(
  id: string,
  severity: Severity,
  check: (context: RuleContext, options: Options) => void,
): { id: string; severity: Severity; configure(options: Options): LintRule } {
  const plugin = rulePlugin(id, check);
  return { id, severity, configure: (options) => ({ id, severity, pluggable: [plugin, [label(severity), options]] }) };
}

const processors = new WeakMap<readonly LintRule[], ReturnType<typeof unified>>();

/**
 * Runs the rules over one issue; messages land on `file`, errors as fatal. Without `media` (text
 * alone, as in tests of the text rules) the media rules find nothing to check.
 */
export function lintIssue(
  tree: Root,
  file: VFile,
  draft: IssueDraft,
  table: SectionTable,
  rules: readonly LintRule[],
  media: IssueMedia = noMedia,
): void {
  let processor = processors.get(rules);
  if (!processor) {
    processor = unified()
      .use(rules.map((rule) => rule.pluggable))
      .freeze();
    processors.set(rules, processor);
  }
  file.data.issueDraft = draft;
  file.data.sectionTable = table;
  file.data.issueMedia = media;
  processor.runSync(tree, file);
}

/**
 * The point in the file of a character of a heading's text (as `toString` gives it): text nodes
 * carry their own positions, so extra spaces after `###` or inline markup before the character
 * do not shift it. Falls back to the heading's start.
 */
export function pointInHeading(file: VFile, heading: Heading, offset: number): Point | undefined {
  let seen = 0;
  const texts: (Text | InlineCode)[] = [];
  visit(heading, (node) => {
    if (node.type === 'text' || node.type === 'inlineCode') texts.push(node);
  });
  for (const text of texts) {
    if (offset < seen + text.value.length) return pointInText(file, text, offset - seen);
    seen += text.value.length;
  }
  return heading.position?.start;
}

const locations = new WeakMap<VFile, Location>();

/**
 * The point of a character inside a text node; exact where the text has no escapes or entities.
 * Where the tree's offsets are offsets into this file, the file's own line table gives it (a
 * soft-wrapped paragraph's text drops the indentation of its later lines), by binary search: a
 * long line with many findings would cost its length per finding if the text were sliced. Else
 * the node's column plus the offset on its first line, counted lines below it.
 */
export function pointInText(file: VFile, text: Text | InlineCode, offset: number): Point | undefined {
  const start = text.position?.start;
  if (!start) return undefined;
  let lines = locations.get(file);
  if (!lines) {
    lines = location(file);
    locations.set(file, lines);
  }
  const begins = start.offset === undefined ? undefined : lines.toPoint(start.offset);
  if (start.offset !== undefined && begins?.line === start.line && begins.column === start.column) {
    return lines.toPoint(start.offset + offset);
  }
  const before = text.value.slice(0, offset);
  const lineBreak = before.lastIndexOf('\n');
  if (lineBreak < 0) return { line: start.line, column: start.column + before.length };
  return { line: start.line + before.split('\n').length - 1, column: before.length - lineBreak };
}
