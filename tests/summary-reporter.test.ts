import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/content.ts';
import { defined } from './helpers/defined.ts';

/**
 * A tiny project run by the real Vitest with its default reporter and ours: the counts Vitest
 * prints are the reference. Written to a temporary folder so the suite's own globs never see it;
 * `--globals` spares the fixture an import of vitest, which would not resolve from there.
 */
const fixture: Record<string, string> = {
  'pass.test.js': [
    "test('passes', () => {});",
    "test.skip('is skipped', () => {});",
    "test('skips itself', (context) => context.skip());",
    "test.todo('is still to write');",
    "test.fails('fails as expected', () => { throw new Error('expected'); });",
  ].join('\n'),
  'fail.test.js': "test('passes', () => {});\ntest('fails', () => { throw new Error('a failing test'); });",
  'throws.test.js': "throw new Error('thrown at import');\ntest('is never collected', () => {});",
  'skipped.test.js': "test.skip('is skipped', () => {});",
};

const work = mkdtempSync(join(tmpdir(), 'summary-reporter-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `1 failed | 2 passed (3)` → { failed: 1, passed: 2 }. */
function vitestCounts(stdout: string, title: string): Record<string, number> {
  const line = stdout.split('\n').find((l) => l.trimStart().startsWith(`${title} `));
  if (!line) throw new Error(`no "${title}" line in:\n${stdout}`);
  return Object.fromEntries(
    [...line.replace(/\(\d+\)\s*$/, '').matchAll(/(\d+) ([a-z ]+?)(?= \||$)/g)].map((m) => [
      defined(m[2], `a kind in "${line}"`).trim(),
      Number(m[1]),
    ]),
  );
}

/** Our line's `Tests: …` or `Test files: …` part, in the same shape. */
function ourCounts(line: string, title: string): Record<string, number> {
  const part = line.split(' · ').find((p) => p.startsWith(`${title}: `));
  if (!part) throw new Error(`no "${title}" part in: ${line}`);
  return Object.fromEntries(
    part
      .slice(title.length + 2)
      .split(', ')
      .map((item) => {
        const [, count, kind] = defined(/^(\d+) (.+)$/.exec(item), `a count and kind in "${item}"`);
        return [defined(kind, `the kind in "${item}"`), Number(count)];
      }),
  );
}

const nonZero = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));

describe('the summary line', () => {
  it('reports what Vitest reports, test files and tests apart, when a file fails to load', () => {
    for (const [name, text] of Object.entries(fixture)) writeFileSync(join(work, name), text);
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')));
    const result = spawnSync(
      process.execPath,
      [
        join(repoRoot, 'node_modules/vitest/vitest.mjs'),
        'run',
        '--root',
        work,
        '--globals',
        '--reporter=default',
        `--reporter=${join(repoRoot, 'tests/summary-reporter.ts')}`,
      ],
      { cwd: work, encoding: 'utf8', env: { ...env, NO_COLOR: '1', FORCE_COLOR: '0', CI: '1' } },
    );
    expect(result.status, result.stdout + result.stderr).toBe(1);
    const ours = result.stdout.split('\n').filter((l) => l.startsWith('Tests: '));
    expect(ours, result.stdout).toHaveLength(1);
    const line = defined(ours[0], 'our summary line');

    // Vitest leaves out kinds it has none of; the line always has passed, failed and skipped.
    expect(nonZero(ourCounts(line, 'Tests'))).toEqual(vitestCounts(result.stdout, 'Tests'));
    expect(nonZero(ourCounts(line, 'Test files'))).toEqual(vitestCounts(result.stdout, 'Test Files'));
    expect(line).toBe(
      'Tests: 2 passed, 1 failed, 3 skipped, 1 todo, 1 expected fail · Test files: 1 passed, 2 failed, 1 skipped',
    );
  });
});
