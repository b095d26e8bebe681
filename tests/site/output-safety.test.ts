import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeGeneratedArchive } from '../../src/generate/archive.ts';
import { bundledContent, makeContentDir, masthead, repoRoot } from '../helpers/content.ts';
import { canMount, mountSmallDisk } from '../helpers/small-disk.ts';
import { listFiles, runBuild, spawnBuild } from './helpers/build.ts';

let root: string;
let seedSite: string;
/** 150 generated issues: a build long enough to stop midway, a site too big for a small disk. */
let bigContent: string;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'output-safety-'));
  seedSite = join(root, 'seed-site');
  expect((await runBuild(seedSite)).code).toBe(0);
  bigContent = join(root, 'big-content');
  // Text alone: encoding photos would make the build minutes long without testing anything more here.
  await writeGeneratedArchive({ sourceDir: bundledContent, outDir: bigContent, issues: 150, seed: 3, media: false });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A fresh folder holding a copy of the seed site as `_site`: the previous site a build may replace. */
function withPreviousSite(): { folder: string; out: string } {
  const folder = mkdtempSync(join(root, 'case-'));
  cpSync(seedSite, join(folder, '_site'), { recursive: true });
  return { folder, out: join(folder, '_site') };
}

describe('the output guard', () => {
  it('refuses to replace a folder it did not make, deleting nothing', async () => {
    const folder = mkdtempSync(join(root, 'gh-pages-'));
    mkdirSync(join(folder, '.git'));
    writeFileSync(join(folder, '.git', 'HEAD'), 'ref: refs/heads/gh-pages\n');
    writeFileSync(join(folder, 'index.html'), 'the deployed site');
    const result = await spawnBuild(folder);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/不是本程序生成的.*没有生成/);
    expect((await listFiles(folder)).sort()).toEqual(['.git/HEAD', 'index.html']);
    expect(readdirSync(root).filter((name) => name.startsWith(`${folder.split('/').at(-1)}.`))).toEqual([]);
  });

  it('refuses the source folder itself (`--out src`)', async () => {
    const result = await spawnBuild(join(repoRoot, 'src'));
    expect(result.code).toBe(2);
    expect(existsSync(join(repoRoot, 'src/cli/build-command.ts'))).toBe(true);
  });

  it('builds through a symbolic link into the folder it points to, leaving the link a link', async () => {
    const folder = mkdtempSync(join(root, 'link-'));
    mkdirSync(join(folder, 'www'));
    symlinkSync(join(folder, 'www'), join(folder, '_site'));
    for (let round = 0; round < 2; round += 1) expect((await runBuild(join(folder, '_site'))).code).toBe(0);
    expect(lstatSync(join(folder, '_site')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(folder, '_site'))).toBe(join(folder, 'www'));
    expect(existsSync(join(folder, 'www/2018/01/index.html'))).toBe(true);
    expect(readdirSync(folder).sort()).toEqual(['_site', 'www']);
  });
});

describe('output permissions', () => {
  for (const [umask, folderMode, fileMode] of [
    ['022', 0o755, 0o644],
    ['027', 0o750, 0o640],
  ] as const)
    it(`follow the umask ${umask}: folders ${folderMode.toString(8)}, files ${fileMode.toString(8)}`, () => {
      const out = join(mkdtempSync(join(root, 'mode-')), '_site');
      const built = spawnSync(
        'sh',
        ['-c', `umask ${umask} && exec "$0" --import tsx scripts/build.ts --out "$1"`, process.execPath, out],
        { cwd: repoRoot, encoding: 'utf8' },
      );
      expect(built.status, built.stderr).toBe(0);
      for (const folder of ['', 'pagefind', '2018/01'])
        expect(statSync(join(out, folder)).mode & 0o777).toBe(folderMode);
      for (const file of ['index.html', 'pagefind/pagefind.js', '2018/01/index.html'])
        expect(statSync(join(out, file)).mode & 0o777).toBe(fileMode);
    });
});

describe('one build per output folder', () => {
  it('lets two builds of one folder at once end with one site and one clear refusal', async () => {
    const { out } = withPreviousSite();
    const results = await Promise.all([runBuild(out), runBuild(out)]);
    expect(results.map((result) => result.code).sort()).toEqual([0, 2]);
    const refused = results.find((result) => result.code === 2);
    expect(refused?.stderr).toMatch(new RegExp(`正被另一个 npm run build（进程 ${process.pid}.*保持不变`));
    expect(existsSync(join(out, '2018/01/index.html'))).toBe(true);
    expect(existsSync(join(out, 'pagefind/pagefind.js'))).toBe(true);
  });

  it('refuses a folder a running process holds, and takes over one a dead process held', async () => {
    const { folder, out } = withPreviousSite();
    const holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      const lock = { pid: holder.pid, host: hostname(), command: 'npm start', started: new Date().toISOString() };
      writeFileSync(`${out}.lock`, JSON.stringify(lock));
      const refused = await spawnBuild(out);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`正被另一个 npm start（进程 ${holder.pid}`);
    } finally {
      holder.kill('SIGKILL');
      await new Promise((resolve) => holder.once('exit', resolve));
    }
    const taken = await spawnBuild(out);
    expect(taken.code, taken.stderr).toBe(0);
    expect(readdirSync(folder)).toEqual(['_site']);
  });
});

describe('a build cut short', () => {
  it('restores the previous site a crash left set aside between the two renames of the swap', async () => {
    const { folder, out } = withPreviousSite();
    const before = readFileSync(join(out, 'index.html'), 'utf8');
    cpSync(out, `${out}.build-999-aa`, { recursive: true });
    cpSync(out, `${out}.old-999`, { recursive: true });
    rmSync(out, { recursive: true });
    const broken = makeContentDir({ '2018/2018-01.md': masthead({ date: '2018-02-30' }) });
    const result = await spawnBuild(out, { CONTENT_DIR: broken });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('上次生成在替换网站时中断，已恢复之前的网站');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe(before);
    expect(readdirSync(folder)).toEqual(['_site']);
  });

  it('names a missing content folder as such', async () => {
    const { out } = withPreviousSite();
    const result = await spawnBuild(out, { CONTENT_DIR: join(root, 'no-such-content') });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/找不到内容目录 .*no-such-content/);
    expect(result.stderr).not.toMatch(/磁盘空间|\n\s+at /);
  });
});

describe('stopping the build', () => {
  it('stops the whole build when only npm is stopped (a CI job stop), leaving the site as it was', async () => {
    const { folder, out } = withPreviousSite();
    const before = readFileSync(join(out, 'index.html'), 'utf8');
    const npm = spawn('npm', ['run', 'build', '--', '--out', out], {
      cwd: repoRoot,
      env: { ...process.env, CONTENT_DIR: bigContent },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    npm.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    npm.stdout.resume();
    // 'close', not 'exit': the build shares npm's stderr and may still be writing when npm exits;
    // the pipe closes once every process holding it has ended.
    const exited = new Promise((resolve) => npm.once('close', resolve));
    const group = npm.pid ?? 0;
    // Building has begun once its working folder is there.
    while (!readdirSync(folder).some((name) => name.startsWith('_site.build-')))
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(livingMembers(group).length).toBeGreaterThan(1);
    process.kill(group, 'SIGTERM');
    await exited;
    for (let waited = 0; livingMembers(group).length > 0 && waited < 10_000; waited += 100)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(livingMembers(group), `processes of the build still running; it printed:\n${stderr}`).toEqual([]);
    expect(stderr).toContain('已停止生成，网站目录保持原样');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe(before);
    expect(readdirSync(folder), stderr).toEqual(['_site']);
  });
});

describe.skipIf(!canMount)('a full disk', () => {
  it('says the disk is full, removes what this build wrote and leaves the previous site', async () => {
    const disk = mountSmallDisk('1600k');
    if (!disk) throw new Error('cannot mount a tmpfs although running as root');
    try {
      const out = join(disk.path, '_site');
      cpSync(seedSite, out, { recursive: true });
      const files = await listFiles(out);
      const used = diskUsed(disk.path);
      const result = await spawnBuild(out, { CONTENT_DIR: bigContent });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/磁盘空间不足.*本次生成写下的文件已删除.*\n.*_site\/ 保持不变/);
      // Pagefind's own panic (its stderr is the terminal's) may come first; everything of ours is plain.
      expect(result.stderr).not.toMatch(/Having trouble|\[11ty\] [^B]/);
      expect(result.stderr.slice(result.stderr.indexOf('生成失败'))).not.toMatch(/\n\s+at /);
      expect(await listFiles(out)).toEqual(files);
      expect(readdirSync(disk.path)).toEqual(['_site']);
      expect(diskUsed(disk.path)).toBe(used);
    } finally {
      disk.unmount();
    }
  });
});

/** Processes of the group still alive (zombies, already dead but not yet reaped, do not count). */
function livingMembers(group: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return fields[0] !== 'Z' && Number(fields[2]) === group ? [Number(pid)] : [];
      } catch {
        return [];
      }
    });
}

function diskUsed(path: string): number {
  return Number(spawnSync('df', ['--output=used', '-k', path], { encoding: 'utf8' }).stdout.trim().split('\n')[1]);
}
