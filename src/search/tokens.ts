/**
 * How text becomes Pagefind tokens, and how a reader's query becomes Pagefind phrase queries.
 *
 * Pagefind segments Chinese into dictionary words, so a query for part of a word (态工, 高新区)
 * would miss. Instead every character is indexed as its own word: a zero-width space between
 * any two adjacent characters makes Pagefind split there (it also joins words with it, so the text
 * a reader sees in excerpts stays unchanged). Han characters, digits and letters become words;
 * punctuation becomes a word Pagefind drops but still counts, so it keeps the characters on
 * either side apart (泰州，合肥 has no 州合), while spaces keep nothing apart. A query term is then
 * searched as an exact phrase of single characters, which Pagefind answers from word positions:
 * a substring match.
 *
 * Browser-safe: no Node imports (the search page bundles this through query.ts).
 */

export const zeroWidthSpace = '\u200b';

const tokenCharPattern = /^[\p{Script=Han}0-9a-z]$/u;
// Not only between tokens: Pagefind would keep 3.0 or a-b together as one word, hiding 3 and b.
const adjacentCharacters = /(\S)(?=\S)/gu;
const fullWidthAlphanumeric = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g;

/** A character that is a token by itself once text is width-folded and lower-cased. */
export function isTokenChar(char: string): boolean {
  return tokenCharPattern.test(char);
}

/**
 * Full-width letters and digits (ＶＯＣ, ２０１８) become ASCII, as the query side does with NFKC.
 * Only these: NFKC on the whole text would also turn Chinese punctuation into ASCII in excerpts.
 */
export function foldWidth(text: string): string {
  return text.replace(fullWidthAlphanumeric, (char) => char.normalize('NFKC'));
}

/** Text as handed to the indexer: one Pagefind word per character. */
export function spaceTokens(text: string): string {
  return foldWidth(text).replace(adjacentCharacters, `$1${zeroWidthSpace}`);
}

/**
 * The reader's query as search terms: NFKC (full-width forms), lower case, and anything that is
 * not a token character (spaces, punctuation) separates terms. Duplicates are dropped.
 */
export function queryTerms(query: string): string[] {
  const terms = query
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{Script=Han}0-9a-z]+/u)
    .filter((term) => term !== '');
  return [...new Set(terms)];
}

/** A term as Pagefind's exact-phrase query: quoted, characters separated by spaces. */
export function phraseQuery(term: string): string {
  return `"${[...term].join(' ')}"`;
}

/**
 * The title is indexed a second time as marker words (`t` + code point in base 36, e.g. 泰 →
 * `tlio`), so a phrase query of markers tells, in the same index and with the same result ids,
 * which articles have the term in their title. Markers are the only multi-character words in the
 * index (everything else is split into single characters), so they can never match a reader's
 * query, and punctuation between them is kept so that, as in the text, it breaks adjacency.
 */
export function titleMarker(char: string): string {
  return `t${(char.codePointAt(0) ?? 0).toString(36)}`;
}

export function titleMarkers(title: string): string {
  return [...foldWidth(title).toLowerCase()]
    .filter((char) => !/\s/u.test(char))
    .map((char) => (isTokenChar(char) ? titleMarker(char) : char))
    .join(' ');
}

export function titlePhraseQuery(term: string): string {
  return `"${[...term].map(titleMarker).join(' ')}"`;
}
