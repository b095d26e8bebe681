import { describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/archive/load-archive.ts';
import { makeContentDir, masthead, minimalBody } from '../helpers/content.ts';

const issue = (fields: Partial<Record<string, string | number>>) =>
  masthead({ year: 2019, cumulativeNumber: undefined, date: '2019-06-29', ...fields }) + minimalBody;

describe('special issues and numbers above 99 in the archive', () => {
  it('keeps supplements out of the regular numbers: no clash with 第1期, and newest first by date', async () => {
    const dir = makeContentDir({
      '2019/2019-01.md': issue({ number: 1, date: '2019-01-10' }),
      '2019/2019-09.md': issue({ number: 9, date: '2019-06-30' }),
      '2019/2019-10.md': issue({ number: 10, date: '2019-06-30' }),
      '2019/2019-100.md': issue({ number: 100, date: '2019-06-30' }),
      '2019/2019-s1.md': issue({ number: '增刊', date: '2019-06-30' }),
      '2019/2019-s2.md': issue({ number: 2, special: 'true', date: '2019-03-01' }),
    });
    const archive = await loadArchive(dir);
    expect(archive.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(archive.issues.map((i) => [i.id, i.url])).toEqual([
      ['2019-s1', '/2019/s1/'],
      ['2019-100', '/2019/100/'],
      ['2019-10', '/2019/10/'],
      ['2019-09', '/2019/09/'],
      ['2019-s2', '/2019/s2/'],
      ['2019-01', '/2019/01/'],
    ]);
    expect(archive.issues[0]).toMatchObject({ number: 1, special: { name: '增刊', ordinal: 1 } });
  });

  it('tells two files of the same supplement apart as a duplicate, at the number', async () => {
    const dir = makeContentDir({
      '2019/2019-s1.md': issue({ number: '增刊1' }),
      'misc/copy.md': issue({ number: 1, special: 'true' }),
    });
    const { diagnostics } = await loadArchive(dir);
    expect(diagnostics).toContainEqual(
      expect.objectContaining({
        rule: 'duplicate-issue',
        line: 5,
        path: expect.stringContaining('misc/copy.md'),
        message: expect.stringContaining('2019年增刊1已在 2019/2019-s1.md 中'),
      }),
    );
  });

  it('names the file a supplement or a 3-digit number belongs in', async () => {
    const dir = makeContentDir({
      '2019/2019-01.md': issue({ number: '增刊' }),
      '2019/2019-1.md': issue({ number: 100 }),
    });
    const messages = (await loadArchive(dir)).diagnostics.filter((d) => d.rule === 'file-name').map((d) => d.message);
    expect(messages).toEqual([
      expect.stringContaining('2019年增刊1应保存为'),
      expect.stringContaining('2019年第100期应保存为'),
    ]);
    expect(messages.join('\n')).toContain('2019/2019-s1.md');
    expect(messages.join('\n')).toContain('2019/2019-100.md');
  });
});
