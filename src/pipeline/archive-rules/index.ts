import { cumulativeOrder } from './cumulative-order.ts';
import { duplicateCumulativeNumber } from './duplicate-cumulative-number.ts';
import { duplicateIssue } from './duplicate-issue.ts';
import type { ArchiveRule, ArchiveRuleContext, IssueEntry } from './entries.ts';
import { fileName } from './file-name.ts';
import { seriesDiffers } from './series-differs.ts';
import type { Diagnostic } from '../../model.ts';

export type { ArchiveRule, IssueEntry } from './entries.ts';

/** The rules over the whole archive, run once every file is read. */
export const archiveRules: readonly ArchiveRule[] = [
  fileName,
  duplicateIssue,
  duplicateCumulativeNumber,
  cumulativeOrder,
  seriesDiffers,
];

export function checkArchive(entries: readonly IssueEntry[], context: ArchiveRuleContext): Diagnostic[] {
  return archiveRules.flatMap((rule) => rule.check(entries, context));
}
