import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledContent, makeContentDir, repoRoot, seedTextPath } from '../helpers/content.ts';
import { canMount, mountSmallDisk } from '../helpers/small-disk.ts';
import { bulletin } from './helpers.ts';

const runImport = (contentDir: string, ...args: string[]) =>
  spawnSync(join(repoRoot, 'node_modules/.bin/tsx'), [join(repoRoot, 'src/cli/import.ts'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: contentDir },
  });

const diagnosticLine = /^\S+:\d+:\d+ {2}(error|warning) {2}.+ {2}\([a-z-]+\)$/;

describe('npm run import', () => {
  it('writes the issue where the content layout wants it, prints warnings as path:line:col, passes the check', () => {
    const dir = makeContentDir({});
    const result = runImport(dir, seedTextPath);
    expect(result.status).toBe(0);
    const written = join(dir, '2018/2018-01.md');
    expect(readFileSync(written, 'utf8')).toMatch(/^---\nseries: 国家生态工业园区 工作动态\n/);
    const lines = result.stderr.trim().split('\n');
    expect(lines.every((line) => diagnosticLine.test(line))).toBe(true);
    const warnings = lines.filter((line) => line.startsWith(seedTextPath));
    expect(warnings).toHaveLength(7);
    expect(warnings[0]).toMatch(/bulletin-2018-01\.txt:30:1 {2}warning {2}.*图片.* {2}\(import-figure\)$/);
    expect(result.stdout).toContain('5 篇文章，0 幅插图有图片，2 处图片待补；7 个导入警告');
    expect(result.stdout).toContain('检查通过');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('imports a printed supplement (增刊) as a special issue, beside the regular one, and it passes the check', () => {
    const dir = makeContentDir({});
    expect(runImport(dir, seedTextPath).status).toBe(0);
    const input = join(dir, 'supplement.txt');
    writeFileSync(input, readFileSync(seedTextPath, 'utf8').replace(/2018年第1期[（(]总第10期[）)]/, '2018年增刊'));
    const result = runImport(dir, input);
    expect(result.status).toBe(0);
    const written = readFileSync(join(dir, '2018/2018-s1.md'), 'utf8');
    expect(written).toMatch(/\nyear: 2018\nnumber: 增刊1\ndate: 2018-06-29\n/);
    expect(result.stderr).toMatch(/supplement\.txt:7:1 {2}warning {2}期号行没有总期号.* {2}\(import-no-cumulative\)$/m);
    expect(result.stdout).toContain('检查通过');
  });

  it('refuses to overwrite an existing issue unless --force is given', () => {
    const dir = makeContentDir({ '2018/2018-01.md': '编辑改过的文字\n' });
    const refused = runImport(dir, seedTextPath);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/2018-01\.md:1:1 {2}error {2}文件已存在.*--force.* {2}\(output-exists\)/);
    expect(readFileSync(join(dir, '2018/2018-01.md'), 'utf8')).toBe('编辑改过的文字\n');
    expect(runImport(dir, seedTextPath, '--force').status).toBe(0);
    expect(readFileSync(join(dir, '2018/2018-01.md'), 'utf8')).toContain(
      '### 开展国家生态工业园区建设专题调研 {#p3 page=3}',
    );
  });

  it.skipIf(!canMount)('leaves the existing issue whole when --force meets a full disk', () => {
    const disk = mountSmallDisk('16k');
    if (!disk) throw new Error('cannot mount a tmpfs although running as root');
    try {
      const dir = join(disk.path, 'content');
      mkdirSync(join(dir, '2018'), { recursive: true });
      cpSync(join(bundledContent, 'sections.yaml'), join(dir, 'sections.yaml'));
      const edited = `编辑改过的文字\n${'正文。'.repeat(1200)}\n`;
      writeFileSync(join(dir, '2018/2018-01.md'), edited);
      const result = runImport(dir, seedTextPath, '--force');
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/无法写入这个文件：磁盘空间不足.*ENOSPC.*原有的文件保持不变/);
      expect(readFileSync(join(dir, '2018/2018-01.md'), 'utf8')).toBe(edited);
      expect(readdirSync(join(dir, '2018'))).toEqual(['2018-01.md']);
    } finally {
      disk.unmount();
    }
  });

  it('writes to --out instead and checks that file on its own', () => {
    const dir = makeContentDir({});
    const out = join(dir, '..', `import-out-${process.pid}.md`);
    const result = runImport(dir, seedTextPath, '--out', out);
    expect(result.status).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(existsSync(join(dir, '2018'))).toBe(false);
  });

  it('exits 1 with the checker’s messages when the output would not pass', () => {
    const dir = makeContentDir({});
    const input = join(dir, 'unknown-column.txt');
    writeFileSync(
      input,
      bulletin(['【政策解读】\t- 1 -', '甲文章标题.....\t- 1 -'], ['【政策解读】', '', '甲文章标题', '', '正文。']),
    );
    const result = runImport(dir, input, '--out', join(dir, 'out', 'x.md'));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/unknown-column\.txt:14:1 {2}warning .*\(import-unknown-section\)/);
    expect(result.stderr).toMatch(/x\.md:\d+:1 {2}error {2}未知栏目.*\(unknown-section\)/);
    expect(result.stdout).toContain('未通过检查');
  });

  it('answers bad input with a message, never a stack trace', () => {
    const dir = makeContentDir({});
    const missing = runImport(dir, 'no-such-file.txt');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe(
      'no-such-file.txt:1:1  error  找不到或无法读取这个文件。请检查路径。  (file-not-found)\n',
    );
    const usage = runImport(dir);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('用法：npm run import');
    const noMasthead = join(dir, 'no-masthead.txt');
    writeFileSync(noMasthead, '只有一行正文。\n');
    const failed = runImport(dir, noMasthead);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('导入失败');
    expect(failed.stderr).not.toMatch(/\n\s+at /);
  });

  it('stops after an encoding error, and on a damaged Word file, with one message each', () => {
    const dir = makeContentDir({});
    const binary = join(dir, 'binary.txt');
    writeFileSync(binary, Uint8Array.from([0x41, 0, 0x42]));
    const encoding = runImport(dir, binary);
    expect(encoding.status).toBe(1);
    expect(encoding.stderr).toMatch(/^\S+binary\.txt:1:1 {2}error {2}文件含有二进制数据.* {2}\(import-encoding\)\n$/);
    const word = join(dir, '原稿.docx');
    writeFileSync(word, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(26), Buffer.from('word/document.xml')]));
    const docx = runImport(dir, word);
    expect(docx.status).toBe(1);
    expect(docx.stderr).toMatch(/^\S+原稿\.docx:1:1 {2}error {2}这个 Word 文件已损坏.* {2}\(import-word\)\n$/);
    expect(readdirSync(dir).sort()).toEqual(['binary.txt', 'sections.yaml', '原稿.docx']);
  });

  it('takes a PDF as a PDF: never “binary data” and then a masthead it could not find', () => {
    const dir = makeContentDir({});
    const pdf = join(repoRoot, 'tests/fixtures/pdf-import/tiny/scanned-page.pdf');
    const result = runImport(dir, pdf);
    expect(result.status).toBe(1);
    expect(result.stderr).not.toMatch(/二进制数据|刊头信息不全/);
    expect(result.stderr).toMatch(/scanned-page\.pdf:1:1 {2}error {2}.*PDF.* {2}\([a-z-]+\)\n$/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir)).toEqual(['sections.yaml']);
  });
});
