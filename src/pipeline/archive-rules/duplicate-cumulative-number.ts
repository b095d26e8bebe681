import { diagnostic } from '../../core/diagnostics.ts';
import { fieldPlace, laterDuplicates, type ArchiveRule } from './entries.ts';

/** 总第N期 names one issue: /no/N/ leads there. */
export const duplicateCumulativeNumber: ArchiveRule = {
  id: 'duplicate-cumulative-number',
  severity: 'error',
  check: (entries) =>
    laterDuplicates(
      // Issues without a running number share none.
      entries.filter(({ masthead }) => masthead.cumulativeNumber !== undefined),
      ({ masthead }) => masthead.cumulativeNumber,
    ).map(({ entry, earlier }) => {
      const { cumulativeNumber } = entry.masthead;
      const message = `总第${cumulativeNumber}期已是 ${earlier.relativePath}：总期号不能重复。请核对 cumulativeNumber。`;
      const place = fieldPlace(entry, 'cumulativeNumber');
      return diagnostic(entry.path, place, 'error', 'duplicate-cumulative-number', message);
    }),
};
