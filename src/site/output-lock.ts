import { readFileSync, rmSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { OutputWriteError } from '../core/errors.ts';
import { cleanupOnExit } from '../core/shutdown.ts';

/** Who holds an output folder: written into its lock file. */
interface LockHolder {
  pid: number;
  host: string;
  /** `npm run build` or `npm start`, for the message a second build gets. */
  command: string;
  started: string;
}

/**
 * Takes the lock on an output folder: a file beside it naming this process. One build or preview
 * per folder at a time, so that one's start-up cleanup never deletes the other's work in progress.
 * A lock whose process is gone (a crash, a kill) is taken over. Returns the release; the lock is
 * also removed if the process exits without releasing it.
 *
 * Hand-written rather than `proper-lockfile`: that one judges a lock stale by its age and must
 * refresh it on a timer, which a long synchronous render step would miss; here the holder's
 * process id says for certain whether it still runs (same machine, which is the case served).
 */
export async function lockOutputFolder(lockPath: string, shownOut: string, command: string): Promise<() => void> {
  const holder: LockHolder = { pid: process.pid, host: hostname(), command, started: new Date().toISOString() };
  const text = `${JSON.stringify(holder)}\n`;
  for (let attempt = 0; ; attempt += 1) {
    try {
      await writeFile(lockPath, text, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw error;
    }
    const current = await settledHolder(lockPath);
    if (current === 'gone') continue;
    if (current !== 'unreadable' && !isRunning(current)) {
      await rm(lockPath, { force: true });
      continue;
    }
    throw new OutputWriteError(busyMessage(shownOut, lockPath, current));
  }
  const release = () => {
    // Only our own lock: after a takeover by someone who judged ours stale, theirs stays.
    if (readFileSync(lockPath, { encoding: 'utf8', flag: 'r' }) === text) rmSync(lockPath, { force: true });
  };
  const forget = cleanupOnExit(() => tryRelease(release));
  return () => {
    forget();
    tryRelease(release);
  };
}

function tryRelease(release: () => void): void {
  try {
    release();
  } catch {
    // Already gone (removed by hand): nothing to release.
  }
}

/**
 * The holder, read again for a moment while the file is unreadable: another build creates the
 * lock and writes its line in two steps, and one that starts at the same time may read between
 * them. A lock still unreadable after that is damaged.
 */
async function settledHolder(lockPath: string): Promise<LockHolder | 'gone' | 'unreadable'> {
  for (let attempt = 0; ; attempt += 1) {
    const holder = await readHolder(lockPath);
    if (holder !== 'unreadable' || attempt >= 20) return holder;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function readHolder(lockPath: string): Promise<LockHolder | 'gone' | 'unreadable'> {
  const text = await readFile(lockPath, 'utf8').catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone' as const;
    throw error;
  });
  if (text === 'gone') return text;
  try {
    const parsed = JSON.parse(text) as Partial<LockHolder>;
    return typeof parsed.pid === 'number' && typeof parsed.host === 'string'
      ? { pid: parsed.pid, host: parsed.host, command: String(parsed.command), started: String(parsed.started) }
      : 'unreadable';
  } catch {
    // Half-written by a holder that is writing it right now, or damaged: not ours to judge.
    return 'unreadable';
  }
}

/** A lock from another machine (a shared folder) cannot be checked, so it counts as running. */
function isRunning(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function busyMessage(shownOut: string, lockPath: string, holder: LockHolder | 'unreadable'): string {
  const who =
    holder === 'unreadable'
      ? '另一个程序'
      : `另一个 ${holder.command}（进程 ${holder.pid}${holder.host === hostname() ? '' : `，在 ${holder.host} 上`}，` +
        `${holder.started} 开始）`;
  return (
    `${shownOut}/ 正被${who}使用，本次没有生成，${shownOut}/ 保持不变。` +
    `请等它结束（预览请按 Ctrl+C 停止）后重试，或用 --out 指定另一个输出目录。` +
    `若确定没有这样的程序在运行，请删除 ${lockPath} 后重试。`
  );
}
