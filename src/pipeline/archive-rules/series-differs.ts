import { diagnostic } from '../../core/diagnostics.ts';
import type { Diagnostic } from '../../model.ts';
import { fieldPlace, type ArchiveRule, type IssueEntry } from './entries.ts';

/** A series name without what a typist varies: spaces, 《》, full-width forms. */
function seriesKey(series: string): string {
  return series.normalize('NFKC').replace(/[\s《》〈〉<>·・]/gu, '');
}

/**
 * An issue whose series is written differently from the other issues' by spaces or marks only
 * (`国家生态工业园区工作动态` where the others say `国家生态工业园区 工作动态`): a typo that the
 * citations, feeds and open data would carry. The way most issues write it is taken as right
 * (on a tie, the newest issue's). A series really renamed differs in its words and is not told.
 * Only a warning: the printed bulletin may have varied too.
 */
export const seriesDiffers: ArchiveRule = {
  id: 'series-differs',
  severity: 'warning',
  check: (entries) => {
    const byKey = new Map<string, IssueEntry[]>();
    for (const entry of entries) {
      const key = seriesKey(entry.masthead.series);
      byKey.set(key, [...(byKey.get(key) ?? []), entry]);
    }
    const diagnostics: Diagnostic[] = [];
    for (const group of byKey.values()) {
      const counts = new Map<string, { count: number; newest: string }>();
      for (const { masthead } of group) {
        const seen = counts.get(masthead.series);
        counts.set(masthead.series, {
          count: (seen?.count ?? 0) + 1,
          newest: seen && seen.newest > masthead.date ? seen.newest : masthead.date,
        });
      }
      if (counts.size < 2) continue;
      const [usual] = [...counts].sort(
        ([a, x], [b, y]) => y.count - x.count || y.newest.localeCompare(x.newest) || a.localeCompare(b),
      );
      if (!usual) continue;
      const [right, { count }] = usual;
      for (const entry of group) {
        if (entry.masthead.series === right) continue;
        const message =
          `刊名“${entry.masthead.series}”与其他${count}期的“${right}”只差空格或符号，各期的刊名应写得一样：` +
          `请改成 series: ${right}。`;
        diagnostics.push(diagnostic(entry.path, fieldPlace(entry, 'series'), 'warning', 'series-differs', message));
      }
    }
    return diagnostics;
  },
};
