import { editDistance } from '../core/edit-distance.ts';
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

/** An exact match of contents entry `entry`, as the last link of the longest chain ending in it. */
interface ChainLink {
  entry: number;
  match: TitleMatch;
  /** Matches in the chain, this one included. */
  length: number;
  previous?: ChainLink;
}

/** The most titles that match exactly in contents order and in body order, earliest places first. */
function exactChain(lines: readonly BodyLine[], keys: readonly string[]): (TitleMatch | undefined)[] {
  const links: ChainLink[] = [];
  keys.forEach((key, entry) => {
    for (let start = 0; start < lines.length; start++) {
      const match = runAt(lines, key, start, lines.length, 0);
      if (!match) continue;
      let link: ChainLink = { entry, match, length: 1 };
      for (const p of links) {
        if (p.entry < entry && p.match.end <= match.start && p.length + 1 > link.length)
          link = { entry, match, length: p.length + 1, previous: p };
      }
      links.push(link);
    }
  });
  const matches: (TitleMatch | undefined)[] = keys.map(() => undefined);
  // Of equally long chains the one ending earliest leaves the most room for the loose matches.
  const better = (a: ChainLink, b: ChainLink | undefined) =>
    !b || a.length > b.length || (a.length === b.length && a.match.end < b.match.end);
  const best = links.reduce<ChainLink | undefined>((b, link) => (better(link, b) ? link : b), undefined);
  for (let link = best; link; link = link.previous) matches[link.entry] = link.match;
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
  for (const [offset, line] of lines.slice(start, Math.min(start + maxTitleLines, to)).entries()) {
    const end = start + offset + 1;
    if (markerTitle(line.text) !== undefined || (offset > 0 && line.blanksBefore > 1)) break;
    joined += matchKey(line.text);
    if ([...joined].length > keyLength + maxDistance) break;
    const distance = editDistance(joined, key);
    if (distance <= maxDistance && (!best || distance < best.distance)) best = { start, end, distance };
  }
  return best;
}

/** Titles stand apart: after a blank line, a column marker, or at the start of the body. */
function startsBlock(lines: readonly BodyLine[], index: number): boolean {
  const line = lines[index];
  const previous = lines[index - 1];
  return (
    line !== undefined &&
    markerTitle(line.text) === undefined &&
    (!previous || line.blanksBefore > 0 || markerTitle(previous.text) !== undefined)
  );
}
