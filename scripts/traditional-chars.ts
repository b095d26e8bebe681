import { readFile, writeFile } from 'node:fs/promises';
import { convertibleBitmap, convertibleCharacters } from '../src/search/traditional-table.ts';
import { bitmapSource } from '../src/search/traditional-chars.ts';

/**
 * `node --import tsx scripts/traditional-chars.ts`: rewrites the bitmap in
 * src/search/traditional-chars.ts from opencc-js's tables (after upgrading opencc-js;
 * tests/search/traditional-chars.test.ts fails while it is stale).
 */
const file = new URL('../src/search/traditional-chars.ts', import.meta.url);
const source = await readFile(file, 'utf8');
const lines = convertibleBitmap(convertibleCharacters()).match(/.{1,100}/g) ?? [];
const literal = `const bitmap = [\n${lines.map((line) => `  '${line}',\n`).join('')}].join('');`;
await writeFile(file, source.replace(/const bitmap = \[[^\]]*\]\.join\(''\);/, literal));
console.log(`rewrote ${bitmapSource}`);
