/**
 * How often each indexed character occurs, written beside the index at build time so that a
 * long query can be answered from its rarest characters (query-plan.ts) without first fetching
 * every character's list to find out which are rare.
 *
 * Counts are stored rounded to quarter powers of two, grouped by their rounded pair: a table of
 * 4,000 characters is about 12 KB before gzip. They only steer which lists are fetched first: a
 * search is exact whatever the table says (every candidate is still checked on its text).
 *
 * Browser-safe: no Node imports.
 */
import type { IndexCosts } from './query-plan.ts';
import { splitTerms } from './tokens.ts';

/** File name inside the index folder (routes.searchIndex), so that it is replaced with the index. */
export const characterStatsFile = 'char-stats.json';

/** What the file holds: `counts` maps "<pages bucket>.<occurrences bucket>" to its characters. */
export interface CharacterStatsFile {
  version: 1;
  /** Records (articles) indexed. */
  pages: number;
  counts: Record<string, string>;
  /** Measured on the written index. */
  costs: IndexCosts;
}

export interface IndexStatistics {
  characters: CharacterStats;
  costs: IndexCosts;
}

export interface CharacterStats {
  pages: number;
  /** Articles containing the character (approximately; 0 when the archive has none). */
  pagesWith(char: string): number;
  /** Times the character occurs in all articles (approximately). */
  occurrences(char: string): number;
}

const steps = 4;
const bucket = (count: number) => Math.round(steps * Math.log2(count + 1));
const unbucket = (value: number) => Math.max(0, Math.round(2 ** (value / steps) - 1));

/** Counts the term characters of records as they are indexed (folded text, one block a line). */
export class CharacterCounter {
  #pages = 0;
  readonly #pagesWith = new Map<string, number>();
  readonly #occurrences = new Map<string, number>();

  /** One record's searchable text, folded (tokens.ts `foldText`), blocks on their own lines. */
  add(foldedBlocks: readonly string[]): void {
    this.#pages++;
    const seen = new Set<string>();
    for (const block of foldedBlocks)
      for (const term of splitTerms(block))
        for (const char of term) {
          seen.add(char);
          this.#occurrences.set(char, (this.#occurrences.get(char) ?? 0) + 1);
        }
    for (const char of seen) this.#pagesWith.set(char, (this.#pagesWith.get(char) ?? 0) + 1);
  }

  toFile(costs: IndexCosts): CharacterStatsFile {
    const counts: Record<string, string> = {};
    for (const [char, pages] of [...this.#pagesWith].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const key = `${bucket(pages)}.${bucket(this.#occurrences.get(char) ?? 0)}`;
      counts[key] = (counts[key] ?? '') + char;
    }
    return { version: 1, pages: this.#pages, counts, costs };
  }

  /** Total occurrences counted: the index's word positions, less the title markers. */
  get occurrences(): number {
    let sum = 0;
    for (const count of this.#occurrences.values()) sum += count;
    return sum;
  }
}

const positive = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value > 0;

/** The table as read by a search; anything unreadable reads as "no statistics" (undefined). */
export function readIndexStatistics(data: unknown): IndexStatistics | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { version, pages, counts, costs } = data as Partial<CharacterStatsFile>;
  if (version !== 1 || typeof pages !== 'number' || typeof counts !== 'object' || counts === null) return undefined;
  if (!costs || !positive(costs.chunk) || !positive(costs.fragment) || !positive(costs.perOccurrence)) return undefined;
  const table = new Map<string, [pages: number, occurrences: number]>();
  for (const [key, chars] of Object.entries(counts)) {
    const [p = '0', o = '0'] = key.split('.');
    if (typeof chars === 'string')
      for (const char of chars) table.set(char, [unbucket(Number(p)), unbucket(Number(o))]);
  }
  const characters: CharacterStats = {
    pages,
    pagesWith: (char) => table.get(char)?.[0] ?? 0,
    occurrences: (char) => table.get(char)?.[1] ?? 0,
  };
  return { characters, costs };
}

/** The table written beside an index, fetched from its URL; undefined when missing or unreadable. */
export async function fetchIndexStatistics(url: string): Promise<IndexStatistics | undefined> {
  try {
    const response = await fetch(url);
    return response.ok ? readIndexStatistics(await response.json()) : undefined;
  } catch {
    return undefined;
  }
}
