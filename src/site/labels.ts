import { issueShortLabel } from '../core/content-format.ts';
import type { Issue } from '../model.ts';

type IssueNumbers = Pick<Issue, 'year' | 'number' | 'cumulativeNumber'>;

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
