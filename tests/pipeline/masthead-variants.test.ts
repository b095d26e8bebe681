import { describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/archive/load-archive.ts';
import { cumulativeRedirects } from '../../src/site/pages.ts';
import { issueLabel } from '../../src/site/labels.ts';
import { makeContentDir, masthead } from '../helpers/content.ts';

const body = '## 工作动态\n\n### 一篇文章 {#p1 page=1}\n\n正文。\n';
const file = (fields: Partial<Record<string, string | number>>) => `${masthead(fields)}${body}`;

describe('masthead variants', () => {
  it('takes an issue without a running number: no 总第 text, no /no/N/ address', async () => {
    const dir = makeContentDir({
      '2024/2024-01.md': file({ year: 2024, cumulativeNumber: undefined, date: '2024-03-01' }),
    });
    const archive = await loadArchive(dir);
    expect(archive.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const [issue] = archive.issues;
    expect(issue?.cumulativeNumber).toBeUndefined();
    expect(issue && issueLabel(issue)).toBe('2024年第1期');
    expect(cumulativeRedirects(archive.issues)).toEqual([]);
  });

  it('keeps 总第N期 where the masthead gives it, and only there', async () => {
    const dir = makeContentDir({
      '2024/2024-01.md': file({ year: 2024, number: 1, cumulativeNumber: 30, date: '2024-03-01' }),
      '2024/2024-02.md': file({ year: 2024, number: 2, cumulativeNumber: undefined, date: '2024-06-01' }),
    });
    const archive = await loadArchive(dir);
    expect(archive.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(archive.issues.map(issueLabel)).toEqual(['2024年第2期', '2024年第1期(总第30期)']);
    expect(cumulativeRedirects(archive.issues).map((r) => r.url)).toEqual(['/no/30/']);
  });

  it('orders several issues of one month, even of one day, by their number, newest first', async () => {
    const dir = makeContentDir({
      '2024/2024-01.md': file({ year: 2024, number: 1, cumulativeNumber: undefined, date: '2024-03-01' }),
      '2024/2024-02.md': file({ year: 2024, number: 2, cumulativeNumber: undefined, date: '2024-03-01' }),
      '2024/2024-03.md': file({ year: 2024, number: 3, cumulativeNumber: undefined, date: '2024-03-20' }),
    });
    const archive = await loadArchive(dir);
    expect(archive.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(archive.issues.map((issue) => issue.id)).toEqual(['2024-03', '2024-02', '2024-01']);
  });

  it('still refuses a running number that repeats or goes back, among the issues that have one', async () => {
    const dir = makeContentDir({
      '2024/2024-01.md': file({ year: 2024, number: 1, cumulativeNumber: 8, date: '2024-03-01' }),
      '2024/2024-02.md': file({ year: 2024, number: 2, cumulativeNumber: undefined, date: '2024-04-01' }),
      '2024/2024-03.md': file({ year: 2024, number: 3, cumulativeNumber: 8, date: '2024-05-01' }),
    });
    const rules = (await loadArchive(dir)).diagnostics.map((d) => d.rule);
    expect(rules).toContain('duplicate-cumulative-number');
    expect(rules.filter((rule) => rule === 'duplicate-cumulative-number')).toHaveLength(1);
  });

  it('lets the numbering restart each year or run on across years', async () => {
    const restart = makeContentDir({
      '2023/2023-01.md': file({ year: 2023, number: 1, cumulativeNumber: undefined, date: '2023-05-01' }),
      '2024/2024-01.md': file({ year: 2024, number: 1, cumulativeNumber: undefined, date: '2024-05-01' }),
    });
    const runOn = makeContentDir({
      '2023/2023-12.md': file({ year: 2023, number: 12, cumulativeNumber: undefined, date: '2023-12-01' }),
      '2024/2024-13.md': file({ year: 2024, number: 13, cumulativeNumber: undefined, date: '2024-01-01' }),
    });
    for (const dir of [restart, runOn]) {
      const archive = await loadArchive(dir);
      expect(archive.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(archive.issues).toHaveLength(2);
    }
  });
});
