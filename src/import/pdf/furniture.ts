import { pageMark } from '../line-kinds.ts';
import type { TextLine } from './lines.ts';

/** Running headers, footers and page numbers: print furniture that is not part of any article. */

/** Share of the page height at the top and at the bottom where furniture is looked for. */
const band = 0.1;
/** A line is a running header/footer when it recurs (digits aside) on this share of pages… */
const recurringShare = 0.5;
/** …and on at least this many: with two pages, a repeated line is as likely to be content. */
const recurringMinimum = 3;

export interface FurnitureResult {
  /** The pages' lines without furniture. */
  pages: TextLine[][];
  /** The number printed on each physical page (index 0 = page 1), where one was found. */
  printedPages: (number | undefined)[];
}

function inBand(line: TextLine, height: number): boolean {
  return line.bottom <= height * band || line.top >= height * (1 - band);
}

/** Digits are what changes from page to page in a running header (`第3期 · 4`). */
function recurringKey(text: string): string {
  return text.normalize('NFKC').replace(/[\s0-9]/g, '');
}

/**
 * The page number inside a running header or footer (`工作动态 第 3 页`, `3 国家生态工业园区`):
 * a page mark at either end, set off by a space. Only asked of lines that recur, so a number
 * at the end of a body line is never taken for one.
 */
function markInRunningLine(text: string): number | undefined {
  const words = text.trim().split(/\s+/);
  for (let cut = 1; cut < words.length; cut++) {
    const mark = pageMark(words.slice(cut).join(' ')) ?? pageMark(words.slice(0, words.length - cut).join(' '));
    if (mark !== undefined) return mark;
  }
  return undefined;
}

export function removeFurniture(pages: readonly TextLine[][], heights: readonly number[]): FurnitureResult {
  const keyPages = new Map<string, Set<number>>();
  pages.forEach((lines, index) => {
    for (const line of lines) {
      if (!inBand(line, heights[index] ?? Infinity)) continue;
      const key = recurringKey(line.text);
      if (key === '') continue;
      keyPages.set(key, (keyPages.get(key) ?? new Set()).add(index));
    }
  });
  const needed = Math.max(recurringMinimum, Math.ceil(pages.length * recurringShare));
  const recurring = new Set([...keyPages].filter(([, on]) => on.size >= needed).map(([key]) => key));

  const printedPages: (number | undefined)[] = [];
  const kept = pages.map((lines, index) => {
    const height = heights[index] ?? Infinity;
    const marks = lines.filter((line) => inBand(line, height) && pageMark(line.text) !== undefined);
    // The mark nearest the page's edge: a footer's number rather than a bare number above it.
    const fromEdge = (line: TextLine) => Math.min(line.top, height - line.bottom);
    const edge = [...marks].sort((a, b) => fromEdge(a) - fromEdge(b));
    const running = lines.filter((line) => inBand(line, height) && recurring.has(recurringKey(line.text)));
    const inRunning = running.map((line) => markInRunningLine(line.text)).find((mark) => mark !== undefined);
    printedPages.push(edge[0] ? pageMark(edge[0].text) : inRunning);
    return lines.filter((line) => !marks.includes(line) && !running.includes(line));
  });
  return { pages: kept, printedPages };
}
