import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import Eleventy from '@11ty/eleventy';
import { eleventyConfig, type PreparedSite } from './eleventy-config.ts';
import { projectPath } from './project-path.ts';
import { isMissing } from '../core/read-file.ts';

/**
 * The output folder is replaced wholesale, so it must never be the project, the content or a
 * folder holding either: a mistyped `--out .` would otherwise swap the project away.
 */
export function unsafeOutputReason(out: string, keep: readonly string[]): string | undefined {
  const target = resolve(out);
  const inside = (child: string, parent: string) => {
    const path = relative(parent, child);
    return path === '' || (!path.startsWith('..') && !path.startsWith('/'));
  };
  const guarded = keep.map((dir) => resolve(dir)).find((dir) => inside(dir, target));
  return guarded === undefined
    ? undefined
    : `输出目录 ${target} 包含 ${guarded}，生成时会被整个替换：请指定一个单独的输出目录。`;
}

/** Eleventy renders the prepared site into `folder`, with no configuration file and no state left behind. */
export async function renderSite(site: PreparedSite, folder: string): Promise<void> {
  const eleventy = new Eleventy(projectPath('templates'), folder, {
    configPath: false,
    quietMode: true,
    pathPrefix: site.settings.pathPrefix,
    config: eleventyConfig(site),
  });
  await eleventy.write();
}

/**
 * Runs `build` on a new empty folder next to `out` (same file system, so the swap is a rename).
 * Returns the folder; on failure removes it and rethrows.
 */
export async function buildInto(out: string, build: (folder: string) => Promise<void>): Promise<string> {
  await mkdir(dirname(out), { recursive: true });
  const temporary = await mkdtemp(join(dirname(out), `${basename(out)}.build-`));
  try {
    await build(temporary);
    return temporary;
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Removes what an interrupted build or preview left beside `out`: new sites being built
 * (`.build-`, with any search index being written for them), old ones being deleted (`.old-`),
 * search indexes being written for `out` itself (`.pagefind-`).
 */
export async function removeLeftovers(out: string): Promise<void> {
  const folder = dirname(out);
  const prefixes = ['build', 'old', 'pagefind'].map((kind) => `${basename(out)}.${kind}-`);
  const names = await readdir(folder).catch((error: unknown) => {
    if (isMissing(error)) return [];
    throw error;
  });
  await Promise.all(
    names
      .filter((name) => prefixes.some((prefix) => name.startsWith(prefix)))
      .map((name) => rm(join(folder, name), { recursive: true, force: true })),
  );
}

/**
 * Replaces `out` with the finished build. A directory cannot be renamed over a non-empty one,
 * so the old site steps aside first; between the two renames `out` is briefly absent, never partial.
 */
export async function swapInto(temporary: string, out: string): Promise<void> {
  const previous = `${out}.old-${process.pid}`;
  const hadPrevious = await rename(out, previous).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
  await rename(temporary, out);
  if (hadPrevious) await rm(previous, { recursive: true, force: true });
}
