import { describe, expect, it } from 'vitest';
import { readMasthead } from '../../src/pipeline/masthead.ts';
import { parseSource } from '../../src/pipeline/parse.ts';
import { masthead } from '../helpers/content.ts';

function read(fields: Partial<Record<string, string | number>>) {
  const text = masthead(fields);
  const parsed = parseSource('a.md', text);
  if (!parsed.ok) throw new Error('parse failed');
  return readMasthead('a.md', parsed.source.frontMatter, parsed.source.frontMatterLines);
}

/** The masthead lines are series, publisher, year, number (line 5), cumulativeNumber, date, then extras. */
describe('special issues (增刊) in the masthead', () => {
  it.each([
    ['增刊', 1],
    ['增刊1', 1],
    ['增刊2', 2],
    ['增刊 3', 3],
    ['增刊二', 2],
    ['"增刊12"', 12],
  ])('number: %s is supplement %i', (written, ordinal) => {
    const result = read({ number: written });
    expect(result.diagnostics).toEqual([]);
    expect(result.masthead).toMatchObject({ number: ordinal, special: { name: '增刊', ordinal } });
  });

  it('takes special: true with a plain number for the ordinal', () => {
    const result = read({ number: 2, special: 'true' });
    expect(result.diagnostics).toEqual([]);
    expect(result.masthead).toMatchObject({ number: 2, special: { name: '增刊', ordinal: 2 } });
    expect(read({ number: '增刊2', special: 'true' }).masthead).toMatchObject({ special: { ordinal: 2 } });
  });

  it('keeps a regular issue regular, with special: false or without it', () => {
    expect(read({ number: 3 }).masthead).not.toHaveProperty('special');
    const result = read({ number: 3, special: 'false' });
    expect(result.diagnostics).toEqual([]);
    expect(result.masthead).toEqual(expect.objectContaining({ number: 3 }));
    expect(result.masthead).not.toHaveProperty('special');
  });

  it('reads numbers above 99', () => {
    expect(read({ number: 100 }).masthead).toMatchObject({ number: 100 });
    expect(read({ number: 9999 }).masthead).toMatchObject({ number: 9999 });
  });

  it.each([
    [{ number: '增刊x' }, 5, 9, '增刊的序号须是 1 到 99 之间的整数'],
    [{ number: '增刊0' }, 5, 9, '“增刊0”'],
    [{ number: '增刊100' }, 5, 9, '增刊的序号'],
    [{ number: '特刊1' }, 5, 9, '增刊写作 增刊、增刊1'],
    [{ number: '第1期' }, 5, 9, '不写“第”“期”'],
    [{ number: 10_000 }, 5, 9, '须在 1 到 9999 之间'],
    [{ special: 'yes' }, 8, 10, '增刊（special）须是 true'],
    [{ special: 1 }, 8, 10, '增刊（special）须是 true'],
    [{ number: 120, special: 'true' }, 5, 9, '增刊的序号'],
    [{ number: '增刊1', special: 'false' }, 8, 10, 'special）却是 false'],
  ])('%j → one error at line %i, column %i, in Chinese', (fields, line, column, mention) => {
    const result = read(fields);
    expect(result.masthead).toBeUndefined();
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        path: 'a.md',
        line,
        column,
        severity: 'error',
        rule: 'front-matter-field',
        message: expect.stringContaining(mention),
      }),
    ]);
  });

  it('tells a supplement without its number what to write', () => {
    const result = read({ number: undefined, special: 'yes' });
    expect(result.masthead).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [1, expect.stringContaining('缺少当年期号（number）')],
      [7, expect.stringContaining('增刊（special）须是 true')],
    ]);
  });
});
