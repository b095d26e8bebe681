import { cpSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { loadArchive } from '../../src/archive/load-archive.ts';
import { runCheck } from '../../src/cli/check-command.ts';
import { makeContentDir, masthead, minimalBody, repoRoot } from '../helpers/content.ts';

const corpus = join(repoRoot, 'tests/fixtures/invalid');
const cases = parse(readFileSync(join(corpus, 'cases.yaml'), 'utf8')) as {
  input: string;
  errors: { rule: string; line: number }[];
  warnings?: { rule: string; line: number }[];
}[];

/** A content folder holding one corpus entry: a file becomes 2018/2018-01.md, a folder is copied whole. */
function contentFor(input: string): string {
  const source = join(corpus, input);
  if (!statSync(source).isDirectory()) return makeContentDir({ '2018/2018-01.md': readFileSync(source) });
  const dir = makeContentDir({});
  cpSync(source, dir, { recursive: true });
  return dir;
}

/**
 * `npm run check` in this process, as the CLI runs it from the repository root. Anything the
 * check sends to stderr or the console besides its report is caught, as the spawned CLI's
 * stderr would be; tests/pipeline/cli.test.ts runs the real CLI on one entry.
 */
async function checkInProcess(dir: string): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const catchStderr = (...args: unknown[]) => void (stderr += `${args.map(String).join(' ')}\n`);
  const spies = [
    vi
      .spyOn(process.stderr, 'write')
      .mockImplementation((chunk: string | Uint8Array) => ((stderr += chunk.toString()), true)),
    vi.spyOn(console, 'error').mockImplementation(catchStderr),
    vi.spyOn(console, 'warn').mockImplementation(catchStderr),
  ];
  try {
    const status = await runCheck({
      contentDir: dir,
      displayDir: relative(repoRoot, dir) || '.',
      write: (text) => void (stdout += text),
    });
    return { status, stdout, stderr };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

const byPlace = (a: { rule: string; line: number }, b: { rule: string; line: number }) =>
  a.rule.localeCompare(b.rule) || a.line - b.line;

describe('the corpus of broken issue files', () => {
  it('covers every file in the folder', () => {
    const listed = new Set(cases.map((c) => c.input));
    expect(readdirSync(corpus).filter((name) => name !== 'cases.yaml' && !listed.has(name))).toEqual([]);
  });

  it.each(cases)('$input', async ({ input, errors, warnings }) => {
    const archive = await loadArchive(contentFor(input));
    const found = archive.diagnostics.filter((d) => d.severity === 'error').map(({ rule, line }) => ({ rule, line }));
    expect(found.sort(byPlace)).toEqual([...errors].sort(byPlace));
    if (warnings) {
      const warned = archive.diagnostics
        .filter((d) => d.severity === 'warning')
        .map(({ rule, line }) => ({ rule, line }));
      expect(warned.sort(byPlace)).toEqual([...warnings].sort(byPlace));
    }
    if (input.endsWith('.md')) expect(archive.issues).toHaveLength(errors.length === 0 ? 1 : 0);
  });

  it('turns away a 50 MB file without reading it as an issue', async () => {
    const huge = new TextEncoder().encode(masthead() + minimalBody + '正文。'.repeat((50 * 1024 * 1024) / 9));
    const archive = await loadArchive(makeContentDir({ '2018/2018-01.md': huge }));
    expect(archive.diagnostics).toEqual([
      expect.objectContaining({
        rule: 'file-too-large',
        line: 1,
        severity: 'error',
        message: expect.stringContaining('50.0 MB'),
      }),
    ]);
  });

  it('makes npm run check exit 1 with path:line:col lines and nothing on stderr, for every broken entry', async () => {
    for (const { input, errors } of cases.filter((c) => c.errors.length > 0)) {
      const result = await checkInProcess(contentFor(input));
      expect(result.status, input).toBe(1);
      const lines = result.stdout.split('\n').filter((l) => / {2}error {2}/.test(l));
      expect(lines, input).toHaveLength(errors.length);
      for (const line of lines) expect(line, input).toMatch(/^\S.*:\d+:\d+ {2}error {2}\S.* {2}\([a-z-]+\)$/);
      expect(result.stderr, input).toBe('');
    }
  });
});
