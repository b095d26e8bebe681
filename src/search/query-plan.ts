/**
 * Which phrase searches answer a query for the fewest bytes. A search for a term loads, for each
 * of its characters, the index chunk holding that character's list; a pasted sentence has some
 * 150 distinct characters and would load most of the index (12 MB at 1,000 issues). Every article
 * that matches contains each required term, so also each window (short substring) of it: a few
 * windows of rare characters narrow the articles to a handful of candidates, which are then
 * checked on their text (query.ts). The plan weighs a window's bytes against how many candidates
 * it is likely to leave, from the character counts written with the index (character-stats.ts).
 *
 * Browser-safe: no Node imports.
 */
import type { CharacterStats } from './character-stats.ts';
import { markedTerms, type ParsedQuery } from './query-syntax.ts';

/** Longest window tried: longer ones load more lists and rarely narrow further. */
const maxWindow = 3;

/** The index's costs, measured when it was written (character-stats.ts). */
export interface IndexCosts {
  /** Bytes per stored word position, over the whole index. */
  perOccurrence: number;
  /** A chunk of rare words: what loading any one list costs at least. */
  chunk: number;
  /** One article's fragment (its text, for checking a candidate). */
  fragment: number;
}

/** The cheapest way on from here, as far as the counts tell. */
export interface Step {
  /** The window to search next; undefined: check the candidates now. */
  window?: string;
  /** Estimated bytes still to load, candidates' fragments included. */
  cost: number;
}

export interface Planner {
  /**
   * The plan for `candidates` articles left: which window first, and the whole plan's cost.
   * Undefined candidates: nothing searched yet, so no candidates to check; the plan starts with a window.
   */
  plan(candidates?: number): Step;
  /**
   * Records a window as searched (its characters' lists are loaded) and, when given, how many
   * candidates there were before and after it: later estimates narrow only as well as this one did.
   */
  searched(window: string, narrowing?: { before: number; after: number }): void;
  /** What searching every term in full would still cost (the title markers for ranking included). */
  remainingFullCost(): number;
}

/** Windows planned ahead: beyond a few, the estimates are too rough to steer by. */
const lookahead = 6;

/** What a further window of an already narrowing term is guessed to leave of the candidates. */
const sameTermShare = 0.8;

/** The terms every match contains: those of groups without OR. */
export function requiredTerms(parsed: ParsedQuery): string[] {
  return [...new Set(parsed.groups.filter((group) => group.length === 1).flatMap((group) => group[0]?.terms ?? []))];
}

/** Every character a full search of the query loads a list for: all terms' characters. */
export function queryCharacters(parsed: ParsedQuery): Set<string> {
  const parts = [...parsed.groups.flat(), ...parsed.excluded];
  return new Set(parts.flatMap((part) => part.terms.flatMap((term) => [...term])));
}

export function createPlanner(parsed: ParsedQuery, stats: CharacterStats, costs: IndexCosts): Planner {
  const loaded = new Set<string>();
  const tried = new Set<string>();
  const pages = Math.max(1, stats.pages);
  const charBytes = (char: string) => Math.max(costs.chunk, stats.occurrences(char) * costs.perOccurrence);
  const bytesFor = (chars: Iterable<string>, have: ReadonlySet<string>) => {
    let sum = 0;
    for (const char of new Set(chars)) if (!have.has(char)) sum += charBytes(char);
    return sum;
  };
  /** The required terms each window is part of. */
  const termsOf = new Map<string, Set<number>>();
  requiredTerms(parsed).forEach((term, termIndex) => {
    const chars = [...term];
    for (let length = 1; length <= Math.min(maxWindow, chars.length); length++)
      for (let start = 0; start + length <= chars.length; start++) {
        const window = chars.slice(start, start + length).join('');
        termsOf.set(window, (termsOf.get(window) ?? new Set()).add(termIndex));
      }
  });
  const windows = [...termsOf.keys()];
  /** Terms a searched window came from: their other characters are likely in every candidate already. */
  const narrowedBy = new Set<number>();
  const addTerms = (window: string, to: Set<number>) => {
    for (const term of termsOf.get(window) ?? []) to.add(term);
  };
  /**
   * Share of the current candidates likely to contain the window, from its characters whose lists
   * are not loaded yet: the rarest one's share, narrowed a little by the others (adjacent
   * characters are far from independent, hence the square root). A window of loaded characters
   * only adds adjacency: guessed to halve the candidates. A window of a term that has narrowed the
   * candidates already narrows them little: they all hold a run of that term, and a term's
   * characters come together (a word, a clause of a pasted sentence), far from independently.
   */
  const guessedShare = (window: string, have: ReadonlySet<string>, narrowed: ReadonlySet<number>) => {
    if ([...(termsOf.get(window) ?? [])].some((term) => narrowed.has(term))) return sameTermShare;
    const shares = [...new Set(window)]
      .filter((char) => !have.has(char))
      .map((char) => Math.min(1, stats.pagesWith(char) / pages))
      .sort((a, b) => a - b);
    if (shares.length === 0) return 0.5;
    return shares.reduce((product, value, index) => product * (index === 0 ? value : Math.sqrt(value)), 1);
  };
  /**
   * How much of the narrowing guessed the last search achieved (1: as guessed, 0: none). Counts
   * guess from the whole archive; among candidates that already share one part of a query, the
   * other parts are often there too, and a guess that failed once is trusted less next time.
   */
  let effectiveness = 1;
  const share = (window: string, have: ReadonlySet<string>, narrowed: ReadonlySet<number>) =>
    1 - (1 - guessedShare(window, have, narrowed)) * effectiveness;
  // A full search also asks which results have each term in their title: a marker list per character.
  const markerCost = new Set([...markedTerms(parsed).join('')]).size;
  return {
    plan(candidates) {
      const have = new Set(loaded);
      const narrowed = new Set(narrowedBy);
      const done = new Set(tried);
      let estimate = candidates ?? pages;
      let spent = 0;
      let first: string | undefined;
      let best: Step = { cost: candidates === undefined ? Infinity : candidates * costs.fragment };
      for (let step = 0; step < lookahead; step++) {
        let pick: { window: string; bytes: number; share: number; cost: number } | undefined;
        for (const window of windows) {
          // A part of a searched window finds no fewer articles than the window did.
          if ([...done].some((searchedWindow) => searchedWindow.includes(window))) continue;
          const bytes = bytesFor(window, have);
          const windowShare = share(window, have, narrowed);
          const cost = bytes + estimate * windowShare * costs.fragment;
          // At equal cost the longer window: it asks for adjacency too, which only narrows more.
          if (!pick || cost < pick.cost || (cost === pick.cost && window.length > pick.window.length))
            pick = { window, bytes, share: windowShare, cost };
        }
        if (!pick) break;
        first ??= pick.window;
        spent += pick.bytes;
        estimate *= pick.share;
        done.add(pick.window);
        addTerms(pick.window, narrowed);
        for (const char of pick.window) have.add(char);
        const total = spent + estimate * costs.fragment;
        if (total < best.cost) best = { window: first, cost: total };
      }
      return best;
    },
    searched(window, narrowing) {
      if (narrowing && narrowing.before > 0) {
        const guessed = guessedShare(window, loaded, narrowedBy);
        const observed = narrowing.after / narrowing.before;
        if (guessed < 1) effectiveness = Math.min(1, Math.max(0, (1 - observed) / (1 - guessed)));
      }
      tried.add(window);
      addTerms(window, narrowedBy);
      for (const char of window) loaded.add(char);
    },
    remainingFullCost: () => bytesFor(queryCharacters(parsed), loaded) + markerCost * costs.chunk,
  };
}
