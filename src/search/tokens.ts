/**
 * How text becomes Pagefind words, and how a query term becomes a Pagefind phrase query.
 *
 * Pagefind segments Chinese into dictionary words, so a query for part of a word (态工, 高新区)
 * would miss. Instead every character is indexed as its own word: a zero-width space between
 * any two adjacent characters makes Pagefind split there (it also joins words with it, so the text
 * a reader sees in excerpts stays unchanged). A query term is then searched as an exact phrase of
 * single characters, which Pagefind answers from word positions: a substring match.
 *
 * Both sides fold the same way (`foldChar`): NFKC and lower case, one character at a time, so
 * ㎡ is m2, ℃ is °c, Ⅱ is ii, ① is 1, ₂ is 2, ＶＯＣ is voc. Han characters, digits and letters
 * (after folding) are term characters; so are `. - / +` between two letters or digits (3.0,
 * 2014-2020, GB/T, 2+2), written as the code words `pd ph ps pp` so that no typed character
 * can match them. Other punctuation becomes a word Pagefind drops but still counts, so it keeps
 * the characters on either side apart (泰州，合肥 has no 州合), while spaces keep nothing apart.
 *
 * A character whose index words differ from itself (a folded character, a code word, an ASCII
 * full stop) carries its own code point in Unicode tag characters (U+E0020–E007E), which Pagefind
 * drops from words but keeps in excerpts: `shownText` turns the excerpt back into the original
 * text, and Pagefind's own block seams are then the only plain full stops left.
 *
 * Browser-safe: no Node imports (the search page bundles this through query.ts).
 */

export const zeroWidthSpace = '\u200b';

/**
 * Ends every reader-visible block of a record (title, each line of text), followed by a full stop.
 * Pagefind joins blocks with ". " only after a block that does not end in punctuation, so its
 * content cannot tell a block's end from a space inside a line; this tag character (CANCEL TAG),
 * dropped from words like the other tags, can. Pagefind counts it as punctuation and would then
 * add no seam at all, letting a phrase run on into the next block: the full stop after it is that
 * seam, written by us for every block. A search that checks candidates on their text (query.ts)
 * splits at the mark, so that no term runs from one block into the next, as no phrase match does.
 */
export const blockEnd = '\u{e007f}';

const tokenCharPattern = /^[\p{Script=Han}0-9a-z]$/u;
const runCharPattern = /^[0-9a-z]$/;
/** Punctuation that is part of a term between two letters or digits, and the word it is indexed as. */
const joinerWords: Readonly<Record<string, string>> = { '.': 'pd', '-': 'ph', '/': 'ps', '+': 'pp' };
const whitespace = /^\s$/u;
/**
 * Tag characters after a word: `<code point in hex>;<length>`, or `~;<length>` for a later word of
 * the same character, where length is how many characters of the word before them to replace
 * (Pagefind's excerpts do not keep the zero-width spaces between words, so the word's own
 * length says where it starts).
 */
const tagBase = 0xe0000;
const isTag = (char: string) => {
  const code = char.codePointAt(0) ?? 0;
  return code >= tagBase + 0x20 && code <= tagBase + 0x7e;
};
const continuation = '~';

/** A character that is a term character by itself once folded. */
export function isTokenChar(char: string): boolean {
  return tokenCharPattern.test(char);
}

const folded = new Map<string, string>();

/** One character as index and query see it: NFKC, then lower case (may be several characters: ㎡ → m2). */
export function foldChar(char: string): string {
  // An archive has a few thousand distinct characters and folds each of them millions of times.
  let result = folded.get(char);
  if (result === undefined) folded.set(char, (result = char.normalize('NFKC').toLowerCase()));
  return result;
}

/** Text as terms are matched against: whitespace removed, every character folded. */
export function foldText(text: string): string {
  return [...text]
    .filter((char) => !whitespace.test(char))
    .map(foldChar)
    .join('');
}

function isJoinerAt(chars: readonly string[], index: number): boolean {
  const char = chars[index] ?? '';
  return (
    char in joinerWords && runCharPattern.test(chars[index - 1] ?? '') && runCharPattern.test(chars[index + 1] ?? '')
  );
}

/** Which folded characters are term characters: Han, letters, digits, and `. - / +` inside a run of those. */
export function termCharacters(folded: readonly string[]): boolean[] {
  return folded.map((char, index) => isTokenChar(char) || isJoinerAt(folded, index));
}

/** Folded text (no whitespace) cut into terms at everything that is not a term character. */
export function splitTerms(folded: string): string[] {
  const chars = [...folded];
  const isTerm = termCharacters(chars);
  const terms: string[] = [];
  let current = '';
  chars.forEach((char, index) => {
    if (isTerm[index]) current += char;
    else {
      if (current) terms.push(current);
      current = '';
    }
  });
  if (current) terms.push(current);
  return terms;
}

/** The reader's words as terms, for the article page's highlight parameter (terms joined by spaces). */
export function queryTerms(query: string): string[] {
  return [...new Set(query.split(/\s+/u).flatMap((word) => splitTerms(foldText(word))))];
}

function tags(text: string): string {
  return [...text].map((char) => String.fromCodePoint(tagBase + char.charCodeAt(0))).join('');
}

interface Unit {
  /** The folded character. */
  folded: string;
  /** The character of the text it comes from. */
  source: string;
  /** Whether it is the first unit of its source character. */
  first: boolean;
}

/** The text's non-whitespace characters folded, one unit per folded character. */
function units(text: string): Unit[] {
  return [...text]
    .filter((char) => !whitespace.test(char))
    .flatMap((source) => [...foldChar(source)].map((folded, k) => ({ folded, source, first: k === 0 })));
}

/** The Pagefind word of one unit; `joiner` when it is `. - / +` inside a run. */
function unitWord(unit: Unit, joiner: boolean, unchanged: boolean): string {
  const label = (shown: string) =>
    tags(`${unit.first ? (unit.source.codePointAt(0)?.toString(16) ?? '') : continuation};${[...shown].length}`);
  if (joiner) {
    const code = joinerWords[unit.folded] ?? '';
    return `${code}${label(code)}`;
  }
  // Unchanged characters are written as they are (Pagefind lower-cases letters itself), except
  // the ASCII full stop, which would look like one of Pagefind's block seams in an excerpt.
  if (unchanged && unit.source !== '.') return unit.source;
  // Other punctuation is dropped by Pagefind anyway: only its place counts.
  if (!isTokenChar(unit.folded) && unit.source !== '.' && [...foldChar(unit.source)].length === 1) return unit.source;
  return `${unit.folded}${label(unit.folded)}`;
}

/** Text as handed to the indexer: one Pagefind word per folded character, whitespace kept. */
export function spaceTokens(text: string): string {
  const all = units(text);
  const folded = all.map((unit) => unit.folded);
  const words = all.map((unit, index) => {
    const unchanged = foldChar(unit.source) === unit.source.toLowerCase();
    return unitWord(unit, isJoinerAt(folded, index), unchanged);
  });
  // Put the words back where the text had no whitespace; whitespace stays as it was.
  let out = '';
  let next = 0;
  let previousWasWord = false;
  for (const char of text) {
    if (whitespace.test(char)) {
      out += char;
      previousWasWord = false;
      continue;
    }
    const count = [...foldChar(char)].length;
    const own = words.slice(next, next + count);
    next += count;
    out += `${previousWasWord ? zeroWidthSpace : ''}${own.join(zeroWidthSpace)}`;
    previousWasWord = true;
  }
  return out;
}

/** An excerpt of indexed text back as the original text: tagged words become their character, zero-width spaces go. */
export function shownText(indexed: string): string {
  const out: string[] = [];
  const chars = [...indexed];
  for (let index = 0; index < chars.length; index++) {
    const char = chars[index] ?? '';
    if (char === zeroWidthSpace || char === blockEnd) continue;
    if (!isTag(char)) {
      out.push(char);
      continue;
    }
    let label = '';
    for (; index < chars.length && isTag(chars[index] ?? ''); index++)
      label += String.fromCharCode((chars[index]?.codePointAt(0) ?? tagBase) - tagBase);
    index--;
    const [code = '', length = '0'] = label.split(';');
    out.splice(Math.max(0, out.length - Number.parseInt(length, 10)));
    const codePoint = Number.parseInt(code, 16);
    if (code !== continuation && Number.isFinite(codePoint)) out.push(String.fromCodePoint(codePoint));
  }
  return out.join('');
}

/**
 * A record's reader-visible blocks (title, then each line of text) from the content Pagefind
 * stored for it (entities decoded), folded as terms are matched (`foldText`). Pagefind's seams
 * are the only untagged full stops (the text's own carry tags); what follows the last block end
 * (the title markers) is not reader-visible and is left out.
 */
export function recordBlocks(content: string): string[] {
  const parts = content.split(blockEnd);
  parts.pop();
  return parts.map((part) => foldText(shownText(part.replace(/\.(?![\u{e0020}-\u{e007e}])/gu, ''))));
}

/** A term character as its Pagefind word: itself, or the code word of a joiner. */
function termWord(char: string): string {
  return joinerWords[char] ?? char;
}

/** A term as Pagefind's exact-phrase query: quoted, one word per character. */
export function phraseQuery(term: string): string {
  return `"${[...term].map(termWord).join(' ')}"`;
}

/**
 * The title is indexed a second time as marker words (`t` + code point in base 36, e.g. 泰 →
 * `tlio`), so a phrase query of markers tells, in the same index and with the same result ids,
 * which articles have the term in their title. Markers are the only multi-character words in the
 * index besides the joiner code words (`p…`), so they can never match a reader's query, and
 * punctuation between them is kept so that, as in the text, it breaks adjacency.
 */
export function titleMarker(char: string): string {
  return `t${(char.codePointAt(0) ?? 0).toString(36)}`;
}

export function titleMarkers(title: string): string {
  const all = units(title);
  const folded = all.map((unit) => unit.folded);
  const isTerm = termCharacters(folded);
  return all.map((unit, index) => (isTerm[index] ? titleMarker(unit.folded) : unit.source)).join(' ');
}

export function titlePhraseQuery(term: string): string {
  return `"${[...term].map(titleMarker).join(' ')}"`;
}
