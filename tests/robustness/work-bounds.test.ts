import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadIssueContextFor } from '../../src/archive/load-archive.ts';
import { maxSourceBytes } from '../../src/pipeline/decode.ts';
import { processIssueFile } from '../../src/pipeline/issue-file.ts';
import { parseLimits } from '../../src/pipeline/parse-bounds.ts';
import { bundledContent, bundledIssuePath, masthead } from '../helpers/content.ts';

/**
 * Files as large as an issue file may be (just under the 5 MB limit), realistic and hostile, each
 * checked within a few seconds: the bound is a guard against runaway work (a quadratic parse, a
 * hang), generous for a slow machine, not a performance figure (docs/performance.md has those). A
 * file's pipeline runs in-process; the check command adds only reading the file.
 *
 * The bound is on the CPU time this test file's process spends on a test, not on the wall clock:
 * the e2e files beside it (Chromium, site builds) share the machine's two cores, and under them
 * the same work took over twice as long. The wall-clock timeout stays as the hang guard.
 */
const cpuSecondsPerTest = 10;
const { context } = await loadIssueContextFor(bundledContent);
const encoder = new TextEncoder();
const head = `${masthead()}\n## 工作动态\n\n### 标题\n\n`;

/** `prefix`, then `unit` as often as fits under the size limit, then `suffix`. */
function filled(unit: string, prefix = head, suffix = '\n'): string {
  const room = maxSourceBytes - 1024 - encoder.encode(prefix + suffix).length;
  return prefix + unit.repeat(Math.floor(room / encoder.encode(unit).length)) + suffix;
}

/** Lines from `line(i)` after `prefix` as long as they fit under the size limit. */
function lines(line: (i: number) => string, prefix = head): string {
  const parts = [prefix];
  for (let i = 0, size = encoder.encode(prefix).length; ; i++) {
    const next = line(i);
    size += encoder.encode(next).length;
    if (size > maxSourceBytes - 1024) return parts.join('');
    parts.push(next);
  }
}

/** The bundled issue's articles again and again, each title made unique and attributes dropped: a valid issue. */
function realistic(): string {
  const text = readFileSync(bundledIssuePath, 'utf8');
  const body = text.slice(text.indexOf('\n## ') + 1);
  const sections = body.split(/^(?=## )/m).map((section) => {
    const [heading = '', ...articles] = section.split(/^(?=### )/m);
    return { heading, articles: articles.map((a) => a.replace(/ \{[^}]*\}$/m, '')) };
  });
  const size = encoder.encode(body).length;
  const rounds = Math.floor((maxSourceBytes - 4096) / (size + 400));
  const copies = (article: string) =>
    Array.from({ length: rounds }, (_, r) => article.replace(/^(### .*)$/m, `$1（${r + 1}）`));
  return masthead() + sections.map((s) => s.heading + s.articles.flatMap(copies).join('')).join('');
}

const check = (text: string) => {
  const bytes = encoder.encode(text);
  expect(bytes.length).toBeLessThanOrEqual(maxSourceBytes);
  return processIssueFile('big.md', '2018/2018-01.md', bytes, context);
};
const rules = (result: Awaited<ReturnType<typeof check>>) => [...new Set(result.diagnostics.map((d) => d.rule))].sort();

describe('a 5 MB issue file is checked in seconds', () => {
  let cpuBefore: NodeJS.CpuUsage;
  beforeEach(() => {
    cpuBefore = process.cpuUsage();
  });
  afterEach(() => {
    const { user, system } = process.cpuUsage(cpuBefore);
    expect((user + system) / 1e6).toBeLessThan(cpuSecondsPerTest);
  });

  it('the bundled issue repeated: a valid issue of 5 MB', async () => {
    const result = await check(realistic());
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.issue?.sections.flatMap((s) => s.articles).length).toBeGreaterThan(1000);
  });

  it('as many paragraphs as the line limit allows', async () => {
    const result = await check(`${head}${'正文。\n\n'.repeat(parseLimits.lines / 2 - 10)}`);
    expect(result.diagnostics).toEqual([]);
  });

  it.each([
    ['`>` nested on one line', filled('>', head, ' a\n'), 'nesting-depth'],
    ['`- ` nested on one line', filled('- ', head, 'a\n'), 'nesting-depth'],
    ['lists nested line by line', lines((i) => `${' '.repeat(2 * i)}- a\n`), 'nesting-depth'],
    ['`> - ` nested on one line', filled('> - ', head, 'a\n'), 'nesting-depth'],
    ['`*a` in one paragraph', filled('*a'), 'inline-markup'],
    ['`_a` in one paragraph', filled('_a'), 'inline-markup'],
    ['`[a` in one paragraph', filled('[a'), 'inline-markup'],
    ['`![a` in one paragraph', filled('![a'), 'inline-markup'],
    ['backticks in one paragraph', filled('`a'), 'inline-markup'],
    ['a run of 100,000 stars', `${head}${'*'.repeat(100_000)}a${'*'.repeat(100_000)}\n`, 'inline-markup'],
    ['`<a` (HTML)', filled('<a '), 'file-too-complex'],
    ['escapes', filled('\\*'), 'file-too-complex'],
    ['entities', filled('&amp;'), 'file-too-complex'],
    ['blank lines', filled('\n'), 'file-too-complex'],
    ['headings', filled('### 标题\n\n正文。\n\n'), 'file-too-complex'],
    ['caption-only figures', filled('图：调研现场\n\n'), 'file-too-complex'],
    ['block quotes one after another', filled('> 引文\n\n'), 'file-too-complex'],
    ['lists one after another', filled('- 项\n\n正文。\n\n'), 'file-too-complex'],
    ['headings underlined with ===', filled('标题\n===\n\n'), 'file-too-complex'],
    [
      'front matter of 100,000 keys',
      `---\n${lines((i) => `k${i}: v\n`, '').slice(0, 2_000_000)}---\n`,
      'file-too-complex',
    ],
  ])('%s', async (_name, text, rule) => {
    expect(rules(await check(text))).toEqual([rule]);
  });

  it('one paragraph of plain text on one line', async () => {
    expect((await check(filled('这是很长的一行正文，没有任何标记。'))).diagnostics).toEqual([]);
  });

  it('one paragraph of gazetteer park names', async () => {
    const result = await check(filled('泰州医药高新区'));
    expect(result.issue?.sections[0]?.articles[0]?.parks).toEqual([
      { id: 'taizhou-pharma-hightech', name: '泰州医药高新技术产业开发区' },
    ]);
  });

  it('one paragraph of names that look like parks the gazetteer does not know', async () => {
    expect(rules(await check(filled('某某高新区，')))).toEqual(['unknown-park']);
  });
});
