import { isWide } from '../../core/wide-chars.ts';
import { mostWeighted, visibleLength } from '../layout-signals.ts';
import type { FontFamily } from './fonts.ts';
import type { TextRun } from './text-runs.ts';

/** Runs on one baseline, left to right, with the page's made-up spaces settled. */
export interface TextLine {
  page: number;
  /** Baseline, from the top of the page. */
  y: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** Dominant by characters: a digit in Times inside a 仿宋 line does not make the line Latin. */
  size: number;
  family: FontFamily;
  bold: boolean;
  text: string;
  runs: TextRun[];
  align: LineAlign;
}

/** `justified` is a line that fills the measure (a first line may be indented). */
export type LineAlign = 'left' | 'centre' | 'right' | 'justified';

/** The body text block of the document, learnt from its body lines. */
export interface TextFrame {
  left: number;
  right: number;
  /** The most common size, counted by characters: the body text's size, the `em` of every rule here. */
  bodySize: number;
}

const fullWidthPunctuation = /^[\s，。、；：？！“”‘’（）《》〈〉【】「」『』…—·]+$/u;
const baselineTolerance = 0.3;
/** Full-width punctuation sits on its own glyph box; some producers shift it a little off the line. */
const punctuationTolerance = 0.6;
/** A made-up gap at least this wide (in em) separates columns, e.g. 编辑单位 … 日期 on a masthead. */
const columnGap = 1.5;

const latinWord = /[A-Za-z0-9]/;

/** The value most of the runs' text has. */
function dominant<T>(runs: readonly TextRun[], key: (run: TextRun) => T): T | undefined {
  return mostWeighted(runs, key, (run) => visibleLength(run.text));
}

/**
 * What a made-up space stands for. Between Chinese characters, or Chinese and Latin, it is
 * auto-spacing or tracking and vanishes (`2018 年` → `2018年`); between Latin words it is the
 * word space the producer drew as a gap; a wide gap stays one space as a column break.
 */
function syntheticSpace(before: string, after: string, width: number, size: number): string {
  if (width >= columnGap * size) return ' ';
  if (before === '' || after === '') return '';
  if (isWide(before) && (isWide(after) || latinWord.test(after))) return '';
  if (isWide(after) && latinWord.test(before)) return '';
  if (isWide(before) || isWide(after)) return '';
  return ' ';
}

function lineText(runs: readonly TextRun[]): string {
  let text = '';
  let previousEnd: number | undefined;
  runs.forEach((run, index) => {
    if (run.synthetic) {
      const after =
        runs
          .slice(index + 1)
          .find((next) => !next.synthetic)
          ?.text.charAt(0) ?? '';
      const space = syntheticSpace(text.slice(-1), after, run.width, run.size);
      if (space !== '' && !text.endsWith(' ')) text += space;
      previousEnd = run.x + run.width;
      return;
    }
    // A wide gap with no space item at all (a tab stop) is a column break as well.
    if (previousEnd !== undefined && run.x - previousEnd >= columnGap * run.size && !text.endsWith(' ')) text += ' ';
    text += run.text;
    previousEnd = run.x + run.width;
  });
  return text.trim();
}

function makeLine(runs: TextRun[]): Omit<TextLine, 'align'> {
  runs.sort((a, b) => a.x - b.x);
  const visible = runs.filter((run) => !run.synthetic && run.text.trim() !== '');
  const shown = visible.length > 0 ? visible : runs;
  const size = dominant(shown, (run) => run.size) ?? shown[0]?.size ?? 0;
  const y = shown.reduce((sum, run) => sum + run.y, 0) / (shown.length || 1);
  const maxSize = Math.max(...shown.map((run) => run.size));
  return {
    page: runs[0]?.page ?? 0,
    y,
    // Glyphs of CJK fonts fill about 0.88 em above the baseline and 0.12 em below.
    top: y - 0.88 * maxSize,
    bottom: y + 0.12 * maxSize,
    left: Math.min(...shown.map((run) => run.x)),
    right: Math.max(...shown.map((run) => run.x + run.width)),
    size,
    family: dominant(shown, (run) => run.family) ?? 'unknown',
    bold: dominant(shown, (run) => run.bold) ?? false,
    text: lineText(runs),
    runs,
  };
}

/**
 * Groups one page's runs into lines by baseline (pdf.js's `hasEOL` is not reliable across
 * producers), top to bottom.
 */
export function groupLines(runs: readonly TextRun[]): Omit<TextLine, 'align'>[] {
  const sorted = runs.filter((run) => run.text !== '').sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: { y: number; size: number; runs: TextRun[] }[] = [];
  for (const run of sorted) {
    const tolerance = fullWidthPunctuation.test(run.text) || run.synthetic ? punctuationTolerance : baselineTolerance;
    const group = groups.find(
      (candidate) => Math.abs(candidate.y - run.y) <= tolerance * Math.max(candidate.size, run.size),
    );
    if (group && !run.synthetic && !fullWidthPunctuation.test(run.text) && group.runs.every((r) => r.synthetic)) {
      group.y = run.y;
      group.size = run.size;
    }
    if (group) group.runs.push(run);
    else groups.push({ y: run.y, size: run.size, runs: [run] });
  }
  return groups
    .map((group) => makeLine(group.runs))
    .filter((line) => line.text !== '')
    .sort((a, b) => a.y - b.y);
}

function mode(values: readonly number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
}

/** The body size and the block the body lines fill, from all pages at once (one page can mislead). */
export function textFrame(lines: readonly Omit<TextLine, 'align'>[]): TextFrame {
  const bodySize =
    mostWeighted(
      lines.flatMap((line) => line.runs),
      (run) => Math.round(run.size * 2) / 2,
      (run) => visibleLength(run.text),
    ) ?? 12;
  const body = lines.filter((line) => Math.abs(line.size - bodySize) < 0.5);
  const sample = body.length > 0 ? body : lines;
  const left = mode(sample.map((line) => Math.round(line.left))) ?? 0;
  const right = mode(sample.map((line) => Math.round(line.right))) ?? left;
  return { left, right, bodySize };
}

/** Tolerances in em of the body size. */
const flush = 0.5;
const maxIndent = 2.5;
const rightOnlyIndent = 4;
const titleSize = 1.3;

export function alignLine(line: Omit<TextLine, 'align'>, frame: TextFrame): LineAlign {
  const em = frame.bodySize;
  const fromLeft = line.left - frame.left;
  const rightFlush = Math.abs(line.right - frame.right) <= flush * em;
  const middle = (line.left + line.right) / 2;
  const frameMiddle = (frame.left + frame.right) / 2;
  // A title (a masthead) can fill the measure; titles are centred, never justified.
  if (line.size >= titleSize * em && Math.abs(middle - frameMiddle) <= flush * em) return 'centre';
  if (rightFlush && fromLeft <= maxIndent * em + flush * em && fromLeft >= -flush * em) return 'justified';
  if (Math.abs(middle - frameMiddle) <= flush * em && fromLeft > flush * em) return 'centre';
  if (rightFlush && fromLeft > rightOnlyIndent * em) return 'right';
  return 'left';
}

/** Every page's lines, aligned against the document's frame. */
export function readLines(pages: readonly (readonly TextRun[])[]): { lines: TextLine[][]; frame: TextFrame } {
  const grouped = pages.map((runs) => groupLines(runs));
  const frame = textFrame(grouped.flat());
  return { lines: grouped.map((page) => page.map((line) => ({ ...line, align: alignLine(line, frame) }))), frame };
}
