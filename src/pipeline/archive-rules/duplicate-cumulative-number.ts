import { diagnostic } from '../../core/diagnostics.ts';
import type { Diagnostic } from '../../model.ts';
import { byPath, fieldPlace, type ArchiveRule, type IssueEntry } from './entries.ts';

/** 总第N期 names one issue: /no/N/ leads there. */
export const duplicateCumulativeNumber: ArchiveRule = {
  id: 'duplicate-cumulative-number',
  severity: 'error',
  check: (entries) => {
    const diagnostics: Diagnostic[] = [];
    const first = new Map<number, IssueEntry>();
    for (const entry of byPath(entries)) {
      const { cumulativeNumber } = entry.masthead;
      const earlier = first.get(cumulativeNumber);
      if (!earlier) {
        first.set(cumulativeNumber, entry);
        continue;
      }
      const message = `总第${cumulativeNumber}期已是 ${earlier.relativePath}：总期号不能重复。请核对 cumulativeNumber。`;
      diagnostics.push(
        diagnostic(entry.path, fieldPlace(entry, 'cumulativeNumber'), 'error', 'duplicate-cumulative-number', message),
      );
    }
    return diagnostics;
  },
};
