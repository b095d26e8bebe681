import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/pipeline/load.ts';
import { bundledIssuePath, makeContentDir } from '../helpers/content.ts';

/** mulberry32: a small seeded generator, so a failing round can be replayed from its number. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const encoder = new TextEncoder();
const oddCharacters = ['\u0000', '\u200b', '\u202e', '\ufeff', '\ud83c\udf3f', '<script>alert(1)</script>', '---', '## ', '### ', '#### ', '——', '{#', '}', '`', '*', '[', '](javascript:alert(1))', '\r', '\n\n', '&amp;', '图：'];

type Mutation = (bytes: Uint8Array, next: () => number) => Uint8Array;

const lines = (bytes: Uint8Array) => new TextDecoder().decode(bytes).split('\n');
const join = (parts: string[]) => encoder.encode(parts.join('\n'));
const pick = (n: number, next: () => number) => Math.floor(next() * n);

const mutations: Record<string, Mutation> = {
  truncate: (bytes, next) => bytes.slice(0, pick(bytes.length, next)),
  deleteLine: (bytes, next) => {
    const all = lines(bytes);
    all.splice(pick(all.length, next), 1);
    return join(all);
  },
  duplicateLine: (bytes, next) => {
    const all = lines(bytes);
    const i = pick(all.length, next);
    all.splice(i, 0, all[i]!);
    return join(all);
  },
  swapLines: (bytes, next) => {
    const all = lines(bytes);
    const i = pick(all.length, next);
    const j = pick(all.length, next);
    [all[i], all[j]] = [all[j]!, all[i]!];
    return join(all);
  },
  flipByte: (bytes, next) => {
    const copy = bytes.slice();
    const i = pick(copy.length, next);
    copy[i] = copy[i]! ^ (1 << pick(8, next));
    return copy;
  },
  insertUnicode: (bytes, next) => {
    const text = new TextDecoder().decode(bytes);
    const at = pick(text.length, next);
    const inserted = next() < 0.5 ? oddCharacters[pick(oddCharacters.length, next)]! : String.fromCodePoint(pick(0x10ffff, next) & ~0xf800 || 0x41);
    return encoder.encode(text.slice(0, at) + inserted + text.slice(at));
  },
};

const rounds = 300;
const seed = 20180629;

describe(`fuzzing the bundled issue (${rounds} rounds, seed ${seed})`, () => {
  it('every round either yields the issue or reports path:line:col errors, never throws', async () => {
    const original = new Uint8Array(readFileSync(bundledIssuePath));
    const next = random(seed);
    const names = Object.keys(mutations);
    for (let round = 0; round < rounds; round++) {
      let bytes: Uint8Array = original;
      const applied: string[] = [];
      for (let k = 0, count = 1 + pick(3, next); k < count; k++) {
        const name = names[pick(names.length, next)]!;
        applied.push(name);
        bytes = mutations[name]!(bytes, next);
      }
      const label = `round ${round}: ${applied.join(', ')}`;
      const archive = await loadArchive(makeContentDir({ '2018/2018-01.md': bytes }));
      for (const d of archive.diagnostics) {
        expect(d.line, label).toBeGreaterThanOrEqual(1);
        expect(d.column, label).toBeGreaterThanOrEqual(1);
        expect(d.message.length, label).toBeGreaterThan(0);
        expect(d.rule, label).toMatch(/^[a-z-]+$/);
      }
      const failed = archive.diagnostics.some((d) => d.severity === 'error');
      expect(archive.issues.length, label).toBe(failed ? 0 : 1);
      for (const article of archive.issues.flatMap((i) => i.sections.flatMap((s) => s.articles))) {
        expect(article.html, label).not.toMatch(/<script|<iframe|<[^>]+\son\w+=|(?:href|src)="\s*(?:javascript|data):/i);
      }
    }
  });
});
