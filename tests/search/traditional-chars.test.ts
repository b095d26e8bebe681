import { describe, expect, it } from 'vitest';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import { bitmapEnd, bitmapStart, mayBeTraditional } from '../../src/search/traditional-chars.ts';
import { convertibleBitmap, convertibleCharacters } from '../../src/search/traditional-table.ts';
import { toSimplified } from '../../src/search/simplified.ts';
import { readFile } from 'node:fs/promises';
import { bundledContent } from '../helpers/content.ts';
import { join } from 'node:path';

describe('which queries need the traditional → simplified tables', () => {
  it('carries the bitmap of the installed opencc-js tables (else run scripts/traditional-chars.ts)', async () => {
    const source = await readFile(new URL('../../src/search/traditional-chars.ts', import.meta.url), 'utf8');
    const written = [...(source.match(/const bitmap = \[([^\]]*)\]/)?.[1] ?? '').matchAll(/'([^']*)'/g)]
      .map((match) => match[1])
      .join('');
    expect(written).toBe(convertibleBitmap(convertibleCharacters()));
  });

  it('never skips a character the conversion changes', () => {
    const missed: string[] = [];
    for (let code = bitmapStart; code <= bitmapEnd; code++) {
      const char = String.fromCodePoint(code);
      if (!mayBeTraditional(char) && toSimplified(char) !== char) missed.push(char);
    }
    expect(missed).toEqual([]);
  });

  it('never skips a phrase the conversion changes', () => {
    const missed = TSPhrases.split('|')
      .map((entry) => entry.split(' ')[0] ?? '')
      .filter((phrase) => !mayBeTraditional(phrase) && toSimplified(phrase) !== phrase);
    expect(missed).toEqual([]);
  });

  it.each([
    ['園區', true],
    ['生態工業園區', true],
    ['乾淨', true],
    ['𠁞', true],
    ['园区', false],
    ['生态工业园区', false],
    ['VOC 3.0', false],
  ])('%s → %s', (query, expected) => {
    expect(mayBeTraditional(query)).toBe(expected);
  });

  it('loads nothing for the text of the bundled issue', async () => {
    const text = await readFile(join(bundledContent, '2018', '2018-01.md'), 'utf8');
    const needing = [...new Set(text)].filter((char) => mayBeTraditional(char));
    // Characters both scripts share may be in the table (乾 of 乾隆); the seed has none of them.
    expect(needing).toEqual([]);
  });
});
