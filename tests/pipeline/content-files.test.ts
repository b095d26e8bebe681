import { copyFileSync, mkdirSync, renameSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/archive/load-archive.ts';
import { bundledContent, makeContentDir, masthead, minimalBody } from '../helpers/content.ts';

/**
 * What the content folder holds besides plain issue files: links, hidden and misnamed files. Nothing
 * may vanish without a word; tools' own files (editor locks, macOS metadata, swap files) stay silent.
 */
const issue2019 = masthead({ year: 2019, cumulativeNumber: 11, date: '2019-06-29' }) + minimalBody;
const found = (archive: Awaited<ReturnType<typeof loadArchive>>) =>
  archive.diagnostics.map(({ path, rule, severity }) => ({ path, rule, severity }));

describe('the issue files of a content folder', () => {
  it('follows a link to an issue file or a table kept elsewhere', async () => {
    const dir = makeContentDir({ '2018/2018-01.md': masthead() + minimalBody, 'drafts/x.txt': issue2019 });
    mkdirSync(join(dir, '2019'));
    symlinkSync('../drafts/x.txt', join(dir, '2019/2019-01.md'));
    copyFileSync(join(bundledContent, 'parks.yaml'), join(dir, 'drafts/gazetteer.yaml'));
    symlinkSync('drafts/gazetteer.yaml', join(dir, 'parks.yaml'));
    const archive = await loadArchive(dir);
    expect(archive.issues.map((i) => i.id)).toEqual(['2019-01', '2018-01']);
    expect(archive.parks.length).toBeGreaterThan(0);
    expect(archive.diagnostics).toEqual([]);
  });

  it('follows a link to a folder, and reads a folder reached again (a loop) once, with a warning', async () => {
    const dir = makeContentDir({ '2018/2018-01.md': masthead() + minimalBody });
    const elsewhere = makeContentDir({ '2019-01.md': issue2019 }, { withSectionTable: false });
    symlinkSync(elsewhere, join(dir, '2019'));
    symlinkSync(dir, join(elsewhere, 'back'));
    symlinkSync('../2018', join(dir, '2018/again'));
    const archive = await loadArchive(dir);
    expect(archive.issues.map((i) => i.id)).toEqual(['2019-01', '2018-01']);
    expect(found(archive)).toEqual([
      { path: join(dir, '2018/again'), rule: 'file-skipped', severity: 'warning' },
      { path: join(dir, '2019/back'), rule: 'file-skipped', severity: 'warning' },
    ]);
  });

  it('reports a link to nothing, and a link to itself, with the system reason', async () => {
    const dir = makeContentDir({ '2018/2018-01.md': masthead() + minimalBody });
    symlinkSync('gone.md', join(dir, '2018/2018-02.md'));
    symlinkSync('2018-03.md', join(dir, '2018/2018-03.md'));
    symlinkSync('/nonexistent-bulletin-folder', join(dir, '2019'));
    const archive = await loadArchive(dir);
    const unreadable = archive.diagnostics.filter((d) => d.rule === 'file-unreadable');
    expect(unreadable.map(({ path, severity, line, column }) => ({ path, severity, line, column }))).toEqual([
      { path: join(dir, '2018/2018-02.md'), severity: 'error', line: 1, column: 1 },
      { path: join(dir, '2018/2018-03.md'), severity: 'error', line: 1, column: 1 },
      { path: join(dir, '2019'), severity: 'error', line: 1, column: 1 },
    ]);
    expect(unreadable[0]?.message).toMatch(/指向 gone\.md.*ENOENT/);
    expect(unreadable[1]?.message).toContain('ELOOP');
    expect(unreadable[2]?.message).toMatch(/指向 \/nonexistent-bulletin-folder.*ENOENT/);
  });

  it('warns about a hidden or upper-case .md file it skips, not about editor and system files', async () => {
    const text = masthead() + minimalBody;
    const dir = makeContentDir({
      '2018/2018-01.md': text,
      '2018/..md': text,
      '2018/.2018-02.md': text,
      '2018/2018-03.MD': text,
      '2018/._2018-01.md': new Uint8Array([0, 5, 22, 7]),
      '2018/.2018-01.md.swp': 'swap',
      '2018/2018-01.md~': text,
      '.git/notes.md': text,
    });
    symlinkSync('root@host.1234:1700000000', join(dir, '2018/.#2018-01.md'));
    const archive = await loadArchive(dir);
    expect(archive.issues.map((i) => i.id)).toEqual(['2018-01']);
    expect(found(archive)).toEqual([
      { path: join(dir, '2018/..md'), rule: 'file-skipped', severity: 'warning' },
      { path: join(dir, '2018/.2018-02.md'), rule: 'file-skipped', severity: 'warning' },
      { path: join(dir, '2018/2018-03.MD'), rule: 'file-skipped', severity: 'warning' },
    ]);
  });

  it('warns about a file named like an issue that is no .md, unless the issue is beside it', async () => {
    const text = masthead() + minimalBody;
    const dir = makeContentDir({
      '2018/2018-01.md': text,
      // Beside the issue: the text it was imported from, a picture.
      '2018/2018-01.txt': '原文',
      '2018/2018-01.jpg': '',
      '2018/2018-02.txt': text,
      '2018/2018-03.markdown': text,
      '2018/2018-04.md.txt': text,
      '2018/2018-05.docx': 'PK',
      '2018/notes.txt': '笔记',
      '2018/2018年计划.docx': 'PK',
    });
    const archive = await loadArchive(dir);
    expect(found(archive)).toEqual(
      ['2018-02.txt', '2018-03.markdown', '2018-04.md.txt', '2018-05.docx'].map((name) => ({
        path: join(dir, '2018', name),
        rule: 'file-skipped',
        severity: 'warning',
      })),
    );
    const messages = archive.diagnostics.map((d) => d.message);
    expect(messages[0]).toBe(
      '文件名像是一期刊物，但扩展名是 .txt，不是 .md，不会作为期刊读取，这一期就不在网站上。' +
        '若它是一期刊物，请改名为 2018-02.md；若不是，可删去它或把它移出内容目录。',
    );
    expect(messages[3]).toBe(
      '文件名像是一期刊物，但它是 .docx 文档，不会作为期刊读取。' +
        '请另存为纯文本，用 npm run import 导入，或照格式写成 2018-05.md；不需要时请把它移出内容目录。',
    );
  });

  it('reports a link to a missing table instead of taking the table for absent', async () => {
    const dir = makeContentDir({ '2018/2018-01.md': masthead() + minimalBody });
    symlinkSync('gone.yaml', join(dir, 'parks.yaml'));
    renameSync(join(dir, 'sections.yaml'), join(dir, 'columns.yaml'));
    symlinkSync('gone.yaml', join(dir, 'sections.yaml'));
    const archive = await loadArchive(dir);
    expect(archive.diagnostics).toContainEqual(
      expect.objectContaining({ path: join(dir, 'parks.yaml'), rule: 'gazetteer', severity: 'error' }),
    );
    expect(archive.diagnostics).toContainEqual(
      expect.objectContaining({
        path: join(dir, 'sections.yaml'),
        rule: 'section-table',
        message: expect.stringContaining('符号链接') as unknown,
      }),
    );
  });

  it('reports a content folder that is not there', async () => {
    const dir = join(makeContentDir({}), 'missing');
    const archive = await loadArchive(dir);
    expect(archive.diagnostics).toContainEqual(
      expect.objectContaining({ path: dir, rule: 'folder-unreadable', message: expect.stringContaining('ENOENT') }),
    );
  });
});
