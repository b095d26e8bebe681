/**
 * How an issue is numbered, named and ordered: a regular issue by its number within the year
 * (2019年第1期, 2019年第100期 for a weekly), a special issue (增刊) by its ordinal among the year's
 * supplements (2019年增刊1). Ids, file names, addresses, labels and the archive's order all take
 * the number from here, so a special never passes for a regular issue of the same number.
 * Browser-safe: routes.ts and the search page use it.
 */
import type { SpecialIssue } from '../model.ts';

export type { SpecialIssue } from '../model.ts';

/** What names an issue: its year, its number and, for a supplement, which one. */
export interface IssueNumbering {
  year: number;
  /** The number within the year; for a special issue, its ordinal. */
  number: number;
  special?: SpecialIssue | undefined;
}

/** The one name of supplements the masthead knows. */
export const specialName = '增刊';

/** The ordinals a year's supplements may take. */
export const specialOrdinalRange = [1, 99] as const;

/**
 * The number as ids, file names and addresses write it: at least two digits, so 2019-01 sorts
 * before 2019-10 in a file listing; 100 and above as they are; `s1` for 增刊1, which no regular
 * number can be.
 */
export function issueNumberSegment(issue: IssueNumbering): string {
  return issue.special ? `s${issue.special.ordinal}` : String(issue.number).padStart(2, '0');
}

/** An issue's id: `2018-01` for 2018年第1期, `2019-s1` for 2019年增刊1, `2019-100` for 第100期. */
export function issueId(issue: IssueNumbering): string {
  return `${issue.year}-${issueNumberSegment(issue)}`;
}

/**
 * The number as readers read it: 第1期, or 增刊1. A year's only supplement is 增刊1 too, not 增刊:
 * the label is cited, and a second supplement found later must not change the first one's citations.
 */
export function issueNumberLabel(issue: Pick<IssueNumbering, 'number' | 'special'>): string {
  return issue.special ? `${issue.special.name}${issue.special.ordinal}` : `第${issue.number}期`;
}

/** How citations write the number in 年(期): 1, or 增刊1. */
export function issueNumberText(issue: IssueNumbering): string {
  return issue.special ? issueNumberLabel(issue) : String(issue.number);
}

/** How an issue is named, as the bulletin prints it: 2018年第1期, 2019年增刊1. */
export function issueShortLabel(issue: IssueNumbering): string {
  return `${issue.year}年${issueNumberLabel(issue)}`;
}

/**
 * The archive's order, oldest first: by date, then year; on the same date the regular issues by
 * number (numerically: 第9期 before 第100期), then the supplements by ordinal.
 */
export function compareIssues(a: IssueNumbering & { date: string }, b: IssueNumbering & { date: string }): number {
  return (
    a.date.localeCompare(b.date) ||
    a.year - b.year ||
    Number(a.special !== undefined) - Number(b.special !== undefined) ||
    a.number - b.number
  );
}
