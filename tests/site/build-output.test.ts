import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildInto, outputMarker, removeLeftovers, swapInto, unsafeOutputReason } from '../../src/site/build-output.ts';

describe('unsafeOutputReason', () => {
  const keep = ['/work/project', '/work/project/content'];
  it('accepts a folder of its own', () => {
    expect(unsafeOutputReason('/work/project/_site', keep)).toBeUndefined();
    expect(unsafeOutputReason('/tmp/out', keep)).toBeUndefined();
  });
  it('refuses the project, the content or a folder above them', () => {
    for (const out of ['/work/project', '/work/project/content', '/work', '/'])
      expect(unsafeOutputReason(out, keep)).toBeDefined();
  });
});

/** A fresh folder for each test: the output folders and what lies beside them. */
let folder: string;
beforeEach(() => (folder = mkdtempSync(join(tmpdir(), 'build-output-'))));
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('removeLeftovers', () => {
  it('removes the folders an interrupted build of this site left beside it, and nothing else', async () => {
    for (const name of ['_site', '_site.build-a1', '_site.old-4242', '_site.keep', '_site2.build-d4', 'content']) {
      mkdirSync(join(folder, name));
      writeFileSync(join(folder, name, outputMarker), '');
    }
    mkdirSync(join(folder, '_site.pagefind-c3'));
    mkdirSync(join(folder, '_site.build-mine'));
    writeFileSync(join(folder, '_site.build-mine', 'notes.txt'), 'not made by the build');
    await removeLeftovers(join(folder, '_site'));
    expect(readdirSync(folder).sort()).toEqual([
      '_site',
      '_site.build-mine',
      '_site.keep',
      '_site2.build-d4',
      'content',
    ]);
  });
});

describe('buildInto', () => {
  it('builds beside an output folder whose parent does not exist yet', async () => {
    const out = join(folder, 'new/place/_site');
    const built = await buildInto(out, async (temporary) => writeFileSync(join(temporary, 'index.html'), 'page'));
    expect(readdirSync(join(folder, 'new/place'))).toEqual([built.split('/').at(-1)]);
    expect(readFileSync(join(built, 'index.html'), 'utf8')).toBe('page');
    expect(readdirSync(built).sort()).toEqual([outputMarker, 'index.html']);
  });
});

describe('buildInto and swapInto', () => {
  it('give the folders the usual permissions, not the private 0700 of a temporary folder', async () => {
    const out = join(folder, '_site');
    await swapInto(await buildInto(out, async (temporary) => mkdirSync(join(temporary, 'pagefind'))), out);
    const usual = 0o777 & ~currentUmask();
    expect(statSync(out).mode & 0o777).toBe(usual);
    expect(statSync(join(out, 'pagefind')).mode & 0o777).toBe(usual);
  });

  it('removes the half-built folder when the build fails, and leaves the site as it was', async () => {
    const out = join(folder, '_site');
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'old');
    const failing = buildInto(out, async (temporary) => {
      writeFileSync(join(temporary, 'index.html'), 'new');
      throw new Error('render failed');
    });
    await expect(failing).rejects.toThrow('render failed');
    expect(readdirSync(folder)).toEqual(['_site']);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('old');
  });

  it('puts the old site back when the new one cannot be moved in', async () => {
    const out = join(folder, '_site');
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'old');
    await expect(swapInto(join(folder, 'vanished.build-1'), out)).rejects.toThrow(/ENOENT/);
    expect(readdirSync(folder)).toEqual(['_site']);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('old');
  });
});

/** The process's umask, read by creating a file (process.umask() without an argument is deprecated). */
function currentUmask(): number {
  const folder = mkdtempSync(join(tmpdir(), 'umask-'));
  try {
    writeFileSync(join(folder, 'probe'), '', { mode: 0o777 });
    return ~statSync(join(folder, 'probe')).mode & 0o777;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
