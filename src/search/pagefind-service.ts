import { ChildProcess } from 'node:child_process';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import * as pagefind from 'pagefind';
import type { NewIndexResponse, PagefindIndex } from 'pagefind';
import { InvariantError, SearchIndexError, SearchServiceDiedError } from '../core/errors.ts';

/**
 * Pagefind's Node API runs its indexer as one child process for every index of this process, kept
 * in a variable of its own. When that process dies (the OOM killer, on a large archive) the API
 * does not notice: requests already sent are never answered, and the dead service stays cached,
 * so later indexes fail too. This module watches the process; when it dies, every request of its
 * indexes fails with a SearchServiceDiedError and the API is made to forget the dead service.
 *
 * How the process is found: Node publishes each ChildProcess it creates on the built-in
 * `child_process` diagnostics channel, and the API spawns its service synchronously inside the
 * `createIndex` call that first needs it. Listening only during that call catches exactly
 * Pagefind's process, through public Node API and without touching Pagefind's internals.
 * Replacing `child_process.spawn` instead would change a module the whole process shares;
 * polling /proc works on Linux only and notices late; the API does not export its service.
 */

/** One Pagefind process, from its start to its exit. */
interface ServiceRun {
  /** Indexes opened on it and not yet released. */
  indexes: number;
  /** Set when this module stopped it: its exit is then no death. */
  stopping: boolean;
  /** Why every request fails, once it has died. */
  death: SearchIndexError | undefined;
  /** Settles once the process has exited or failed to start. */
  ended: Promise<void>;
}

/** The run the API's cached service belongs to; undefined when the next `createIndex` spawns one. */
let current: ServiceRun | undefined;

/** Pagefind processes started and not yet exited. */
const living = new Set<ChildProcess>();

/**
 * How long a failed request waits for the process's exit to be reported before its own error
 * stands. When the API finds its pipe broken it fails every open request at once, usually before
 * Node has reported the exit; waiting that moment lets the editor read why.
 */
const exitReportWait = 1000;

export interface WatchedIndex {
  /** Sends a request for the index; rejects with the reason if Pagefind's process died. */
  request<T>(send: (index: PagefindIndex) => Promise<T>): Promise<T>;
  /** Frees the index and stops Pagefind once no index is left open on its process. */
  release(): Promise<void>;
  /** Why the index is lost, once Pagefind's process has died. */
  readonly death: SearchIndexError | undefined;
}

/** A new Pagefind index, on the running process or on a new one. */
export async function openWatchedIndex(): Promise<WatchedIndex> {
  quietServiceStops();
  const { run, created } = createIndexWatched();
  run.indexes += 1;
  const response = await answer(run, created).catch(async (error: unknown) => {
    await releaseRun(run);
    throw error;
  });
  const index = response.index;
  if (!index) {
    await releaseRun(run);
    throw new SearchIndexError(`无法启动 Pagefind：${response.errors.join('；')}`);
  }
  let released: Promise<void> | undefined;
  return {
    get death() {
      return run.death;
    },
    // Nothing goes to a dead process's index: the API would start a new process for it, where
    // that index number may name somebody else's index.
    request: (send) => (run.death ? Promise.reject(run.death) : answer(run, send(index))),
    release: () =>
      (released ??= (async () => {
        // Freeing the service's memory for this index; if the service is gone, so is the index.
        if (!run.death) await answer(run, index.deleteIndex()).catch(() => undefined);
        await releaseRun(run);
      })()),
  };
}

/** Calls `createIndex`, watching the process it spawns if it spawns one. */
function createIndexWatched(): { run: ServiceRun; created: Promise<NewIndexResponse> } {
  let spawned: ChildProcess | undefined;
  const onProcess = (message: unknown) => {
    if (typeof message === 'object' && message !== null && 'process' in message) {
      if (message.process instanceof ChildProcess) spawned ??= message.process;
    }
  };
  subscribe('child_process', onProcess);
  let created: Promise<NewIndexResponse>;
  try {
    created = pagefind.createIndex({});
  } finally {
    unsubscribe('child_process', onProcess);
  }
  if (spawned) current = watch(spawned);
  if (!current) {
    created.catch(() => undefined);
    throw new InvariantError(
      'Pagefind 的检索索引进程没有在 createIndex 中启动，无法监视它（Pagefind 升级后改变了启动方式？见 pagefind-service.ts）。',
    );
  }
  return { run: current, created };
}

function watch(child: ChildProcess): ServiceRun {
  living.add(child);
  child.once('exit', () => living.delete(child));
  let ended = () => {};
  const run: ServiceRun = {
    indexes: 0,
    stopping: false,
    death: undefined,
    ended: new Promise((resolve) => (ended = resolve)),
  };
  const die = (death: SearchIndexError) => {
    ended();
    if (run.stopping || run.death) return;
    run.death = death;
    if (current === run) {
      current = undefined;
      // Answers every request still waiting (with an error that `answer` turns into the death)
      // and has the next `createIndex` start a new process instead of writing to the dead one.
      void pagefind.close();
    }
  };
  child.once('exit', (code, signal) => die(new SearchServiceDiedError(howItEnded(code, signal))));
  child.once('error', (error) => die(new SearchIndexError(`无法启动检索索引程序 Pagefind：${error.message}`)));
  return run;
}

/**
 * Kills every Pagefind process at once and waits until none can write another file. For the
 * moment this process exits (a stop): a folder Pagefind writes into is removed only after this,
 * or a file it was still writing would bring the folder back after its removal. Synchronous,
 * as everything run on exit must be; it waits at most `endWait` ms.
 */
export function killServicesNow(): void {
  for (const child of living) {
    child.kill('SIGKILL');
    if (child.pid !== undefined) waitUntilEnded(child.pid);
  }
}

const endWait = 2000;

function waitUntilEnded(pid: number): void {
  const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  // Without /proc (macOS) the process's state cannot be read: a killed process is gone in far less.
  if (!existsSync('/proc/self/stat')) return void pause(100);
  for (const deadline = Date.now() + endWait; Date.now() < deadline; pause(5)) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      return;
    }
    // The state follows the parenthesised command name; Z: exited, waiting to be reaped.
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    if (state === 'Z' || state === 'X') return;
  }
}

function howItEnded(code: number | null, signal: NodeJS.Signals | null): string {
  if (signal) return `被信号 ${signal} 终止`;
  if (code) return `以退出码 ${code} 结束`;
  return '在索引完成前退出';
}

async function answer<T>(run: ServiceRun, request: Promise<T>): Promise<T> {
  try {
    return await request;
  } catch (error) {
    // A timer that keeps the process alive: the API unrefs its process when it gives it up, so
    // in a process with nothing else to do the exit would otherwise never be reported.
    const reported = new AbortController();
    await Promise.race([run.ended, sleep(exitReportWait, undefined, { signal: reported.signal }).catch(() => {})]);
    reported.abort();
    if (run.death) throw run.death;
    if (error instanceof SearchIndexError) throw error;
    throw new SearchIndexError(`Pagefind 出错：${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * `close` stops the process for every index on it, so it is called only once no index is left
 * open on it: builds in one process (tests, a preview beside a build) never stop each other's.
 */
async function releaseRun(run: ServiceRun): Promise<void> {
  run.indexes -= 1;
  if (run.indexes > 0 || run !== current) return;
  run.stopping = true;
  current = undefined;
  await pagefind.close();
}

let quieted = false;

/**
 * The API prints `console.error("Service stopped", error)`, stack and all, for each write that
 * finds its process gone: dozens of them in the editor's terminal when it dies mid-build. Its
 * process ends right after (the API kills it), and that death is reported with its cause, so
 * only those calls are dropped.
 */
function quietServiceStops(): void {
  if (quieted) return;
  quieted = true;
  const print = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    if (args[0] === 'Service stopped' && args[1] instanceof Error) return;
    print(...args);
  };
}
