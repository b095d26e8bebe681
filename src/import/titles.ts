import { markerTitle } from './line-kinds.ts';
import type { BodyLine } from './body-lines.ts';
import { matchKey } from './text.ts';

/** Body lines [start, end) that carry the title of contents entry `entry`. */
export interface TitleMatch {
  start: number;
  end: number;
  /** Edits between the contents title and the body's (whitespace and width variants ignored). */
  distance: number;
}

/** A PDF may break a title over this many lines. */
const maxTitleLines = 3;

/**
 * Finds each contents title in the body, in contents order. Exact matches (ignoring whitespace and
 * width variants) come first: the longest in-order chain of them anchors the rest, so a title
 * repeated later (a caption, a quotation) cannot pull the others out of place. A title the body
 * words slightly differently (国家生态工业园区 → 国家生态工业示范园区) is then looked for only
 * between its anchored neighbours, taking the closest run of lines within a small edit distance.
 */
export function matchTitles(lines: readonly BodyLine[], titles: readonly string[]): (TitleMatch | undefined)[] {
  const keys = titles.map(matchKey);
  const matches = exactChain(lines, keys);
  keys.forEach((key, k) => {
    if (matches[k]) return;
    const from = matches.slice(0, k).reduce((end, m) => m?.end ?? end, 0);
    const to = matches.slice(k + 1).find((m) => m !== undefined)?.start ?? lines.length;
    matches[k] = bestRun(lines, key, from, to, tolerance(key));
  });
  return matches;
}

/** How many edits still count as the same title: a couple of characters, more for long titles. */
function tolerance(key: string): number {
  return Math.max(2, Math.floor([...key].length * 0.15));
}

/** The most titles that match exactly in contents order and in body order, earliest places first. */
function exactChain(lines: readonly BodyLine[], keys: readonly string[]): (TitleMatch | undefined)[] {
  const candidates: { entry: number; match: TitleMatch }[] = [];
  keys.forEach((key, entry) => {
    for (let start = 0; start < lines.length; start++) {
      const match = runAt(lines, key, start, lines.length, 0);
      if (match) candidates.push({ entry, match });
    }
  });
  const chain = candidates.map(() => ({ length: 1, previous: -1 }));
  candidates.forEach((c, i) => {
    for (let j = 0; j < i; j++) {
      const p = candidates[j]!;
      if (p.entry < c.entry && p.match.end <= c.match.start && chain[j]!.length + 1 > chain[i]!.length)
        chain[i] = { length: chain[j]!.length + 1, previous: j };
    }
  });
  const matches: (TitleMatch | undefined)[] = keys.map(() => undefined);
  // Of equally long chains the one ending earliest leaves the most room for the loose matches.
  const better = (i: number, b: number) =>
    b === -1 ||
    chain[i]!.length > chain[b]!.length ||
    (chain[i]!.length === chain[b]!.length && candidates[i]!.match.end < candidates[b]!.match.end);
  let best = chain.reduce((b, _, i) => (better(i, b) ? i : b), -1);
  while (best !== -1) {
    matches[candidates[best]!.entry] = candidates[best]!.match;
    best = chain[best]!.previous;
  }
  return matches;
}

/** The earliest run of lines in [from, to) closest to `key`, within `maxDistance`. */
function bestRun(
  lines: readonly BodyLine[],
  key: string,
  from: number,
  to: number,
  maxDistance: number,
): TitleMatch | undefined {
  let best: TitleMatch | undefined;
  for (let start = from; start < to; start++) {
    const match = runAt(lines, key, start, to, maxDistance);
    if (match && (!best || match.distance < best.distance)) best = match;
  }
  return best;
}

/** The closest run of lines starting at `start` (and ending by `to`) within `maxDistance` of `key`. */
function runAt(
  lines: readonly BodyLine[],
  key: string,
  start: number,
  to: number,
  maxDistance: number,
): TitleMatch | undefined {
  if (!startsBlock(lines, start)) return undefined;
  const keyLength = [...key].length;
  let best: TitleMatch | undefined;
  let joined = '';
  for (let end = start + 1; end <= Math.min(start + maxTitleLines, to); end++) {
    const line = lines[end - 1]!;
    if (markerTitle(line.text) !== undefined || (end > start + 1 && line.blanksBefore > 1)) break;
    joined += matchKey(line.text);
    if ([...joined].length > keyLength + maxDistance) break;
    const distance = editDistance(joined, key);
    if (distance <= maxDistance && (!best || distance < best.distance)) best = { start, end, distance };
  }
  return best;
}

/** Titles stand apart: after a blank line, a column marker, or at the start of the body. */
function startsBlock(lines: readonly BodyLine[], index: number): boolean {
  const line = lines[index]!;
  const previous = lines[index - 1];
  return (
    markerTitle(line.text) === undefined &&
    (!previous || line.blanksBefore > 0 || markerTitle(previous.text) !== undefined)
  );
}

/** Levenshtein distance over code points. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let row = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const next = [i];
    for (let j = 1; j <= y.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[y.length]!;
}
