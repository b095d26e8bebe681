import { lstat, readFile } from 'node:fs/promises';

/** What went wrong with a file, as an editor can act on it; the system's code stays for searching. */
export function osReason(error: unknown): string {
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  const reasons: Record<string, string> = {
    EACCES: '没有读取权限，请检查文件的权限设置',
    EPERM: '系统不允许读取，请检查文件的权限设置',
    EISDIR: '这是一个文件夹，不是文件',
    ENOTDIR: '路径中有一段不是文件夹',
    ELOOP: '符号链接循环指向自己',
    EIO: '磁盘读写出错，请检查磁盘',
    EMFILE: '同时打开的文件太多，请稍后重试',
    ENAMETOOLONG: '文件名或路径太长',
    ENOENT: '文件不存在',
  };
  const text = (code && reasons[code]) ?? (error instanceof Error ? error.message : String(error));
  return code ? `${text}（${code}）` : text;
}

/** A table of the content folder as read: its text, absent, or unreadable for the reason given. */
export type OptionalText = { text: string } | { missing: true } | { unreadable: string };

/**
 * Reads a text file that may be absent: only "no such file" means absent; any other failure
 * comes back with its reason, for a diagnostic, never as a silent skip. A link to nothing is
 * there, so it is not absent: the table it should lead to would be lost without a word.
 */
export async function readOptionalText(path: string): Promise<OptionalText> {
  try {
    return { text: await readFile(path, 'utf8') };
  } catch (error) {
    if (!isMissing(error)) return { unreadable: osReason(error) };
    const link = await lstat(path).catch(() => undefined);
    return link?.isSymbolicLink()
      ? { unreadable: `它是符号链接，指向的文件不存在（${codeOf(error)}）` }
      : { missing: true };
  }
}

function codeOf(error: unknown): string {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : 'ENOENT';
}

/** The file or a folder on its path does not exist. */
export function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'ENOTDIR');
}
