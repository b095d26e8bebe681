import { issueId } from '../../core/content-format.ts';
import { diagnostic } from '../../core/diagnostics.ts';
import type { Diagnostic } from '../../model.ts';
import { byPath, fieldPlace, type ArchiveRule, type IssueEntry } from './entries.ts';

/** One issue (year and number) in two files: readers would get one of them at random. */
export const duplicateIssue: ArchiveRule = {
  id: 'duplicate-issue',
  severity: 'error',
  check: (entries) => {
    const diagnostics: Diagnostic[] = [];
    const first = new Map<string, IssueEntry>();
    for (const entry of byPath(entries)) {
      const { year, number } = entry.masthead;
      const earlier = first.get(issueId(year, number));
      if (!earlier) {
        first.set(issueId(year, number), entry);
        continue;
      }
      const message = `${year}年第${number}期已在 ${earlier.relativePath} 中：每期只能有一个文件。请核对 year 与 number。`;
      diagnostics.push(diagnostic(entry.path, fieldPlace(entry, 'number'), 'error', 'duplicate-issue', message));
    }
    return diagnostics;
  },
};
