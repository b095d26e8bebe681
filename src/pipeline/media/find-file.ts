import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, sep } from 'node:path';
import { isMissing, osReason } from '../../core/read-file.ts';

/** A media file as found on disk. */
export type FoundFile =
  | { kind: 'file'; realPath: string; bytes: number }
  /** Symlinks take it out of the content folder. */
  | { kind: 'outside' }
  | { kind: 'missing'; reason: 'absent' | 'not-a-file' | 'unreadable'; detail?: string };

/**
 * Finds `path` (already inside the content folder on its face) and resolves its symlinks: a link
 * that leads out of the content folder (`realContentDir`, itself resolved) is refused, so no
 * picture or original is ever read from elsewhere on the machine.
 */
export async function findContentFile(path: string, realContentDir: string): Promise<FoundFile> {
  let realPath: string;
  try {
    realPath = await realpath(path);
  } catch (error) {
    return isMissing(error)
      ? { kind: 'missing', reason: 'absent' }
      : { kind: 'missing', reason: 'unreadable', detail: osReason(error) };
  }
  const inside = relative(realContentDir, realPath);
  if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return { kind: 'outside' };
  try {
    const info = await stat(realPath);
    if (!info.isFile()) return { kind: 'missing', reason: 'not-a-file' };
    return { kind: 'file', realPath, bytes: info.size };
  } catch (error) {
    return { kind: 'missing', reason: 'unreadable', detail: osReason(error) };
  }
}

/** Whether the folder a missing file was looked for in is there: messages say which of the two is missing. */
export async function folderExists(folder: string): Promise<boolean> {
  try {
    return (await stat(folder)).isDirectory();
  } catch {
    return false;
  }
}
