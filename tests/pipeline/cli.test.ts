import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadArchive } from '../../src/archive/load-archive.ts';
import { makeContentDir, masthead, minimalBody, repoRoot } from '../helpers/content.ts';
import { defined } from '../helpers/defined.ts';

/**
 * The check and inspect commands as an editor runs them, each a real process: exit status,
 * output format, no stack trace. What the rules find is tested in-process, in
 * bad-inputs.test.ts and tests/robustness/invalid-corpus.test.ts.
 */
const issue = (fields: Partial<Record<string, string | number>> = {}, body = minimalBody) => masthead(fields) + body;

describe('npm run check', () => {
  const check = (dir: string) =>
    spawnSync(join(repoRoot, 'node_modules/.bin/tsx'), [join(repoRoot, 'src/cli/check.ts')], {
      cwd: repoRoot,
      env: { ...process.env, CONTENT_DIR: dir },
      encoding: 'utf8',
    });

  it('passes on the bundled content', () => {
    const output = execFileSync(join(repoRoot, 'node_modules/.bin/tsx'), [join(repoRoot, 'src/cli/check.ts')], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, CONTENT_DIR: '' },
    });
    expect(output).toContain('检查通过：1 期，5 篇文章');
  });

  it('fails with path:line:col  error  message  (rule) and no stack trace', () => {
    const dir = makeContentDir({
      '2018/2018-01.md': issue({ date: '2018-02-30' }, '## 政策解读\n\n### 甲\n\n正文。\n'),
    });
    const result = check(dir);
    expect(result.status).toBe(1);
    const lines = result.stdout.split('\n').filter((l) => l.includes('  error  '));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^.*2018\/2018-01\.md:7:7 {2}error {2}出版日期（date）“2018-02-30” 不是真实存在的日期。.* {2}\(date-invalid\)$/,
    );
    expect(lines[1]).toMatch(
      /^.*2018\/2018-01\.md:9:1 {2}error {2}未知栏目 “政策解读”.*sections\.yaml.* {2}\(unknown-section\)$/,
    );
    // The column table named where it is, as the editor gave the folder.
    expect(lines[1]).toContain(`请在 ${relative(repoRoot, dir)}/sections.yaml 中添加`);
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at |Error:/);
  });

  it('checks site.yaml as it checks an issue: path:line:col lines, exit 1, and the issues still checked', () => {
    const dir = makeContentDir({
      'site.yaml':
        'title: 简报\nsectionPageSize: 0\nfeedsize: 5\n' +
        'index:\n  steps:\n    - id: a\n      name: 甲\n      patterns: ["("]\n',
      '2018/2018-01.md': issue({ date: '2018-02-30' }),
    });
    const result = check(dir);
    expect(result.status).toBe(1);
    const lines = result.stdout.split('\n').filter((l) => l.includes('  error  '));
    expect(lines).toEqual([
      expect.stringMatching(
        /site\.yaml:2:18 {2}error {2}sectionPageSize（栏目页每页文章数）须是正整数.* {2}\(site-settings\)$/,
      ),
      expect.stringMatching(
        /site\.yaml:3:1 {2}error {2}没有 “feedsize” 这项设置：是不是 feedSize.* {2}\(site-settings\)$/,
      ),
      expect.stringMatching(
        /site\.yaml:8:18 {2}error {2}index\.steps 中的识别模式 “\(” 不是有效的正则表达式.* {2}\(site-settings\)$/,
      ),
      expect.stringMatching(/2018\/2018-01\.md:7:7 {2}error {2}.*\(date-invalid\)$/),
    ]);
    expect(result.stdout).toContain('检查未通过：4 个错误');
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at |Error:/);
    // Fixed, the check passes.
    writeFileSync(join(dir, 'site.yaml'), 'title: 简报\n');
    writeFileSync(join(dir, '2018/2018-01.md'), issue());
    expect(check(dir).status).toBe(0);
  });

  // The corpus is checked entry by entry in-process (invalid-corpus.test.ts); one entry with
  // two errors proves the real process end to end.
  it('exits 1 on a broken corpus entry with one path:line:col line per error and no stack trace', () => {
    const corpus = join(repoRoot, 'tests/fixtures/invalid');
    const cases = parse(readFileSync(join(corpus, 'cases.yaml'), 'utf8')) as { input: string; errors: unknown[] }[];
    const { input, errors } = defined(
      cases.find((c) => c.input === 'missing-fields.md'),
      'the corpus case missing-fields.md',
    );
    const result = check(makeContentDir({ '2018/2018-01.md': readFileSync(join(corpus, input)) }));
    expect(result.status, input).toBe(1);
    const lines = result.stdout.split('\n').filter((l) => / {2}error {2}/.test(l));
    expect(lines, input).toHaveLength(errors.length);
    for (const line of lines) expect(line, input).toMatch(/^\S.*:\d+:\d+ {2}error {2}\S.* {2}\([a-z-]+\)$/);
    expect(result.stderr, input).toBe('');
  });

  // Reads fail by injection (tests/helpers/fail-reads.ts): tests may run as root, where chmod 000 stops nothing.
  const checkFailing = (dir: string, failing: Record<string, string>) =>
    spawnSync(
      join(repoRoot, 'node_modules/.bin/tsx'),
      ['--import', join(repoRoot, 'tests/helpers/fail-reads.ts'), join(repoRoot, 'src/cli/check.ts')],
      {
        cwd: repoRoot,
        env: {
          ...process.env,
          CONTENT_DIR: dir,
          FAIL_READS: JSON.stringify(Object.fromEntries(Object.entries(failing).map(([p, c]) => [join(dir, p), c]))),
        },
        encoding: 'utf8',
      },
    );
  const errorLines = (stdout: string) =>
    stdout
      .split('\n')
      .filter((l) => / {2}error {2}/.test(l))
      .map((l) => l.replace(/^.*?bulletin-content-[^/]+\//, ''));

  it('reports an unreadable issue file and an unreadable folder with the system reason, no stack trace', () => {
    const dir = makeContentDir({
      '2018/2018-01.md': issue(),
      '2019/2019-01.md': issue({ year: 2019, cumulativeNumber: 11, date: '2019-06-29' }),
    });
    const result = checkFailing(dir, { '2018/2018-01.md': 'EACCES', '2019': 'EACCES' });
    expect(result.status).toBe(1);
    expect(errorLines(result.stdout)).toEqual([
      expect.stringMatching(
        /^2018\/2018-01\.md:1:1 {2}error {2}无法读取这一期的文件：.*（EACCES）.* {2}\(file-unreadable\)$/,
      ),
      expect.stringMatching(/^2019:1:1 {2}error {2}无法读取文件夹：.*（EACCES）.* {2}\(folder-unreadable\)$/),
    ]);
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at |Error:/);
  });

  it('reports an unreadable park gazetteer and column table as errors, not as absent tables', () => {
    const dir = makeContentDir({ '2018/2018-01.md': issue(), 'parks.yaml': '[]\n' });
    const result = checkFailing(dir, { 'parks.yaml': 'EACCES', 'sections.yaml': 'EIO' });
    expect(result.status).toBe(1);
    expect(errorLines(result.stdout)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^parks\.yaml:1:1 {2}error {2}无法读取园区名录 parks\.yaml：.*（EACCES）.* {2}\(gazetteer\)$/,
        ),
        expect.stringMatching(
          /^sections\.yaml:1:1 {2}error {2}无法读取栏目表 sections\.yaml：.*（EIO）.* {2}\(section-table\)$/,
        ),
      ]),
    );
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at |Error:/);
  });

  it('reports nesting too deep in an issue and in the gazetteer at its place, not as a crash or unreadable', () => {
    const deepYaml = Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}a:\n`).join('');
    const dir = makeContentDir({
      '2018/2018-01.md': issue({}, `${minimalBody}\n${'>'.repeat(2000)} a\n`),
      'parks.yaml': deepYaml,
    });
    const result = check(dir);
    expect(result.status).toBe(1);
    expect(errorLines(result.stdout)).toEqual([
      expect.stringMatching(
        /^2018\/2018-01\.md:15:33 {2}error {2}引用（>）和列表在这里嵌套到第 33 层.* {2}\(nesting-depth\)$/,
      ),
      expect.stringMatching(
        /^parks\.yaml:\d+:\d+ {2}error {2}园区名录的 YAML 写法有误：嵌套得太多（层次太深.* {2}\(gazetteer\)$/,
      ),
    ]);
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at |Error:/);
  });

  it('reports an issue name that is a pipe instead of waiting on it', () => {
    const dir = makeContentDir({ '2018/2018-01.md': issue() });
    execFileSync('mkfifo', [join(dir, '2018/2018-02.md')]);
    const result = check(dir);
    expect(result.status).toBe(1);
    expect(errorLines(result.stdout)).toEqual([
      expect.stringMatching(/^2018\/2018-02\.md:1:1 {2}error {2}这不是普通文件.* {2}\(file-unreadable\)$/),
    ]);
  });
});

describe('npm run inspect', () => {
  const inspect = (file: string) =>
    spawnSync(join(repoRoot, 'node_modules/.bin/tsx'), [join(repoRoot, 'src/cli/inspect.ts'), file], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, CONTENT_DIR: '' },
    });

  it('prints the bundled issue as one JSON object, the same model the archive loads', async () => {
    const result = inspect('content/2018/2018-01.md');
    expect(result.status).toBe(0);
    const printed = JSON.parse(result.stdout);
    const archive = await loadArchive(join(repoRoot, 'content'));
    expect(printed).toEqual(JSON.parse(JSON.stringify(archive.issues[0])));
  });

  it('prints diagnostics and no JSON for a bad file', () => {
    const dir = makeContentDir({ '2018/2018-01.md': issue({}, '### 甲\n\n正文。\n') });
    const result = inspect(join(dir, '2018/2018-01.md'));
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/2018-01\.md:9:1 {2}error {2}.*\(article-outside-section\)/);
  });
});
