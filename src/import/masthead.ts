import type { Diagnostic } from '../model.ts';
import type { Masthead } from '../pipeline/masthead.ts';
import { findChineseDate, parseChineseNumber } from '../core/chinese-numbers.ts';
import { specialName } from '../core/issue-numbering.ts';
import { contentsLine, isContentsHeading, markerTitle } from './line-kinds.ts';
import { lineDiagnostic, type SourceLine } from './text.ts';

export interface MastheadResult {
  /** Absent when a field could not be read; errors say which. */
  masthead?: Masthead;
  /** Index (into the lines) of the first line after the masthead. */
  end: number;
  diagnostics: Diagnostic[];
}

const numeral = '[〇○零一二三四五六七八九十0-9０-９]+';
const cumulativePart = `(?:\\s*[(（]\\s*总\\s*第\\s*(${numeral})\\s*期\\s*[)）])?`;
const issuePattern = new RegExp(`([0-9０-９]{4})\\s*年\\s*第\\s*(${numeral})\\s*期${cumulativePart}`);
/** 2019年增刊, 2019年增刊2, 2019年增刊第2期, 2019年增刊二: a supplement, numbered apart from the regular issues. */
const specialPattern = new RegExp(
  `([0-9０-９]{4})\\s*年\\s*${specialName}\\s*(?:第\\s*(${numeral})\\s*期|(${numeral}))?${cumulativePart}`,
);

interface IssueLine {
  year: number;
  /** The number of the year's issue, or the supplement's ordinal. */
  number: number;
  special?: true;
  cumulativeNumber?: number;
}

const parsed = (part: string | undefined) => (part === undefined ? undefined : parseChineseNumber(part));

/** `2018年第1期(总第10期)` or `2019年增刊1`, brackets of either width; the cumulative part may be missing. */
export function findIssueLine(text: string): IssueLine | undefined {
  const special = specialPattern.exec(text);
  if (special) {
    const [year, number, cumulative] = [special[1], special[2] ?? special[3] ?? '1', special[4]].map(parsed);
    if (year === undefined || number === undefined) return undefined;
    return { year, number, special: true, ...(cumulative !== undefined ? { cumulativeNumber: cumulative } : {}) };
  }
  const match = issuePattern.exec(text);
  if (!match) return undefined;
  const [year, number, cumulative] = [match[1], match[2], match[3]].map(parsed);
  if (year === undefined || number === undefined) return undefined;
  return { year, number, ...(cumulative !== undefined ? { cumulativeNumber: cumulative } : {}) };
}

/** The text on a line beside its date, e.g. the publisher in `国家…办公室    二〇一八年六月二十九日`. */
function besideDate(text: string, date: { index: number; length: number }): string {
  return `${text.slice(0, date.index).trim()} ${text.slice(date.index + date.length).trim()}`.trim();
}

/** The masthead ends where the contents or the first column begins. */
function endsMasthead(text: string): boolean {
  return isContentsHeading(text) || markerTitle(text) !== undefined || contentsLine(text) !== undefined;
}

/**
 * Reads the masthead block at the top of the text: the first plain line is the series (刊名), the
 * second the publisher, and the issue line and the date may come in any order among them.
 */
export function readPrintedMasthead(path: string, lines: readonly SourceLine[]): MastheadResult {
  const diagnostics: Diagnostic[] = [];
  const error = (line: number, rule: string, message: string) =>
    diagnostics.push(lineDiagnostic(path, line, 'error', rule, message));
  const texts: SourceLine[] = [];
  let issue: (IssueLine & { line: number }) | undefined;
  let date: { iso: string; line: number } | undefined;
  let end = 0;
  for (let line = lines[end]; line !== undefined; line = lines[++end]) {
    const { no, text } = line;
    const trimmed = text.trim();
    if (trimmed === '') continue;
    if (endsMasthead(trimmed)) break;
    const foundIssue = issue ? undefined : findIssueLine(trimmed);
    const foundDate = date ? undefined : findChineseDate(trimmed);
    if (foundIssue) issue = { ...foundIssue, line: no };
    if (foundDate) {
      if (foundDate.real) date = { iso: foundDate.iso, line: no };
      else error(no, 'import-date', `刊头日期 “${trimmed}” 不是真实存在的日期（${foundDate.iso}）。请核对原文。`);
    }
    if (!foundIssue && !foundDate) texts.push({ no, text: trimmed });
    // A PDF sets 编发单位 and the date on one line, at either end: the rest of the line is a field.
    const beside = foundDate && !foundIssue ? besideDate(trimmed, foundDate) : '';
    if (beside !== '') texts.push({ no, text: beside });
    if (issue && date && texts.length >= 2) {
      end++;
      break;
    }
  }
  const [series, publisher, ...extra] = texts;
  const firstLine = lines[0]?.no ?? 1;
  if (!series)
    error(firstLine, 'import-masthead', '没有找到刊名：文件开头应是刊名一行，例如 “国家生态工业园区 工作动态”。');
  if (!publisher)
    error(
      series?.no ?? firstLine,
      'import-masthead',
      '没有找到编发单位：刊名之后应是编发单位一行，例如 “国家生态工业园区建设协调领导小组办公室”。',
    );
  if (!issue)
    error(
      firstLine,
      'import-masthead',
      '没有找到期号行：刊头中应有 “2018年第1期(总第10期)”、“2018年第1期” 或 “2019年增刊1” 这样的一行。',
    );
  else if (issue.cumulativeNumber === undefined)
    // Many bulletins print no running number; one that does and lost it here is told to look.
    diagnostics.push(
      lineDiagnostic(
        path,
        issue.line,
        'warning',
        'import-no-cumulative',
        '期号行没有总期号（如 “(总第10期)”），导入的文件不写 cumulativeNumber。' +
          '原刊印有总期号时，请在文件的刊头中补一行 cumulativeNumber。',
      ),
    );
  if (!date) error(firstLine, 'import-date', '没有找到出版日期：刊头中应有 “二〇一八年六月二十九日” 这样的一行。');
  for (const line of extra) {
    diagnostics.push(
      lineDiagnostic(
        path,
        line.no,
        'warning',
        'import-masthead-extra',
        `刊头中多出的一行 “${line.text}” 不属于刊名、编发单位、期号或日期，未导入。如是正文，请手工补入。`,
      ),
    );
  }
  if (issue && date && Number(date.iso.slice(0, 4)) !== issue.year) {
    diagnostics.push(
      lineDiagnostic(
        path,
        date.line,
        'warning',
        'import-date',
        `出版日期 ${date.iso} 与期号行的年份 ${issue.year} 不同。请核对原文。`,
      ),
    );
  }
  if (!series || !publisher || !issue || !date) return { end, diagnostics };
  const masthead: Masthead = {
    series: series.text,
    publisher: publisher.text,
    year: issue.year,
    number: issue.number,
    ...(issue.special ? { special: { name: specialName, ordinal: issue.number } } : {}),
    ...(issue.cumulativeNumber !== undefined ? { cumulativeNumber: issue.cumulativeNumber } : {}),
    date: date.iso,
  };
  return { masthead, end, diagnostics };
}
