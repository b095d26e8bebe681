import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';

/** The parent of a process, from /proc (Linux); undefined once it is gone. */
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name in parentheses may hold spaces: the fields after its closing one are fixed.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/** Its program's file name: argv[0], not the whole command line (a worktree path may say "pagefind"). */
function programOf(pid: number): string {
  try {
    return basename(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] ?? '');
  } catch {
    return '';
  }
}

/** Pagefind's indexing processes among the children of `parent`. */
export function pagefindChildren(parent: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => parentOf(pid) === parent && programOf(pid).startsWith('pagefind'));
}

/** CPU time the process has used so far, in clock ticks (usually 1/100 s); 0 once it is gone. */
export function cpuTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/**
 * Resolves with the pid of a Pagefind child of `parent` that is not one of `except` (the
 * processes seen before), once there is one; the test's timeout bounds the wait.
 */
export async function nextPagefindChild(parent: number, except: readonly number[] = []): Promise<number> {
  for (;;) {
    const found = pagefindChildren(parent).find((pid) => !except.includes(pid));
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Rejects if `promise` has not settled within `ms`: a hang fails the test quickly, with a reason. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: not settled within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
