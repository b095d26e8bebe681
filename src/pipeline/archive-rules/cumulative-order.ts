import { diagnostic } from '../../core/diagnostics.ts';
import type { Diagnostic } from '../../model.ts';
import { fieldPlace, type ArchiveRule } from './entries.ts';

/** 总第N期 counts on with every issue, so it grows with the publication date. */
export const cumulativeOrder: ArchiveRule = {
  id: 'cumulative-order',
  severity: 'error',
  check: (entries) => {
    const diagnostics: Diagnostic[] = [];
    // Issues without a running number (a bulletin that prints none) have no order to keep.
    const numbered = entries.flatMap((entry) => {
      const { cumulativeNumber } = entry.masthead;
      return cumulativeNumber === undefined ? [] : [{ ...entry, cumulativeNumber }];
    });
    const byDate = numbered.sort(
      (a, b) => a.masthead.date.localeCompare(b.masthead.date) || a.cumulativeNumber - b.cumulativeNumber,
    );
    byDate.forEach((current, index) => {
      const previous = byDate[index - 1];
      if (!previous || current.cumulativeNumber >= previous.cumulativeNumber) return;
      const [later, earlier] = [current.masthead, previous.masthead];
      const message =
        `总第${later.cumulativeNumber}期（${later.date}）比更早出版的总第${earlier.cumulativeNumber}期` +
        `（${earlier.date}，${previous.relativePath}）的总期号小：总期号须随出版日期递增。` +
        '请核对 cumulativeNumber 和 date。';
      diagnostics.push(
        diagnostic(current.path, fieldPlace(current, 'cumulativeNumber'), 'error', 'cumulative-order', message),
      );
    });
    return diagnostics;
  },
};
