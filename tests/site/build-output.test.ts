import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildInto, removeLeftovers, unsafeOutputReason } from '../../src/site/build-output.ts';

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

describe('removeLeftovers', () => {
  it('removes the folders an interrupted build of this site left beside it, and nothing else', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'leftovers-'));
    try {
      for (const name of [
        '_site',
        '_site.build-a1',
        '_site.build-a1.pagefind-b2',
        '_site.old-4242',
        '_site.pagefind-c3',
        '_site.keep',
        '_site2.build-d4',
        'content',
      ])
        mkdirSync(join(folder, name));
      await removeLeftovers(join(folder, '_site'));
      expect(readdirSync(folder).sort()).toEqual(['_site', '_site.keep', '_site2.build-d4', 'content']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('buildInto', () => {
  it('builds beside an output folder whose parent does not exist yet', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'build-into-'));
    try {
      const out = join(folder, 'new/place/_site');
      const built = await buildInto(out, async (temporary) => writeFileSync(join(temporary, 'index.html'), 'page'));
      expect(readdirSync(join(folder, 'new/place'))).toEqual([built.split('/').at(-1)]);
      expect(readFileSync(join(built, 'index.html'), 'utf8')).toBe('page');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
