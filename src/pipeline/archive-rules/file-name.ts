import { join } from 'node:path';
import { issueFilePath, issueShortLabel } from '../../core/content-format.ts';
import { diagnostic, fileStart } from '../../core/diagnostics.ts';
import type { ArchiveRule } from './entries.ts';

/**
 * The file layout editors follow: content/2018/2018-01.md holds 2018年第1期, 2019/2019-s1.md
 * 2019年增刊1, 2019/2019-100.md 2019年第100期.
 */
export const fileName: ArchiveRule = {
  id: 'file-name',
  severity: 'error',
  check: (entries, { displayDir }) =>
    entries.flatMap((entry) => {
      const expected = issueFilePath(entry.masthead);
      if (entry.relativePath === expected) return [];
      const message =
        `文件名与刊头不符：${issueShortLabel(entry.masthead)}应保存为 ${join(displayDir, expected)}（现为 ${entry.relativePath}）。` +
        '请改文件名，或核对 year 与 number。';
      return [diagnostic(entry.path, fileStart, 'error', 'file-name', message)];
    }),
};
