/**
 * A line-by-line reading of a Markdown text's block structure, as CommonMark builds it but
 * without building anything: which block quotes and list items each line continues, opens and
 * closes, and what the rest of the line is. It is made to bound the parser's work before it
 * starts (src/pipeline/parse-bounds.ts), so it errs towards seeing more nesting and more
 * paragraph text than the parser will, never less; HTML blocks count as text, tabs as stops of 4.
 */

export type LineKind = 'blank' | 'text' | 'heading' | 'setext' | 'fence' | 'code' | 'break';

export interface BlockLine {
  /** 1-based. */
  line: number;
  text: string;
  /** 1-based columns of the `>` and list markers this line opens, with the depth each one reaches. */
  opened: { column: number; depth: number }[];
  /**
   * How many block quotes and lists the line ends that the lines before it had open. An item
   * followed by the next item of its list ends no list: the parser makes that step cheaply.
   */
  closes: number;
  /** Block quotes and list items the line is in, once it has opened its own. */
  depth: number;
  kind: LineKind;
  /** Where the inline content of a `text` or `heading` line starts, as an index into `text`. */
  content: number;
}

type Container = { quote: true } | { quote: false; indent: number };

const bulletMarker = /^[-+*]/;
const orderedMarker = /^\d{1,9}[.)]/;
const atxHeading = /^#{1,6}(?=[ \t]|$)/;
const fenceOpening = /^(`{3,}|~{3,})/;

/**
 * The block lines of `text` from line `firstLine` on (the lines before it, front matter, are not
 * Markdown). Containers deeper than `maxDepth` + 1 are not opened: one line may hold a million
 * markers, and the caller stops at the first one too deep.
 */
export function* blockLines(text: string, firstLine = 1, maxDepth = Infinity): Generator<BlockLine> {
  const stack: Container[] = [];
  let fence: { marker: string; length: number; depth: number } | undefined;
  let paragraph = false;
  let line = 0;
  for (let start = 0; start <= text.length;) {
    const end = lineEnd(text, start);
    const source = text.slice(start, end);
    start = end + 1;
    line += 1;
    if (line < firstLine) continue;
    if (end === text.length && source === '') break;

    // Continue the open containers: `>` for a quote, the item's indentation (or a blank line) for an item.
    let pos = 0;
    let matched = 0;
    for (; matched < stack.length; matched++) {
      const container = stack[matched];
      if (container?.quote) {
        const at = skipIndent(source, pos, 3);
        if (source.charAt(at) !== '>') break;
        pos = skipOneSpace(source, at + 1);
      } else if (!isBlank(source, pos)) {
        if (indentWidth(source, pos) < (container?.indent ?? 0)) break;
        pos = advanceColumns(source, pos, container?.indent ?? 0);
      }
    }
    const blank = isBlank(source, pos);

    if (fence) {
      if (matched >= fence.depth) {
        const at = skipIndent(source, pos, 3);
        const closing = isRunLine(source, at, fence.marker, fence.length, false);
        if (closing) fence = undefined;
        yield {
          line,
          text: source,
          opened: [],
          closes: 0,
          depth: stack.length,
          kind: closing ? 'fence' : 'code',
          content: pos,
        };
        continue;
      }
      fence = undefined;
    }

    let closes = 0;
    const closedItem = stack[matched]?.quote === false;
    if (matched < stack.length) {
      // A lazy line: paragraph text that goes on without the markers of the containers it is in.
      if (!blank && paragraph && !startsBlock(source, pos)) {
        yield { line, text: source, opened: [], closes: 0, depth: stack.length, kind: 'text', content: pos };
        continue;
      }
      closes = stack.length - matched;
      stack.length = matched;
      paragraph = false;
    }

    // Open new containers, as many as the line starts. A marker that begins a thematic break is
    // none; only a line's tail of markers and blanks can be one, and its start is found once.
    const opened: BlockLine['opened'] = [];
    const breakTail = markerTail(source);
    while (!blank && stack.length <= maxDepth && indentWidth(source, pos) < 4) {
      const at = skipIndent(source, pos, 3);
      const rest = source.slice(at);
      if (rest.startsWith('>')) {
        stack.push({ quote: true });
        opened.push({ column: at + 1, depth: stack.length });
        pos = skipOneSpace(source, at + 1);
        paragraph = false;
        continue;
      }
      const marker = (bulletMarker.exec(rest) ?? orderedMarker.exec(rest))?.[0];
      const after = at + (marker?.length ?? 0);
      const spaced = after === source.length || source[after] === ' ' || source[after] === '\t';
      if (marker === undefined || (at >= breakTail && isThematicBreak(source, at)) || !spaced) break;
      const spaces = isBlank(source, after) ? 1 : Math.min(indentWidth(source, after), 5);
      const gap = spaces >= 5 ? 1 : spaces;
      if (closes > 0 && closedItem && stack.length === matched && opened.length === 0) closes -= 1;
      stack.push({ quote: false, indent: columnsBetween(source, pos, after) + gap });
      opened.push({ column: at + 1, depth: stack.length });
      pos = advanceColumns(source, after, gap);
      paragraph = false;
    }

    const rest = source.slice(skipIndent(source, pos, 3));
    let kind: LineKind;
    let content = pos;
    if (isBlank(source, pos)) kind = 'blank';
    else if (indentWidth(source, pos) >= 4 && !paragraph) kind = 'code';
    else if (isFenceOpening(rest)) {
      const run = fenceOpening.exec(rest)?.[1] ?? '```';
      fence = { marker: run.charAt(0), length: run.length, depth: stack.length };
      kind = 'fence';
    } else if (atxHeading.test(rest)) {
      kind = 'heading';
      content = source.length - rest.length + (atxHeading.exec(rest)?.[0].length ?? 0);
    } else if (paragraph && opened.length === 0 && closes === 0 && isSetextUnderline(source, pos)) kind = 'setext';
    else if (isThematicBreak(source, skipIndent(source, pos, 3))) kind = 'break';
    else kind = 'text';
    paragraph = kind === 'text';
    yield { line, text: source, opened, closes, depth: stack.length, kind, content };
  }
}

/*
 * Lines can be megabytes long: these walk them once, where a regular expression would keep a
 * backtracking position per character (and can run out of stack doing so).
 */

/** ```` ```js ```` or `~~~`: a backtick fence's info string has no backtick (else it is inline code). */
function isFenceOpening(rest: string): boolean {
  const run = fenceOpening.exec(rest)?.[1];
  return run !== undefined && (run.startsWith('~') || !rest.includes('`', run.length));
}

/** Where the line's last run of `-`, `*`, `_`, spaces and tabs begins. */
function markerTail(source: string): number {
  let i = source.length;
  while (i > 0 && ' \t-*_'.includes(source.charAt(i - 1))) i--;
  return i;
}

/** `***`, `- - -`, `___`: three or more of one marker, spaces and tabs between. */
function isThematicBreak(source: string, at: number): boolean {
  const marker = source[at];
  if (marker !== '-' && marker !== '*' && marker !== '_') return false;
  return isRunLine(source, at, marker, 3, true);
}

/** `===` or `---` alone (after up to 3 spaces): what turns the paragraph above into a heading. */
function isSetextUnderline(source: string, pos: number): boolean {
  const at = skipIndent(source, pos, 3);
  const marker = source[at];
  return (marker === '=' || marker === '-') && isRunLine(source, at, marker, 1, false);
}

/** From `at`: at least `min` of `marker` (with blanks between them when `spaced`), then only blanks. */
function isRunLine(source: string, at: number, marker: string, min: number, spaced: boolean): boolean {
  let count = 0;
  let i = at;
  for (; i < source.length; i++) {
    const char = source[i];
    if (char === marker && (spaced || count === i - at)) count++;
    else if (char !== ' ' && char !== '\t') return false;
  }
  return count >= min;
}

function lineEnd(text: string, start: number): number {
  const end = text.indexOf('\n', start);
  return end === -1 ? text.length : end;
}

/** Whether a line that does not continue its containers starts a block of its own (so is not lazy). */
function startsBlock(source: string, pos: number): boolean {
  const rest = source.slice(skipIndent(source, pos, 3));
  return (
    rest.startsWith('>') ||
    atxHeading.test(rest) ||
    isFenceOpening(rest) ||
    isThematicBreak(source, skipIndent(source, pos, 3)) ||
    /^(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/.test(rest)
  );
}

function isBlank(source: string, pos: number): boolean {
  for (let i = pos; i < source.length; i++) if (source[i] !== ' ' && source[i] !== '\t') return false;
  return true;
}

/** Columns of whitespace from `pos`, a tab reaching the next multiple of 4. */
function indentWidth(source: string, pos: number): number {
  let width = 0;
  for (let i = pos; source[i] === ' ' || source[i] === '\t'; i++) width += source[i] === '\t' ? 4 - (width % 4) : 1;
  return width;
}

/** Past at most `max` columns of spaces (a tab is more than 3). */
function skipIndent(source: string, pos: number, max: number): number {
  let i = pos;
  while (i - pos < max && source[i] === ' ') i++;
  return i;
}

function skipOneSpace(source: string, pos: number): number {
  return source[pos] === ' ' || source[pos] === '\t' ? pos + 1 : pos;
}

/** Past `columns` columns of whitespace (a tab that reaches beyond them is taken whole). */
function advanceColumns(source: string, pos: number, columns: number): number {
  let width = 0;
  let i = pos;
  while (width < columns && (source[i] === ' ' || source[i] === '\t')) {
    width += source[i] === '\t' ? 4 - (width % 4) : 1;
    i++;
  }
  return i;
}

function columnsBetween(source: string, from: number, to: number): number {
  let width = 0;
  for (let i = from; i < to; i++) width += source[i] === '\t' ? 4 - (width % 4) : 1;
  return width;
}
