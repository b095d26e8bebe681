import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/archive/load-archive.ts';
import { bundledIssuePath, makeContentDir, repoRoot } from '../helpers/content.ts';
import { defined } from '../helpers/defined.ts';
import { toHtml } from 'hast-util-to-html';
import { articleHtml } from '../../src/site/article-html.ts';
import { readSettings } from '../../src/site/settings.ts';
import { listFiles, runBuild } from '../site/helpers/build.ts';
import { seededRandom } from '../../src/generate/random.ts';

/** Seeded (src/generate/random.ts), so a failing round can be replayed from its number. */
function random(seed: number): () => number {
  const generator = seededRandom(seed);
  return () => generator.next();
}

const encoder = new TextEncoder();
const oddCharacters = [
  '\u0000',
  '\u200b',
  '\u202e',
  '\ufeff',
  '\ud83c\udf3f',
  '<script>alert(1)</script>',
  '---',
  '## ',
  '### ',
  '#### ',
  '——',
  '{#',
  '}',
  '`',
  '*',
  '[',
  '](javascript:alert(1))',
  '\r',
  '\n\n',
  '&amp;',
  '图：',
];

type Mutation = (bytes: Uint8Array, next: () => number) => Uint8Array;

const lines = (bytes: Uint8Array) => new TextDecoder().decode(bytes).split('\n');
const joinLines = (parts: string[]) => encoder.encode(parts.join('\n'));
const pick = (n: number, next: () => number) => Math.floor(next() * n);

const mutations: Record<string, Mutation> = {
  truncate: (bytes, next) => bytes.slice(0, pick(bytes.length, next)),
  deleteLine: (bytes, next) => {
    const all = lines(bytes);
    all.splice(pick(all.length, next), 1);
    return joinLines(all);
  },
  duplicateLine: (bytes, next) => {
    const all = lines(bytes);
    const i = pick(all.length, next);
    all.splice(i, 0, defined(all[i], `line ${i}`));
    return joinLines(all);
  },
  swapLines: (bytes, next) => {
    const all = lines(bytes);
    const i = pick(all.length, next);
    const j = pick(all.length, next);
    [all[i], all[j]] = [defined(all[j], `line ${j}`), defined(all[i], `line ${i}`)];
    return joinLines(all);
  },
  flipByte: (bytes, next) => {
    const copy = bytes.slice();
    const i = pick(copy.length, next);
    const bit = 1 << pick(8, next);
    const byte = copy[i];
    // An empty file (after a truncation) has no byte to flip.
    if (byte !== undefined) copy[i] = byte ^ bit;
    return copy;
  },
  insertUnicode: (bytes, next) => {
    const text = new TextDecoder().decode(bytes);
    const at = pick(text.length, next);
    const inserted =
      next() < 0.5
        ? defined(oddCharacters[pick(oddCharacters.length, next)], 'an odd character')
        : String.fromCodePoint(pick(0x10ffff, next) & ~0xf800 || 0x41);
    return encoder.encode(text.slice(0, at) + inserted + text.slice(at));
  },
};

const seed = 20180629;

/** One to three mutations of the bundled issue, drawn from `next`; the label replays the round. */
function mutate(original: Uint8Array, next: () => number): { bytes: Uint8Array; applied: string[] } {
  const named = Object.entries(mutations);
  let bytes: Uint8Array = original;
  const applied: string[] = [];
  for (let k = 0, count = 1 + pick(3, next); k < count; k++) {
    const [name, mutation] = defined(named[pick(named.length, next)], 'a mutation');
    applied.push(name);
    bytes = mutation(bytes, next);
  }
  return { bytes, applied };
}

/** Every file of a built site with a digest of its bytes: equal snapshots mean an untouched site. */
async function snapshot(dir: string): Promise<string[]> {
  const files = await listFiles(dir);
  return files.map(
    (file) =>
      `${file} ${createHash('sha256')
        .update(readFileSync(join(dir, file)))
        .digest('hex')}`,
  );
}

const original = new Uint8Array(readFileSync(bundledIssuePath));

describe(`fuzzing the bundled issue (seed ${seed})`, () => {
  const rounds = 300;

  it(
    `${rounds} rounds through the pipeline: ` + 'each yields the issue or reports path:line:col errors, never throws',
    async () => {
      const next = random(seed);
      for (let round = 0; round < rounds; round++) {
        const { bytes, applied } = mutate(original, next);
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
          // The model's own tree (what any consumer of the model gets) and the page made from it.
          for (const html of [toHtml(article.body), articleHtml(article, 'page', readSettings({}))]) {
            expect(html, label).not.toMatch(/<script|<iframe|<[^>]+\son\w+=|(?:href|src)="\s*(?:javascript|data):/i);
          }
        }
      }
    },
  );

  const buildRounds = 4;

  it(`${buildRounds} rounds through npm run build: a failed build leaves the previous site byte for byte`, async () => {
    const content = makeContentDir({
      '2018/2018-01.md': original,
      'parks.yaml': readFileSync(join(repoRoot, 'content/parks.yaml')),
    });
    const out = join(content, '..', `${basename(content)}-site`);
    expect((await runBuild(out, { CONTENT_DIR: content })).code).toBe(0);
    const next = random(seed + 1);
    let outcomes = { built: 0, refused: 0 };
    for (let round = 0; round < buildRounds; round++) {
      const before = await snapshot(out);
      const { bytes, applied } = mutate(original, next);
      const label = `build round ${round}: ${applied.join(', ')}`;
      writeFileSync(join(content, '2018/2018-01.md'), bytes);
      const result = await runBuild(out, { CONTENT_DIR: content });
      expect(result.stderr, label).not.toMatch(/\n\s+at |Error:/);
      if (result.code === 0) {
        outcomes = { ...outcomes, built: outcomes.built + 1 };
        expect(existsSync(join(out, 'index.html')), label).toBe(true);
      } else {
        outcomes = { ...outcomes, refused: outcomes.refused + 1 };
        expect(result.code, label).toBe(1);
        expect(result.stderr, label).toMatch(/^\S+:\d+:\d+ {2}error {2}\S.* {2}\([a-z-]+\)$/m);
        expect(await snapshot(out), label).toEqual(before);
      }
    }
    rmSync(out, { recursive: true, force: true });
    // The seed is chosen so that both outcomes occur; a change that made every round fail (or pass) shows here.
    expect(outcomes.built).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });
});
