import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvariantError } from '../../src/core/errors.ts';
import { countFigures, renamePictureFolder } from '../../src/import/imported-markdown.ts';
import { writeImportedIssue, type ImportedFiles } from '../../src/import/write-imported.ts';
import { makeContentDir } from '../helpers/content.ts';

/**
 * The all-or-nothing writer on its own: failures injected after a file has taken its place (the
 * moment nothing but an undo can help), and the names it refuses to write at all.
 */
const bytes = (text: string) => new TextEncoder().encode(text);

const issue = (dir: string, changes: Partial<ImportedFiles> = {}): ImportedFiles => ({
  issueFile: join(dir, '2018/2018-01.md'),
  markdown: '新的期刊文件\n',
  pictures: [
    { name: 'p2-1.jpg', bytes: bytes('new photo 1') },
    { name: 'p5-1.jpg', bytes: bytes('new photo 2') },
  ],
  original: bytes('%PDF-new'),
  ...changes,
});

const entries = (dir: string) => (readdirSync(dir, { recursive: true }) as string[]).sort();

describe('writeImportedIssue', () => {
  it('undoes every file placed when a later one fails, putting replaced files back', async () => {
    const old = { '2018/2018-01.md': '旧文件\n', '2018/2018-01/p5-1.jpg': 'old photo', '2018/2018-01/other.jpg': 'x' };
    const dir = makeContentDir(old, { withSectionTable: false });
    const before = entries(dir);
    let placed = 0;
    const result = await writeImportedIssue(issue(dir), {
      replace: true,
      afterPlace: () => {
        // Pictures and the PDF are in place, the issue file not yet: the disk fills up.
        if (++placed === 3) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      },
    });
    expect(result).toMatchObject({ ok: false, problems: [{ kind: 'failed', path: join(dir, '2018/2018-01.pdf') }] });
    expect(entries(dir)).toEqual(before);
    for (const [path, text] of Object.entries(old)) expect(readFileSync(join(dir, path), 'utf8')).toBe(text);
  });

  it('never removes a file someone else put under one of its names meanwhile', async () => {
    const dir = makeContentDir({}, { withSectionTable: false });
    const result = await writeImportedIssue(issue(dir), {
      afterPlace: (path) => {
        if (path.endsWith('p2-1.jpg')) writeFileSync(join(dir, '2018/2018-01/p5-1.jpg'), 'someone else’s');
      },
    });
    expect(result).toMatchObject({
      ok: false,
      problems: [{ kind: 'failed', path: join(dir, '2018/2018-01/p5-1.jpg') }],
    });
    expect(entries(dir)).toEqual(['2018', '2018/2018-01', '2018/2018-01/p5-1.jpg']);
    expect(readFileSync(join(dir, '2018/2018-01/p5-1.jpg'), 'utf8')).toBe('someone else’s');
  });

  it('writes an import without pictures or original as the issue file alone, and makes no media folder', async () => {
    const dir = makeContentDir({}, { withSectionTable: false });
    const result = await writeImportedIssue({ issueFile: join(dir, '2018/2018-01.md'), markdown: 'x\n', pictures: [] });
    expect(result).toEqual({ ok: true, written: [join(dir, '2018/2018-01.md')] });
    expect(entries(dir)).toEqual(['2018', '2018/2018-01.md']);
  });

  it('refuses picture names that are no plain file names, or one name twice, before writing anything', async () => {
    const dir = makeContentDir({}, { withSectionTable: false });
    for (const names of [['../x.jpg'], ['a/b.jpg'], ['.hidden.jpg'], [''], ['A.jpg', 'a.JPG']]) {
      const pictures = names.map((name) => ({ name, bytes: bytes('x') }));
      await expect(writeImportedIssue(issue(dir, { pictures }))).rejects.toThrow(InvariantError);
    }
    expect(entries(dir)).toEqual([]);
  });
});

describe('the imported Markdown', () => {
  const text = [
    '---',
    'year: 2018',
    '---',
    '',
    '![甲](2018-01/a.jpg) ![](2018-01/b.jpg)',
    '',
    '图：待补',
    '',
    '正文说到 ![行内](2018-01/c.jpg) 的图片。',
    '',
    '![别处](other/d.jpg)',
    '',
  ].join('\n');

  it('counts figures with pictures (side by side counting once) and captions still without', () => {
    expect(countFigures(text)).toEqual({ withPictures: 2, captionsOnly: 1 });
  });

  it('renames only the issue’s picture folder, escaping a name Markdown cannot take as it is', () => {
    const renamed = renamePictureFolder(text, '2018-01', '草稿 1');
    expect(renamed).toBe(text.replaceAll('(2018-01/', `(${encodeURIComponent('草稿 1')}/`));
    expect(renamePictureFolder(text, '2018-01', '2018-01')).toBe(text);
  });
});
