import { describe, expect, it } from 'vitest';
import { readMasthead } from '../../src/pipeline/masthead.ts';
import { parseSource } from '../../src/pipeline/parse.ts';
import { masthead } from '../helpers/content.ts';

function mastheadOf(text: string) {
  const parsed = parseSource('a.md', text);
  if (!parsed.ok) return { parseErrors: parsed.diagnostics };
  return readMasthead('a.md', parsed.source.frontMatter, parsed.source.frontMatterLines);
}

describe('parseSource', () => {
  it('keeps body positions as positions in the whole file', () => {
    const parsed = parseSource('a.md', `${masthead()}\n## 工作动态\n`);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const heading = parsed.source.tree.children.find((n) => n.type === 'heading');
    expect(heading?.position?.start.line).toBe(10);
  });

  it('keeps the front matter out of the body tree', () => {
    const parsed = parseSource('a.md', `${masthead()}\n## 工作动态\n`);
    expect(parsed.ok && parsed.source.tree.children.map((n) => n.type)).toEqual(['heading']);
  });

  it('places front matter nodes in the file, also past blank lines and comments inside it', () => {
    const parsed = parseSource('a.md', '---\n# 刊头\n\nyear: 2018\n---\n');
    if (!parsed.ok) throw new Error('parse failed');
    const year = parsed.source.frontMatter.getIn(['year'], true);
    const offset = typeof year === 'object' && year !== null && 'range' in year && Array.isArray(year.range) ? Number(year.range[0]) : -1;
    expect(parsed.source.frontMatterLines.linePos(offset)).toEqual({ line: 4, col: 7 });
  });

  it.each([
    ['', 'empty-file', 1],
    ['   \n\n', 'empty-file', 1],
    ['## 工作动态\n', 'front-matter-missing', 1],
    ['---\nyear: 2018\n## 工作动态\n', 'front-matter-unclosed', 1],
    ['---\n', 'front-matter-unclosed', 1],
    ['---\nyear: 2018\n----\n', 'front-matter-unclosed', 1],
    ['---\nyear: 2018\n---x\n', 'front-matter-unclosed', 1],
    ['----\nyear: 2018\n---\n', 'front-matter-missing', 1],
    [' ---\nyear: 2018\n---\n', 'front-matter-missing', 1],
    ['---\n---\n## 工作动态\n', 'front-matter-missing', 1],
    ['---\n\n---\n## 工作动态\n', 'front-matter-missing', 1],
    ['---\nyear: 2018\nseries: [unclosed\n---\n', 'front-matter-syntax', 3],
    ['---\nyear: 2018\nyear: 2019\n---\n', 'front-matter-syntax', 3],
  ])('rejects %j with %s at line %i', (text, rule, line) => {
    const parsed = parseSource('a.md', text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.diagnostics[0]).toMatchObject({ rule, line, severity: 'error' });
  });
});

describe('readMasthead', () => {
  it('reads all six fields', () => {
    expect(mastheadOf(masthead())).toMatchObject({
      masthead: { series: '国家生态工业园区 工作动态', publisher: '国家生态工业园区建设协调领导小组办公室', year: 2018, number: 1, cumulativeNumber: 10, date: '2018-06-29' },
      diagnostics: [],
    });
  });

  it.each([
    [{ year: undefined }, 'front-matter-field', 1, 'year'],
    [{ number: '"1"' }, 'front-matter-field', 5, 'number'],
    [{ number: 0 }, 'front-matter-field', 5, 'number'],
    [{ cumulativeNumber: '十' }, 'front-matter-field', 6, 'cumulativeNumber'],
    [{ series: '""' }, 'front-matter-field', 2, 'series'],
    [{ date: '2018-02-30' }, 'date-invalid', 7, '不是真实存在的日期'],
    [{ date: '2018年6月29日' }, 'date-invalid', 7, 'YYYY-MM-DD'],
  ])('%j → %s at line %i', (fields, rule, line, mention) => {
    const result = mastheadOf(masthead(fields));
    expect(result).toHaveProperty('diagnostics');
    if (!('diagnostics' in result)) return;
    expect(result.masthead).toBeUndefined();
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ rule, line, severity: 'error', message: expect.stringContaining(mention) }));
  });

  it('warns about unknown fields, naming the known ones', () => {
    const result = mastheadOf(masthead({ cumulative: 10 }));
    if (!('diagnostics' in result)) throw new Error('parse failed');
    expect(result.masthead).toBeDefined();
    expect(result.diagnostics).toEqual([expect.objectContaining({ rule: 'front-matter-unknown-field', severity: 'warning', line: 8, message: expect.stringContaining('cumulativeNumber') })]);
  });
});
