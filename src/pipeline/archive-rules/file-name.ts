import { join } from 'node:path';
import { issueFilePath } from '../../core/content-format.ts';
import { diagnostic, fileStart } from '../../core/diagnostics.ts';
import type { ArchiveRule } from './entries.ts';

/** The file layout editors follow: content/2018/2018-01.md holds 2018年第1期. */
export const fileName: ArchiveRule = {
  id: 'file-name',
  severity: 'error',
  check: (entries, { displayDir }) =>
    entries.flatMap((entry) => {
      const expected = issueFilePath(entry.masthead);
      if (entry.relativePath === expected) return [];
      const { year, number } = entry.masthead;
      const message =
        `文件名与刊头不符：${year}年第${number}期应保存为 ${join(displayDir, expected)}（现为 ${entry.relativePath}）。` +
        '请改文件名，或核对 year 与 number。';
      return [diagnostic(entry.path, fileStart, 'error', 'file-name', message)];
    }),
};
