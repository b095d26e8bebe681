import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real file system of `size` (a tmpfs, e.g. '1600k') to fill up: a full disk as the tools meet
 * it, ENOSPC from every writer (Eleventy, Pagefind's Rust code) without injecting anything.
 * Needs the right to mount (root, as in CI); `undefined` where there is none.
 */
export function mountSmallDisk(size: string): { path: string; unmount(): void } | undefined {
  const path = mkdtempSync(join(tmpdir(), 'small-disk-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', path]);
  if (mounted.status !== 0) {
    rmSync(path, { recursive: true, force: true });
    return undefined;
  }
  return {
    path,
    unmount() {
      spawnSync('umount', [path]);
      rmSync(path, { recursive: true, force: true });
    },
  };
}

/** Whether this process may mount: the disk-full tests run only where they can really fill a disk. */
export const canMount = process.getuid?.() === 0;
