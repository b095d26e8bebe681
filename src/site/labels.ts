import type { Issue } from '../model.ts';

type IssueNumbers = Pick<Issue, 'year' | 'number' | 'cumulativeNumber'>;

/** 2018年第1期 */
export function issueShortLabel(issue: Pick<Issue, 'year' | 'number'>): string {
  return `${issue.year}年第${issue.number}期`;
}

/** 2018年第1期(总第10期), as the masthead prints it. */
export function issueLabel(issue: IssueNumbers): string {
  return `${issueShortLabel(issue)}(总第${issue.cumulativeNumber}期)`;
}

/** The printed contents' page marker: - 3 - */
export function pageLabel(page: number): string {
  return `- ${page} -`;
}

export function articleCount(issue: Pick<Issue, 'sections'>): number {
  return issue.sections.reduce((n, section) => n + section.articles.length, 0);
}
