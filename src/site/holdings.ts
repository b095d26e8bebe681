import { issueShortLabel } from '../core/content-format.ts';
import { issueNumberLabel } from '../core/issue-numbering.ts';
import type { Issue } from '../model.ts';

/** One place in the holdings grid: an issue held, or a number the archive lacks. */
export type HoldingCell =
  | { number: number; issue: { url: string; label: string; date: string } }
  | {
      number: number;
      /**
       * Whether the issue surely existed: the running numbers (总期号) of its neighbours leave room
       * for it. Without them a gap may be a number the bulletin skipped.
       */
      certain: boolean;
      label: string;
    };

/** A special issue (增刊) held: outside the numbered cells, so never a gap or a column of its own number. */
export interface SpecialHolding {
  /** 增刊1 */
  name: string;
  issue: { url: string; label: string; date: string };
}

export interface HoldingsRow {
  year: number;
  /** The regular issues' numbers, held or missing. */
  cells: HoldingCell[];
  /** The year's supplements, by ordinal; the grid shows them in a 增刊 column after the numbers. */
  specials: SpecialHolding[];
  /** Issues held, supplements included. */
  held: number;
  missing: number;
}

export interface Holdings {
  /** Newest year first. */
  rows: HoldingsRow[];
  /** The widest row's numbers, for the grid's column heads. */
  columns: number[];
  /** Whether 期 numbers run on across years (第12期 in one year, 第13期 the next) instead of restarting. */
  runsOn: boolean;
  missing: number;
  /** Whether any issue carries a running number (总期号), so some gaps can be certain. */
  numbered: boolean;
  /** Whether any year has a supplement (增刊), so the grid has a column for them. */
  specials: boolean;
}

/**
 * What periodical archives show as holdings (OJS's issue archive, 中国知网's 刊期 grid): years
 * by issue numbers, each held issue linked, each missing number visible as a gap. A row spans
 * its year's numbers from the first (1, or where a run-on numbering stands) to the highest held;
 * numbers after the last held issue of a year are not guessed. Supplements (增刊) are no part of
 * the numbers: each row lists its year's own after them, and they make no gap.
 */
export function holdings(issues: readonly Issue[]): Holdings {
  const byYear = new Map<number, Issue[]>();
  const specialsByYear = new Map<number, Issue[]>();
  for (const issue of issues) {
    const group = issue.special ? specialsByYear : byYear;
    group.set(issue.year, [...(group.get(issue.year) ?? []), issue]);
  }
  const numberedYears = [...byYear.keys()].sort((a, b) => a - b);
  const runsOn = numberedYears.some((year, index) => {
    const previous = numberedYears[index - 1];
    if (previous === undefined) return false;
    return lowest(byYear.get(year) ?? []) > highest(byYear.get(previous) ?? []);
  });
  const years = [...new Set([...byYear.keys(), ...specialsByYear.keys()])].sort((a, b) => a - b);
  const rows = years
    .map((year): HoldingsRow => {
      const held = [...(byYear.get(year) ?? [])].sort((a, b) => a.number - b.number);
      const cells: HoldingCell[] = [];
      if (held.length > 0) {
        const from = runsOn ? lowest(held) : 1;
        const to = highest(held);
        for (let number = from; number <= to; number++) {
          const issue = held.find((candidate) => candidate.number === number);
          cells.push(
            issue
              ? { number, issue: { url: issue.url, label: issueShortLabel(issue), date: issue.date } }
              : { number, certain: surelyMissing(held, number), label: issueShortLabel({ year, number }) },
          );
        }
      }
      const specials = [...(specialsByYear.get(year) ?? [])]
        .sort((a, b) => a.number - b.number)
        .map((issue): SpecialHolding => ({
          name: issueNumberLabel(issue),
          issue: { url: issue.url, label: issueShortLabel(issue), date: issue.date },
        }));
      const missing = cells.filter((cell) => !('issue' in cell)).length;
      return { year, cells, specials, held: held.length + specials.length, missing };
    })
    .reverse();
  const width = Math.max(0, ...rows.map((row) => row.cells.length));
  const columns = runsOn ? [] : Array.from({ length: width }, (_, k) => k + 1);
  return {
    rows,
    columns,
    runsOn,
    missing: rows.reduce((n, row) => n + row.missing, 0),
    numbered: issues.some((issue) => issue.cumulativeNumber !== undefined),
    specials: specialsByYear.size > 0,
  };
}

function lowest(issues: readonly Issue[]): number {
  return Math.min(...issues.map((issue) => issue.number));
}

function highest(issues: readonly Issue[]): number {
  return Math.max(...issues.map((issue) => issue.number));
}

/**
 * A gap is certain when the held issues on either side carry running numbers that count it: 第2期
 * 总第11期 and 第4期 总第13期 leave 总第12期 for 第3期. A gap before the year's first held issue
 * needs the running number of that issue and of the previous year's last, which the row lacks.
 */
function surelyMissing(held: readonly Issue[], number: number): boolean {
  const before = [...held].reverse().find((issue) => issue.number < number);
  const after = held.find((issue) => issue.number > number);
  if (before?.cumulativeNumber === undefined || after?.cumulativeNumber === undefined) return false;
  return after.cumulativeNumber - before.cumulativeNumber === after.number - before.number;
}
