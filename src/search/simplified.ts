/**
 * Traditional characters in a query become simplified ones (園區 → 园区), because the archive is
 * printed in simplified characters. OpenCC's own tables (opencc-js), phrases first so that words
 * such as 乾淨 → 干净 convert as a whole while 乾隆 stays; only the traditional → simplified pair
 * of tables is bundled (about 21 KB gzipped, not the 52 KB preset).
 *
 * Browser-safe: a module of its own on the site (routes.scripts.simplified), which the search page
 * loads only for a query with a character it could change (traditional-chars.ts).
 */
import { ConverterFactory } from 'opencc-js/core';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';

let converter: ((text: string) => string) | undefined;

/** The text with traditional characters (and phrases) in simplified form; other text unchanged. */
export function toSimplified(text: string): string {
  converter ??= ConverterFactory([TSPhrases, TSCharacters]);
  return converter(text);
}
