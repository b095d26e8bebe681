import { randomBytes } from 'node:crypto';
import { link, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /** Replace a file already there (`--force`); without it an existing file fails with EEXIST, untouched. */
  replace?: boolean;
}

/**
 * Writes a file so that it is either the old one or the complete new one, never a fragment: the
 * bytes go to a temporary file beside it (same file system), are flushed to disk, and the
 * temporary file then takes the target's name in one step. A full disk or a crash midway leaves
 * the target as it was and removes the temporary file.
 *
 * Hand-written rather than `write-file-atomic`: that package has no "create, never replace"
 * mode, which new issue files and imports without `--force` need (a `link` fails if the name is
 * taken, where a `rename` would silently replace it).
 */
export async function writeFileAtomically(
  path: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  // A replaced file keeps its permissions: an editor's file stays as they set it.
  const mode = options.replace
    ? await stat(path).then(
        (s) => s.mode & 0o7777,
        () => undefined,
      )
    : undefined;
  try {
    const handle = await open(temporary, 'wx', mode ?? 0o666);
    try {
      await handle.writeFile(data);
      if (mode !== undefined) await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.replace) await rename(temporary, path);
    else await createFrom(temporary, path);
  } finally {
    await rm(temporary, { force: true });
  }
}

/**
 * Gives the written file `temporary` the name `path` unless the name is taken (then EEXIST, and
 * `temporary` stays where it was). File systems without hard links
 * (FAT and exFAT drives, some network shares) get the name reserved by an exclusive create, then
 * filled by the rename: never a clobber, and under the name only ever nothing, an empty file for
 * a moment, or the whole text.
 */
export async function createFrom(temporary: string, path: string): Promise<void> {
  try {
    await link(temporary, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
    await (await open(path, 'wx')).close();
    await rename(temporary, path);
  }
}
