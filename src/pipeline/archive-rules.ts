import { join } from 'node:path';
import type { Diagnostic } from '../model.ts';
import { diagnostic, fileStart, type Place } from '../core/diagnostics.ts';
import { issueId } from './assemble.ts';
import type { Masthead } from './masthead.ts';

/** What the archive-wide rules need to know of one issue file. */
export interface IssueEntry {
  path: string;
  /** Path inside the content folder, with forward slashes. */
  relativePath: string;
  masthead: Masthead;
  places: Partial<Record<keyof Masthead, Place>>;
}

/** The file layout editors follow: content/2018/2018-01.md for 2018年第1期. */
export function expectedRelativePath(masthead: Pick<Masthead, 'year' | 'number'>): string {
  return `${masthead.year}/${issueId(masthead.year, masthead.number)}.md`;
}

/**
 * Rules that need the whole archive: file names, duplicate issues, the order of 总第N期.
 * `displayDir` is how messages name the content folder (`content`, or what CONTENT_DIR gives).
 */
export function validateArchive(entries: readonly IssueEntry[], displayDir = 'content'): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const at = (entry: IssueEntry, field: keyof Masthead) => entry.places[field] ?? fileStart;

  for (const entry of entries) {
    const expected = expectedRelativePath(entry.masthead);
    if (entry.relativePath !== expected) {
      diagnostics.push(diagnostic(entry.path, fileStart, 'error', 'file-name', `文件名与刊头不符：${entry.masthead.year}年第${entry.masthead.number}期应保存为 ${join(displayDir, expected)}（现为 ${entry.relativePath}）。请改文件名，或核对 year 与 number。`));
    }
  }

  const byIssue = new Map<string, IssueEntry>();
  const byCumulative = new Map<number, IssueEntry>();
  for (const entry of [...entries].sort((a, b) => a.relativePath.localeCompare(b.relativePath))) {
    const { year, number, cumulativeNumber } = entry.masthead;
    const key = issueId(year, number);
    const sameIssue = byIssue.get(key);
    if (sameIssue) {
      diagnostics.push(diagnostic(entry.path, at(entry, 'number'), 'error', 'duplicate-issue', `${year}年第${number}期已在 ${sameIssue.relativePath} 中：每期只能有一个文件。请核对 year 与 number。`));
    } else byIssue.set(key, entry);
    const sameCumulative = byCumulative.get(cumulativeNumber);
    if (sameCumulative) {
      diagnostics.push(diagnostic(entry.path, at(entry, 'cumulativeNumber'), 'error', 'duplicate-cumulative-number', `总第${cumulativeNumber}期已是 ${sameCumulative.relativePath}：总期号不能重复。请核对 cumulativeNumber。`));
    } else byCumulative.set(cumulativeNumber, entry);
  }

  const byDate = [...entries].sort((a, b) => a.masthead.date.localeCompare(b.masthead.date) || a.masthead.cumulativeNumber - b.masthead.cumulativeNumber);
  for (let i = 1; i < byDate.length; i++) {
    const previous = byDate[i - 1]!;
    const current = byDate[i]!;
    if (current.masthead.cumulativeNumber < previous.masthead.cumulativeNumber) {
      diagnostics.push(diagnostic(current.path, at(current, 'cumulativeNumber'), 'error', 'cumulative-order', `总第${current.masthead.cumulativeNumber}期（${current.masthead.date}）比更早出版的总第${previous.masthead.cumulativeNumber}期（${previous.masthead.date}，${previous.relativePath}）的总期号小：总期号须随出版日期递增。请核对 cumulativeNumber 和 date。`));
    }
  }
  return diagnostics;
}
