/**
 * What a reader types, as a structured query:
 *
 * - words separated by spaces must all occur (泰州 合肥);
 * - `A OR B` (upper case OR between two words): either;
 * - `-词` excludes the articles containing 词;
 * - "quoted words" (straight or Chinese quotes) are one term, spaces inside ignored ("ISO 14001");
 * - `title:词` or `标题:词` looks in titles only; so does every word when the page's 只搜标题 is on.
 *
 * Inside a word, punctuation other than `. - / +` between letters or digits separates terms that
 * must all occur (泰州，合肥 is 泰州 and 合肥), as tokens.ts indexes it. Traditional characters
 * are searched as simplified (園區 → 园区) by the caller's `simplify` (simplified.ts, loaded only
 * when needed); `simplified` says so when it changed the query.
 *
 * Browser-safe: no Node imports.
 */
import { foldText, splitTerms } from './tokens.ts';

/** Terms that must all occur, in the text (title, subtitle, body) or in the title only. */
export interface QueryPart {
  terms: string[];
  titleOnly: boolean;
}

export interface ParsedQuery {
  /** Every group must match; a group matches when any of its parts (joined by OR) does. */
  groups: QueryPart[][];
  /** Articles matching any of these parts are left out. */
  excluded: QueryPart[];
  /** The query after traditional → simplified, when that changed it. */
  simplified?: string;
}

const tokenPattern = /(-?)((?:title|标题):)?(?:"([^"]*)"?|“([^”]*)”?|(\S+))/giu;

export interface ParseOptions {
  titleOnly?: boolean;
  /** Traditional → simplified (simplified.ts `toSimplified`); without it the query is read as typed. */
  simplify?: (text: string) => string;
}

export function parseQuery(query: string, options: ParseOptions = {}): ParsedQuery {
  const normalized = query.normalize('NFKC').trim();
  const simplified = options.simplify ? options.simplify(normalized) : normalized;
  const groups: QueryPart[][] = [];
  const excluded: QueryPart[] = [];
  let joinNext = false;
  for (const match of simplified.matchAll(tokenPattern)) {
    const [, minus = '', scope, straight, curly, bare] = match;
    const quoted = straight ?? curly;
    if (quoted === undefined && scope === undefined && minus === '' && bare === 'OR') {
      joinNext = groups.length > 0;
      continue;
    }
    // A lone "-" or "title:" with nothing after it is not an operator but a word, as typed.
    const text = quoted ?? bare ?? '';
    const part: QueryPart = {
      terms: [...new Set(splitTerms(foldText(text)))],
      titleOnly: scope !== undefined || options.titleOnly === true,
    };
    if (part.terms.length === 0) continue;
    if (minus === '-') excluded.push(part);
    else if (joinNext) groups.at(-1)?.push(part);
    else groups.push([part]);
    joinNext = false;
  }
  return { groups, excluded, ...(simplified !== normalized ? { simplified } : {}) };
}

/** The terms to mark in excerpts and on the article page: those of every part that is not excluded. */
export function markedTerms(parsed: ParsedQuery): string[] {
  return [...new Set(parsed.groups.flat().flatMap((part) => part.terms))];
}
