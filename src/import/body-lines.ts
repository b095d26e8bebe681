import type { Diagnostic } from '../model.ts';
import type { LineLayout } from './layout-hints.ts';
import { isPageFooter } from './line-kinds.ts';
import { lineDiagnostic, matchKey, type SourceLine } from './text.ts';

/** A non-blank line of the body, trimmed, with how many blank lines stood before it. */
export interface BodyLine {
  no: number;
  text: string;
  /** Blank lines right before it; 2 or more is the gap a picture left in the PDF text. */
  blanksBefore: number;
  layout?: LineLayout;
}

/**
 * The body without blank lines and without page furniture: footers such as `- 3 -` and running
 * headers that repeat the series name. A page break is not a picture's gap, so the blank count
 * starts afresh after dropped furniture.
 */
export function readBodyLines(
  path: string,
  lines: readonly SourceLine[],
  start: number,
  series: string,
): { lines: BodyLine[]; diagnostics: Diagnostic[] } {
  const body: BodyLine[] = [];
  const diagnostics: Diagnostic[] = [];
  const seriesKey = matchKey(series);
  let blanks = 0;
  for (const { no, text, layout } of lines.slice(start)) {
    const trimmed = text.trim();
    if (trimmed === '') {
      blanks++;
    } else if (isPageFooter(trimmed)) {
      blanks = 0;
    } else if (seriesKey !== '' && matchKey(trimmed) === seriesKey) {
      blanks = 0;
      diagnostics.push(
        lineDiagnostic(
          path,
          no,
          'warning',
          'import-running-header',
          `正文中的 “${trimmed}” 与刊名相同，按页眉删去。如它确是正文，请手工补回。`,
        ),
      );
    } else {
      body.push({ no, text: trimmed, blanksBefore: blanks, ...(layout ? { layout } : {}) });
      blanks = 0;
    }
  }
  return { lines: body, diagnostics };
}
