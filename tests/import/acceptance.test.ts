import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importBulletin } from '../../src/import/import-bulletin.ts';
import { processIssueFile } from '../../src/pipeline/issue-file.ts';
import { bundledContent, bundledIssuePath, seedTextPath } from '../helpers/content.ts';
import { findings, table } from './helpers.ts';

const modelOf = (markdown: string | Uint8Array) =>
  processIssueFile(
    '2018/2018-01.md',
    '2018/2018-01.md',
    typeof markdown === 'string' ? new TextEncoder().encode(markdown) : markdown,
    { table, enrichments: [], contentDir: bundledContent },
  );

describe('importing the 2018 No.1 bulletin text', () => {
  const imported = importBulletin('bulletin-2018-01.txt', readFileSync(seedTextPath), table);
  /** The imported file; an import that wrote none fails each test that reads it. */
  const importedMarkdown = (): string => {
    if (imported.markdown === undefined) throw new Error('the import gave no Markdown');
    return imported.markdown;
  };
  const handMade = modelOf(readFileSync(bundledIssuePath));

  it('passes the checker with no error', async () => {
    const result = await modelOf(importedMarkdown());
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.issue).toBeDefined();
  });

  it('gives the model of the hand-made issue file, field for field', async () => {
    const { issue } = await handMade;
    expect(issue).toBeDefined();
    expect((await modelOf(importedMarkdown())).issue).toEqual(issue);
  });

  it('gives articles ids from their pages', async () => {
    const ids = (await modelOf(importedMarkdown())).issue?.sections.flatMap((s) => s.articles.map((a) => a.id));
    expect(ids).toEqual(['p1', 'p2', 'p3', 'p5', 'p6']);
  });

  it('reports each guess with its input line', () => {
    expect(findings(imported)).toEqual([
      '30 import-figure',
      '35 import-title-differs',
      '53 import-page-join',
      '59 import-figure',
      '65 import-heading-guess',
      '79 import-page-join',
      '97 import-page-join',
    ]);
    expect(
      imported.diagnostics.every(
        (d) => d.severity === 'warning' && d.path === 'bulletin-2018-01.txt' && d.column === 1,
      ),
    ).toBe(true);
  });

  it('reads the same text from GB18030 with CRLF line ends', () => {
    const gb = importBulletin(
      'gb.txt',
      readFileSync(join(import.meta.dirname, 'fixtures/bulletin-2018-01.gb18030.txt')),
      table,
    );
    expect(gb.encoding).toBe('GB18030');
    expect(gb.markdown).toBe(imported.markdown);
  });

  it('reads the same text from UTF-8 with a BOM', () => {
    const withBom = importBulletin('bom.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...readFileSync(seedTextPath)]), table);
    expect(withBom.markdown).toBe(imported.markdown);
  });
});
