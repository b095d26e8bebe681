import { VFile } from 'vfile';
import {
  diagnostic,
  diagnosticsOf,
  fileStart,
  hasErrors,
  mergeRepeatedWarnings,
  type Place,
} from '../core/diagnostics.ts';
import type { MastheadField } from '../core/content-format.ts';
import { isStackOverflow } from '../core/errors.ts';
import type { Diagnostic, Issue } from '../model.ts';
import { assembleIssue } from './assemble.ts';
import { decodeSource } from './decode.ts';
import type { Enrichment } from './enrichment.ts';
import { lintIssue, type LintRule } from './lint.ts';
import { examineMedia } from './media/examine.ts';
import { readMasthead, type Masthead } from './masthead.ts';
import { checkParseBounds } from './parse-bounds.ts';
import { parseSource } from './parse.ts';
import { issueRules } from './rules/index.ts';
import type { SectionTable } from './section-kinds.ts';
import { structureIssue } from './structure.ts';

export interface IssueFileResult {
  /** Present only when the file has no error. */
  issue?: Issue;
  /**
   * The pictures and original the result was made from, and where they were looked for in vain
   * (absolute paths): a cache of the result is good while these are as they were.
   */
  mediaFiles?: readonly string[];
  /** Present when the masthead could be read, even if the body has errors: archive rules need it. */
  masthead?: Masthead;
  places: Partial<Record<MastheadField, Place>>;
  diagnostics: Diagnostic[];
}

/**
 * What every issue file is checked and enriched with: the archive's column table and enrichments,
 * and where the content folder is on disk (pictures and originals are found inside it).
 */
export interface IssueContext {
  table: SectionTable;
  enrichments: readonly Enrichment[];
  contentDir: string;
}

/** The pipeline's rules and each enrichment's, as one list (kept per enrichment list: lint caches by list). */
const rulesByEnrichments = new WeakMap<readonly Enrichment[], readonly LintRule[]>();

function rulesFor(enrichments: readonly Enrichment[]): readonly LintRule[] {
  let rules = rulesByEnrichments.get(enrichments);
  if (!rules) {
    rules = [...issueRules, ...enrichments.flatMap((enrichment) => enrichment.rules)];
    rulesByEnrichments.set(enrichments, rules);
  }
  return rules;
}

/**
 * The per-file pipeline: decode → bounds of the parser's work → parse → masthead and structure →
 * media (the pictures' and the original's files examined) → lint rules → assemble (with the
 * enrichments). `path` is how messages name the file; `sourcePath` is its path inside the content
 * folder. Never throws for bad content: a file whose processing still runs out of stack is an
 * error of its own, and the other files are checked.
 */
export async function processIssueFile(
  path: string,
  sourcePath: string,
  bytes: Uint8Array,
  context: IssueContext,
): Promise<IssueFileResult> {
  try {
    return await processWithinBounds(path, sourcePath, bytes, context);
  } catch (error) {
    if (!isStackOverflow(error)) throw error;
    const message =
      '这一期的文件结构太复杂，检查时超出了程序的处理能力（调用栈溢出），这一期不再往下检查。' +
      '请减少引用（>）、列表、强调或链接的嵌套，或把过长的段落拆开。';
    return { places: {}, diagnostics: [diagnostic(path, fileStart, 'error', 'file-too-complex', message)] };
  }
}

async function processWithinBounds(
  path: string,
  sourcePath: string,
  bytes: Uint8Array,
  context: IssueContext,
): Promise<IssueFileResult> {
  const decoded = decodeSource(path, bytes);
  if (!decoded.ok) return { places: {}, diagnostics: [decoded.diagnostic] };
  const beyond = checkParseBounds(path, decoded.text);
  if (beyond) return { places: {}, diagnostics: [beyond] };
  const parsed = parseSource(path, decoded.text);
  if (!parsed.ok) return { places: {}, diagnostics: parsed.diagnostics };
  const { frontMatter, frontMatterLines, tree } = parsed.source;
  const { masthead, places, diagnostics: mastheadDiagnostics } = readMasthead(path, frontMatter, frontMatterLines);
  const draft = structureIssue(tree, context.table);
  const media = await examineMedia({
    path,
    sourcePath,
    contentDir: context.contentDir,
    tree,
    frontMatter,
    frontMatterLines,
  });
  const file = new VFile({ path, value: decoded.text });
  lintIssue(tree, file, draft, context.table, rulesFor(context.enrichments), media);
  const diagnostics = mergeRepeatedWarnings([...mastheadDiagnostics, ...media.diagnostics, ...diagnosticsOf(file)]);
  const mediaFiles = media.files;
  if (!masthead || hasErrors(diagnostics))
    return { ...(masthead ? { masthead } : {}), mediaFiles, places, diagnostics };
  const issue = assembleIssue(draft, masthead, sourcePath, context.enrichments, media);
  return { issue, mediaFiles, masthead, places, diagnostics };
}
