/**
 * Why writing failed, as an editor can act on it: a full disk is said to be a full disk, and a
 * missing permission names the folder to fix. The system's code stays for searching.
 */
export function writeFailureReason(error: unknown): string {
  const cause = systemError(error) ?? error;
  const code = errorCode(cause);
  const reasons: Record<string, string> = {
    ENOSPC: '磁盘空间不足，请腾出空间后重试',
    EDQUOT: '超出了磁盘配额，请腾出空间后重试',
    EACCES: '没有写入权限，请检查这个目录的权限设置',
    EPERM: '系统不允许写入，请检查这个目录的权限设置',
    EROFS: '磁盘或目录是只读的',
    EIO: '磁盘读写出错，请检查磁盘',
    ENAMETOOLONG: '文件名或路径太长',
    EMFILE: '同时打开的文件太多，请稍后重试',
    ENOTDIR: '路径中有一段不是文件夹',
    EISDIR: '这个路径是一个文件夹',
    EBUSY: '文件或目录正被其他程序占用',
  };
  const text = (code && reasons[code]) ?? (cause instanceof Error ? cause.message : String(cause));
  const path = cause instanceof Error && 'path' in cause && typeof cause.path === 'string' ? cause.path : undefined;
  return `${text}${code ? `（${code}${path ? `：${path}` : ''}）` : ''}`;
}

/**
 * The system error code (`ENOSPC`, `EACCES` …) of a failed file operation, if it is one: found
 * also under the errors tools wrap it in (Eleventy's `originalError`, the standard `cause`).
 */
export function errorCode(error: unknown): string | undefined {
  return systemError(error)?.code;
}

/** The first system error (one with a code like `ENOSPC`) in the chain of wrapped errors. */
export function systemError(error: unknown): (Error & { code: string; path?: string }) | undefined {
  return errorChain(error).find(
    (e): e is Error & { code: string; path?: string } =>
      'code' in e && typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code),
  );
}

/**
 * The error and those it wraps (Eleventy's `originalError`, the standard `cause`), outermost
 * first, at most 10: where the real cause of a failure often is.
 */
export function errorChain(error: unknown): Error[] {
  const chain: Error[] = [];
  for (let current = error; current instanceof Error && chain.length < 10;) {
    chain.push(current);
    const wrapped = 'originalError' in current ? current.originalError : undefined;
    current = wrapped instanceof Error ? wrapped : current.cause;
  }
  return chain;
}

/** The disk is full or the quota used up: what the build must say instead of a generic failure. */
export function isDiskFull(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'ENOSPC' || code === 'EDQUOT';
}
