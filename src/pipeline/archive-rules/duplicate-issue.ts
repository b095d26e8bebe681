import { issueId } from '../../core/content-format.ts';
import { diagnostic } from '../../core/diagnostics.ts';
import { fieldPlace, laterDuplicates, type ArchiveRule } from './entries.ts';

/** One issue (year and number) in two files: readers would get one of them at random. */
export const duplicateIssue: ArchiveRule = {
  id: 'duplicate-issue',
  severity: 'error',
  check: (entries) =>
    laterDuplicates(entries, ({ masthead }) => issueId(masthead.year, masthead.number)).map(({ entry, earlier }) => {
      const { year, number } = entry.masthead;
      const message = `${year}年第${number}期已在 ${earlier.relativePath} 中：每期只能有一个文件。请核对 year 与 number。`;
      return diagnostic(entry.path, fieldPlace(entry, 'number'), 'error', 'duplicate-issue', message);
    }),
};
