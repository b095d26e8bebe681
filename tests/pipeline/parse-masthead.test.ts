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
    const offset =
      typeof year === 'object' && year !== null && 'range' in year && Array.isArray(year.range)
        ? Number(year.range[0])
        : -1;
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
      masthead: {
        series: '国家生态工业园区 工作动态',
        publisher: '国家生态工业园区建设协调领导小组办公室',
        year: 2018,
        number: 1,
        cumulativeNumber: 10,
        date: '2018-06-29',
      },
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
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({ rule, line, severity: 'error', message: expect.stringContaining(mention) }),
    );
  });

  it.each([
    [{ number: 0 }, 5, 9, '须在 1 到 9999 之间'],
    [{ number: 0.5 }, 5, 9, '须是整数'],
    [{ year: '"2018"' }, 4, 7, '须是整数'],
    [{ date: '2018-02-30' }, 7, 7, '不是真实存在的日期'],
    [{ series: '' }, 2, 9, '须是一段非空文字'],
  ])('%j → one message, at the value (line %i, column %i)', (fields, line, column, mention) => {
    const result = mastheadOf(masthead(fields));
    if (!('diagnostics' in result)) throw new Error('parse failed');
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ line, column, message: expect.stringContaining(mention) }),
    ]);
  });

  it('reports front matter that is not a list of fields', () => {
    expect(mastheadOf('---\n- 2018\n---\n')).toMatchObject({
      diagnostics: [{ rule: 'front-matter-syntax', line: 2, column: 1 }],
    });
    expect(mastheadOf('---\n# 只有注释\n---\n')).toMatchObject({
      diagnostics: [{ rule: 'front-matter-syntax', line: 1, column: 1 }],
    });
  });

  it('takes keys that name Object members for unknown fields, never for its own', () => {
    const keys = 'constructor: 1\n__proto__: 2\ntoString: 3\nhasOwnProperty: 4\nvalueOf: {}\n';
    const result = mastheadOf(masthead().replace(/---\n$/, `${keys}---\n`));
    if (!('diagnostics' in result)) throw new Error('parse failed');
    expect(result.masthead).toMatchObject({ year: 2018, number: 1 });
    expect(
      result.diagnostics.map((d) => [d.rule, d.severity, d.line, d.column, d.message.match(/“(.+?)”/)?.[1]]),
    ).toEqual([
      ['front-matter-unknown-field', 'warning', 8, 1, 'constructor'],
      ['front-matter-unknown-field', 'warning', 9, 1, '__proto__'],
      ['front-matter-unknown-field', 'warning', 10, 1, 'toString'],
      ['front-matter-unknown-field', 'warning', 11, 1, 'hasOwnProperty'],
      ['front-matter-unknown-field', 'warning', 12, 1, 'valueOf'],
    ]);
  });

  it('does not take a field named after an Object member for a missing one', () => {
    const result = mastheadOf(masthead({ year: undefined, constructor: 2018 }));
    if (!('diagnostics' in result)) throw new Error('parse failed');
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({
        rule: 'front-matter-field',
        line: 1,
        message: expect.stringContaining('缺少年份（year）'),
      }),
    );
  });

  it('warns about unknown fields, naming the known ones', () => {
    const result = mastheadOf(masthead({ cumulative: 10 }));
    if (!('diagnostics' in result)) throw new Error('parse failed');
    expect(result.masthead).toBeDefined();
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        rule: 'front-matter-unknown-field',
        severity: 'warning',
        line: 8,
        message: expect.stringContaining('cumulativeNumber'),
      }),
    ]);
  });
});

describe('Object member names anywhere in the front matter', () => {
  const findings = (text: string) => {
    const result = mastheadOf(text);
    if (!('diagnostics' in result)) throw new Error('parse failed');
    return {
      masthead: result.masthead,
      found: result.diagnostics.map((d) => [d.rule, d.severity, d.line, d.column, d.message.match(/“(.+?)”/)?.[1]]),
    };
  };

  it('are text when they are the values of known fields, and numbers and dates reject them', () => {
    expect(findings(masthead({ series: 'constructor', publisher: '__proto__' }))).toEqual({
      masthead: expect.objectContaining({ series: 'constructor', publisher: '__proto__', year: 2018 }) as unknown,
      found: [],
    });
    const { masthead: none, found } = findings(
      masthead({ year: 'constructor', number: '__proto__', cumulativeNumber: 'toString', date: 'valueOf' }),
    );
    expect(none).toBeUndefined();
    expect(found).toEqual([
      ['front-matter-field', 'error', 4, 7, '第'],
      ['front-matter-field', 'error', 5, 9, '第'],
      ['front-matter-field', 'error', 6, 19, '第'],
      ['date-invalid', 'error', 7, 7, undefined],
    ]);
  });

  it('are only unknown fields when nested under an unknown field, and never reach Object.prototype', () => {
    const nested = 'extra:\n  __proto__:\n    polluted: 1\n  constructor:\n    prototype:\n      polluted: 1\n';
    const flow = '__proto__: {year: 1999, polluted: 1}\n';
    const { masthead: read, found } = findings(masthead().replace(/---\n$/, `${nested}${flow}---\n`));
    expect(read).toMatchObject({ year: 2018 });
    expect(found).toEqual([
      ['front-matter-unknown-field', 'warning', 8, 1, 'extra'],
      ['front-matter-unknown-field', 'warning', 14, 1, '__proto__'],
    ]);
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
    expect(({} as Record<string, unknown>).year).toBeUndefined();
  });

  it('in a known field written as a map are a wrong type, not a field', () => {
    const { masthead: none, found } = findings(
      masthead({ year: '{constructor: 2018}', series: '[toString, valueOf]' }),
    );
    expect(none).toBeUndefined();
    expect(found.map(([rule, , line]) => [rule, line])).toEqual([
      ['front-matter-field', 2],
      ['front-matter-field', 4],
    ]);
  });
});

describe('the masthead’s numbers and date fit together', () => {
  const found = (fields: Record<string, string | number>) => {
    const result = mastheadOf(masthead(fields));
    if (!('diagnostics' in result)) throw new Error('parse failed');
    return result.diagnostics.map(({ rule, line, column }) => ({ rule, line, column }));
  };

  it('reports a date outside the issue’s year at the date, with the year it should be in', () => {
    expect(found({ date: '9999-12-31' })).toEqual([{ rule: 'date-year', line: 7, column: 7 }]);
    expect(found({ date: '2019-01-05' })).toEqual([{ rule: 'date-year', line: 7, column: 7 }]);
    const result = mastheadOf(masthead({ year: 2019, cumulativeNumber: 11 }));
    expect('diagnostics' in result && result.diagnostics[0]?.message).toContain('例如 year: 2019 配 date: 2019-06-29');
    expect(found({ year: 2019, date: '2019-12-31' })).toEqual([]);
  });

  it('keeps year, number and running number within their ranges, even when the date matches', () => {
    expect(found({ year: 99999, date: '9999-01-01' })).toEqual([{ rule: 'front-matter-field', line: 4, column: 7 }]);
    expect(found({ year: 1899, date: '1899-01-01' })).toEqual([{ rule: 'front-matter-field', line: 4, column: 7 }]);
    expect(found({ number: 10_000 })).toEqual([{ rule: 'front-matter-field', line: 5, column: 9 }]);
    expect(found({ cumulativeNumber: 100_000 })).toEqual([{ rule: 'front-matter-field', line: 6, column: 19 }]);
    expect(found({ year: 2999, date: '2999-12-31', number: 9999, cumulativeNumber: 99_999 })).toEqual([]);
    expect(found({ number: 100 })).toEqual([]);
  });
});
