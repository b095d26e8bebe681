import type { Diagnostic, Issue } from '../model.ts';
import { emptyGazetteer, type Gazetteer } from '../parks/gazetteer.ts';
import { hasErrors, type Place } from '../core/diagnostics.ts';
import { assembleIssue } from './assemble.ts';
import { decodeSource } from './decode.ts';
import { readMasthead, type Masthead } from './masthead.ts';
import { parseSource } from './parse.ts';
import type { SectionTable } from './section-kinds.ts';
import { structureIssue } from './structure.ts';
import { validateIssueDraft } from './validate.ts';

export interface IssueFileResult {
  /** Present only when the file has no error. */
  issue?: Issue;
  /** Present when the masthead could be read, even if the body has errors: archive rules need it. */
  masthead?: Masthead;
  places: Partial<Record<keyof Masthead, Place>>;
  diagnostics: Diagnostic[];
}

/**
 * The per-file pipeline: decode → parse → masthead and structure → validate → assemble.
 * `path` is how messages name the file; `sourcePath` is its path inside the content folder.
 */
export function processIssueFile(path: string, sourcePath: string, bytes: Uint8Array, table: SectionTable, parks: Gazetteer = emptyGazetteer): IssueFileResult {
  const decoded = decodeSource(path, bytes);
  if (!decoded.ok) return { places: {}, diagnostics: [decoded.diagnostic] };
  const parsed = parseSource(path, decoded.text);
  if (!parsed.ok) return { places: {}, diagnostics: parsed.diagnostics };
  const { frontMatter, frontMatterLines, tree } = parsed.source;
  const { masthead, places, diagnostics: mastheadDiagnostics } = readMasthead(path, frontMatter, frontMatterLines);
  const { draft, diagnostics: structureDiagnostics } = structureIssue(path, tree, table);
  const diagnostics = [...mastheadDiagnostics, ...structureDiagnostics, ...validateIssueDraft(draft, parks.tracked ? parks.matcher : undefined)];
  if (draft.sections.length === 0 && !hasErrors(diagnostics)) {
    diagnostics.push({ path, line: tree.position?.end.line ?? 1, column: 1, severity: 'error', rule: 'no-sections', message: '本期没有任何栏目和文章：请用 “## 栏目名称” 和 “### 文章标题” 写入正文。' });
  }
  if (!masthead || hasErrors(diagnostics)) return { masthead, places, diagnostics };
  return { issue: assembleIssue(draft, masthead, sourcePath, parks.matcher), masthead, places, diagnostics };
}
