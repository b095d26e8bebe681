import { issueId, issueShortLabel } from '../../core/content-format.ts';
import { diagnostic } from '../../core/diagnostics.ts';
import { fieldPlace, laterDuplicates, type ArchiveRule } from './entries.ts';

/**
 * One issue (year and number, or year and supplement) in two files: readers would get one of them
 * at random. 2019年增刊1 and 2019年第1期 are two issues; two files both 增刊1 of 2019 are not.
 */
export const duplicateIssue: ArchiveRule = {
  id: 'duplicate-issue',
  severity: 'error',
  check: (entries) =>
    laterDuplicates(entries, ({ masthead }) => issueId(masthead)).map(({ entry, earlier }) => {
      const hint = entry.masthead.special ? '增刊的序号（number: 增刊2 …）' : 'number';
      const message =
        `${issueShortLabel(entry.masthead)}已在 ${earlier.relativePath} 中：每期只能有一个文件。` +
        `请核对 year 与 ${hint}。`;
      return diagnostic(entry.path, fieldPlace(entry, 'number'), 'error', 'duplicate-issue', message);
    }),
};
