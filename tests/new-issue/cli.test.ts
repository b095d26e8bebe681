import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledIssuePath, makeContentDir, repoRoot } from '../helpers/content.ts';

const newIssue = (contentDir: string, ...args: string[]) =>
  spawnSync(join(repoRoot, 'node_modules/.bin/tsx'), [join(repoRoot, 'src/cli/new-issue.ts'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: contentDir },
  });

const archiveWithFirstIssue = () => makeContentDir({ '2018/2018-01.md': readFileSync(bundledIssuePath) });

describe('npm run new-issue', () => {
  it('writes the next issue inferred from the latest one, and says what to fill in next', () => {
    const dir = archiveWithFirstIssue();
    const result = newIssue(dir);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const text = readFileSync(join(dir, '2018/2018-02.md'), 'utf8');
    expect(text).toContain('\nyear: 2018\nnumber: 2\ncumulativeNumber: 11\ndate: YYYY-MM-DD\n---\n');
    expect(text).toContain('series: 国家生态工业园区 工作动态\npublisher: 国家生态工业园区建设协调领导小组办公室\n');
    expect(result.stdout).toContain('2018年第2期（总第11期）');
    expect(result.stdout).toContain('接下来请');
    // The folder for its pictures is made beside it, and the editor is told where pictures and the original go.
    expect(statSync(join(dir, '2018/2018-02')).isDirectory()).toBe(true);
    expect(result.stdout).toContain('照片放进');
    expect(result.stdout).toContain('![说明](2018-02/文件名.jpg)');
    expect(result.stdout).toContain('2018/2018-02.pdf');
    expect(result.stdout).toMatch(/2018-02\.md:8:7 {2}error {2}出版日期.* {2}\(date-invalid\)/);
    expect(result.stdout).toMatch(/2018-02\.md:11:1 {2}error {2}栏目 “工作动态” 下没有文章.* {2}\(empty-section\)/);
    expect(result.stdout).not.toMatch(/\n\s+at /);
  });

  it('takes --year, --number and --date, and infers the rest', () => {
    const dir = archiveWithFirstIssue();
    const result = newIssue(dir, '--year', '2018', '--number', '3', '--date', '2018-12-28');
    expect(result.status).toBe(0);
    const text = readFileSync(join(dir, '2018/2018-03.md'), 'utf8');
    expect(text).toContain('\nnumber: 3\ncumulativeNumber: 12\ndate: 2018-12-28\n');
    expect(result.stdout).not.toContain('date-invalid');
  });

  it('counts on from an unfilled skeleton when run again', () => {
    const dir = archiveWithFirstIssue();
    expect(newIssue(dir).status).toBe(0);
    expect(newIssue(dir).status).toBe(0);
    expect(readFileSync(join(dir, '2018/2018-03.md'), 'utf8')).toContain('\nnumber: 3\ncumulativeNumber: 12\n');
  });

  it('refuses to overwrite an existing issue and says why', () => {
    const dir = archiveWithFirstIssue();
    const result = newIssue(dir, '--year', '2018', '--number', '1');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('没有新建文件：2018年第1期已经存在（2018/2018-01.md），不会覆盖');
    expect(readFileSync(join(dir, '2018/2018-01.md'))).toEqual(readFileSync(bundledIssuePath));
    expect(existsSync(join(dir, '2018/2018-01'))).toBe(false);
  });

  it('answers bad arguments and an empty archive with messages', () => {
    const dir = archiveWithFirstIssue();
    const bad = newIssue(dir, '--number', 'two');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--number 须是正整数');
    const unknown = newIssue(dir, '--colour', 'red');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('用法：npm run new-issue');
    const empty = newIssue(makeContentDir({}));
    expect(empty.status).toBe(1);
    expect(empty.stderr).toContain('--year');
  });

  it('scaffolds a special issue with --special, the next ordinal of its year unless given', () => {
    const dir = archiveWithFirstIssue();
    const first = newIssue(dir, '--year', '2019', '--special');
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const text = readFileSync(join(dir, '2019/2019-s1.md'), 'utf8');
    expect(text).toContain('# 2019-s1：');
    expect(text).toContain('\nyear: 2019\nnumber: 增刊1\ndate: YYYY-MM-DD\n---\n');
    expect(text).not.toContain('cumulativeNumber');
    expect(first.stdout).toContain('已新建');
    expect(first.stdout).toContain('2019年增刊1。');
    expect(first.stdout).toContain('2019/2019-s1.pdf');
    expect(statSync(join(dir, '2019/2019-s1')).isDirectory()).toBe(true);
    // The skeleton reads as a supplement: only the date and the empty columns are left to fill.
    expect(first.stdout).not.toContain('front-matter-field');
    expect(first.stdout).not.toContain('file-name');

    expect(newIssue(dir, '--year', '2019', '--special').status).toBe(0);
    expect(readFileSync(join(dir, '2019/2019-s2.md'), 'utf8')).toContain('\nnumber: 增刊2\n');
    expect(newIssue(dir, '--year', '2019', '--special', '5', '--date', '2019-10-01').status).toBe(0);
    expect(readFileSync(join(dir, '2019/2019-s5.md'), 'utf8')).toContain('\nnumber: 增刊5\ndate: 2019-10-01\n');
    // Supplements do not count on the regular numbers.
    expect(newIssue(dir, '--year', '2018').status).toBe(0);
    expect(existsSync(join(dir, '2018/2018-02.md'))).toBe(true);

    const again = newIssue(dir, '--year', '2019', '--special', '1');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('2019年增刊1已经存在（2019/2019-s1.md）');
    const bad = newIssue(dir, '--special', 'x');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--special');
  });

  it('documents --special in its usage', () => {
    const result = newIssue(archiveWithFirstIssue(), '--nonsense');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--special [序号]');
  });
});
