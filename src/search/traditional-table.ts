/**
 * Which characters a traditional → simplified conversion (simplified.ts) could change: every
 * character OpenCC's traditional table maps to another, and for each phrase of its phrase table
 * the characters the phrase changes (unless one of them is in already).
 * Node-only (it reads the tables); scripts/traditional-chars.ts writes the result as
 * traditional-chars.ts, which the search page carries instead of the tables themselves.
 */
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import { bitmapStart, bitmapEnd } from './traditional-chars.ts';

const entries = (table: string) => table.split('|').map((entry) => entry.split(' '));

export function convertibleCharacters(): Set<string> {
  const found = new Set<string>();
  for (const [from = '', to] of entries(TSCharacters)) if (from !== to) for (const char of from) found.add(char);
  // A phrase is converted only where the text has the whole phrase, so it takes only one of the
  // characters it changes to be worth loading the tables for (甦生 → 苏生: 甦, not 生).
  for (const [from = '', to = ''] of entries(TSPhrases)) {
    const source = [...from];
    const target = [...to];
    const changed = source.filter((char, index) => source.length !== target.length || char !== target[index]);
    if (!changed.some((char) => found.has(char))) for (const char of changed) found.add(char);
  }
  return found;
}

/** The characters from U+3400 to U+9FFF as a bitmap, base64; characters beyond U+FFFF are always loaded for. */
export function convertibleBitmap(chars: ReadonlySet<string>): string {
  const bits = new Uint8Array(Math.ceil((bitmapEnd - bitmapStart + 1) / 8));
  for (const char of chars) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= bitmapStart && code <= bitmapEnd) {
      const offset = code - bitmapStart;
      bits[offset >> 3] = (bits[offset >> 3] ?? 0) | (1 << (offset & 7));
    } else if (code <= 0xffff) throw new Error(`U+${code.toString(16)} lies outside the bitmap`);
  }
  return Buffer.from(bits).toString('base64');
}
