import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadIssueContextFor } from '../../src/archive/load-archive.ts';
import { maxSourceBytes } from '../../src/pipeline/decode.ts';
import { processIssueFile } from '../../src/pipeline/issue-file.ts';
import { bundledContent, bundledIssuePath, masthead } from '../helpers/content.ts';

/**
 * Files as large as an issue file may be (just under the 5 MB limit), realistic and hostile, each
 * checked within a few seconds: the timeouts are hang guards, generous for a slow machine, not
 * performance figures (docs/performance.md has those). A file's pipeline runs in-process; the
 * check command adds only reading the file.
 */
const { context } = await loadIssueContextFor(bundledContent);
const encoder = new TextEncoder();
const head = `${masthead()}\n## 工作动态\n\n### 标题\n\n`;

/** `prefix`, then `unit` as often as fits under the size limit, then `suffix`. */
function filled(unit: string, prefix = head, suffix = '\n'): string {
  const room = maxSourceBytes - 1024 - encoder.encode(prefix + suffix).length;
  return prefix + unit.repeat(Math.floor(room / encoder.encode(unit).length)) + suffix;
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
const rules = (result: ReturnType<typeof check>) => [...new Set(result.diagnostics.map((d) => d.rule))].sort();

describe('a 5 MB issue file is checked in seconds', { timeout: 10_000 }, () => {
  it('the bundled issue repeated: a valid issue of 5 MB', () => {
    const result = check(realistic());
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.issue?.sections.flatMap((s) => s.articles).length).toBeGreaterThan(1000);
  });

  it('one paragraph of gazetteer park names', () => {
    const result = check(filled('泰州医药高新区'));
    expect(result.issue?.sections[0]?.articles[0]?.parks).toEqual([
      { id: 'taizhou-pharma-hightech', name: '泰州医药高新技术产业开发区' },
    ]);
  });

  it('one paragraph of names that look like parks the gazetteer does not know', () => {
    expect(rules(check(filled('某某高新区，')))).toEqual(['unknown-park']);
  });
});
