import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutputWriteError } from '../../src/core/errors.ts';
import { outputMarker } from '../../src/site/build-output.ts';
import { claimOutputFolder, type ClaimedOutput } from '../../src/site/output-folder.ts';

let root: string;
let claims: ClaimedOutput[];
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'output-folder-'));
  claims = [];
});
afterEach(() => {
  for (const claim of claims) claim.release();
  rmSync(root, { recursive: true, force: true });
});

const options = { keep: ['/nonexistent/project'], shownOut: '_site', command: 'npm run build' };

async function claim(out: string): Promise<ClaimedOutput> {
  const claimed = await claimOutputFolder(out, options);
  claims.push(claimed);
  return claimed;
}

function ownSite(path: string, page: string): void {
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, outputMarker), 'marker');
  writeFileSync(join(path, 'index.html'), page);
}

/** A process id no process has now: a lock left by it is stale. */
function deadPid(): number {
  for (let pid = 4_000_000; ; pid -= 1) {
    try {
      process.kill(pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return pid;
    }
  }
}

describe('claimOutputFolder: the output guard', () => {
  it('refuses a folder with files it did not make, and leaves every file in it', async () => {
    const out = join(root, 'gh-pages');
    mkdirSync(join(out, '.git'), { recursive: true });
    writeFileSync(join(out, '.git', 'HEAD'), 'ref: refs/heads/gh-pages\n');
    writeFileSync(join(out, 'CNAME'), 'example.org\n');
    const refused = claimOutputFolder(out, options);
    await expect(refused).rejects.toThrow(OutputWriteError);
    await expect(refused).rejects.toThrow(/不是本程序生成的（没有标记文件 \.bulletin-archive-site）/);
    expect(readdirSync(out).sort()).toEqual(['.git', 'CNAME']);
    expect(readFileSync(join(out, '.git', 'HEAD'), 'utf8')).toBe('ref: refs/heads/gh-pages\n');
    expect(existsSync(`${out}.lock`)).toBe(false);
  });

  it('takes a folder that is new, empty or a site it built', async () => {
    expect((await claim(join(root, 'new/_site'))).folder).toBe(join(root, 'new/_site'));
    mkdirSync(join(root, 'empty'));
    expect((await claim(join(root, 'empty'))).folder).toBe(join(root, 'empty'));
    ownSite(join(root, 'built'), 'old');
    expect((await claim(join(root, 'built'))).folder).toBe(join(root, 'built'));
  });

  it('refuses a file and a folder holding the project', async () => {
    writeFileSync(join(root, 'file'), 'x');
    await expect(claimOutputFolder(join(root, 'file'), options)).rejects.toThrow(/是一个文件，不是目录/);
    await expect(claimOutputFolder(root, { ...options, keep: [join(root, 'project')] })).rejects.toThrow(
      /生成时会被整个替换/,
    );
  });

  it('follows a symbolic link to where it points, and guards the target', async () => {
    ownSite(join(root, 'www'), 'old');
    symlinkSync(join(root, 'www'), join(root, '_site'));
    expect((await claim(join(root, '_site'))).folder).toBe(join(root, 'www'));
    mkdirSync(join(root, 'docs'));
    writeFileSync(join(root, 'docs', 'readme.md'), 'mine');
    symlinkSync(join(root, 'docs'), join(root, 'linked-docs'));
    await expect(claimOutputFolder(join(root, 'linked-docs'), options)).rejects.toThrow(/不是本程序生成的/);
    symlinkSync(join(root, 'nowhere'), join(root, 'dangling'));
    await expect(claimOutputFolder(join(root, 'dangling'), options)).rejects.toThrow(/指向的位置不存在/);
  });
});

describe('claimOutputFolder: one build per folder', () => {
  it('refuses a second claim while the first holds the folder, naming who holds it', async () => {
    const out = join(root, '_site');
    const first = await claim(out);
    const second = claimOutputFolder(out, { ...options, command: 'npm start' });
    await expect(second).rejects.toThrow(`另一个 npm run build（进程 ${process.pid}`);
    first.release();
    await expect(claim(out)).resolves.toMatchObject({ folder: out });
  });

  it('takes over the lock of a process that is gone, and not one from another machine', async () => {
    const out = join(root, '_site');
    const stale = { pid: deadPid(), host: hostname(), command: 'npm run build', started: '2026-01-01T00:00:00Z' };
    writeFileSync(`${out}.lock`, JSON.stringify(stale));
    await claim(out);
    expect(JSON.parse(readFileSync(`${out}.lock`, 'utf8'))).toMatchObject({ pid: process.pid });
    claims.pop()?.release();
    expect(existsSync(`${out}.lock`)).toBe(false);
    writeFileSync(`${out}.lock`, JSON.stringify({ ...stale, host: 'elsewhere.example' }));
    await expect(claimOutputFolder(out, options)).rejects.toThrow(/在 elsewhere\.example 上/);
  });

  it('cleans only leftovers of its own: a folder that merely shares the name stays', async () => {
    const out = join(root, '_site');
    ownSite(out, 'current');
    ownSite(`${out}.build-123-ab`, 'half-built');
    mkdirSync(`${out}.pagefind-123-cd`);
    writeFileSync(join(`${out}.pagefind-123-cd`, 'pagefind-entry.json'), '{}');
    mkdirSync(`${out}.build-notes`);
    writeFileSync(join(`${out}.build-notes`, 'todo.txt'), 'mine');
    await claim(out);
    expect(readdirSync(root).sort()).toEqual(['_site', '_site.build-notes', '_site.lock']);
    expect(readFileSync(join(`${out}.build-notes`, 'todo.txt'), 'utf8')).toBe('mine');
  });
});

describe('claimOutputFolder: a swap cut short', () => {
  it('puts the previous site back when a crash left it set aside and the output missing', async () => {
    const out = join(root, '_site');
    ownSite(`${out}.old-4242`, 'previous site');
    ownSite(`${out}.build-4242-ef`, 'new site, never swapped in');
    const claimed = await claim(out);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('previous site');
    expect(claimed.notes.join('')).toMatch(/已恢复之前的网站/);
    expect(readdirSync(root).sort()).toEqual(['_site', '_site.lock']);
  });

  it('deletes a set-aside old site once the new one is in place', async () => {
    const out = join(root, '_site');
    ownSite(out, 'new site');
    ownSite(`${out}.old-4242`, 'previous site');
    const claimed = await claim(out);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('new site');
    expect(claimed.notes).toEqual([]);
    expect(readdirSync(root).sort()).toEqual(['_site', '_site.lock']);
  });
});
