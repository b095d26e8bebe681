import { spawn, type SpawnOptions } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';

/**
 * Runs commands for the benchmark and measures them from outside: wall time, and the peak of the
 * summed resident memory of the process and all its descendants (Pagefind's indexer is a
 * separate process next to Node, so the largest single process would understate a build).
 * Linux only: memory is read from /proc.
 */
export interface Measured {
  ms: number;
  peakRssBytes: number;
  stdout: string;
}

const sampleEveryMs = 100;

/** Resolves when the command exits with status 0; rejects with its output otherwise. */
export function measureCommand(
  command: string,
  args: readonly string[],
  options: SpawnOptions = {},
): Promise<Measured> {
  const started = performance.now();
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let peakRssBytes = 0;
  let sampling = false;
  const sample = async () => {
    // A sample takes a few milliseconds; the next waits rather than overlapping it.
    if (sampling || child.pid === undefined) return;
    sampling = true;
    peakRssBytes = Math.max(peakRssBytes, await treeRssBytes(child.pid));
    sampling = false;
  };
  const timer = setInterval(() => void sample(), sampleEveryMs);
  void sample();
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      const ms = performance.now() - started;
      if (code === 0) resolve({ ms, peakRssBytes, stdout });
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${stdout}\n${stderr}`));
    });
  });
}

/** Resident memory of the process and its descendants now; 0 for processes that are gone. */
export async function treeRssBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const children = await childPids(pid);
  const below = await Promise.all(children.map(treeRssBytes));
  return residentBytes(status) + below.reduce((sum, bytes) => sum + bytes, 0);
}

/** Children are listed per thread that started them. */
export async function childPids(pid: number): Promise<number[]> {
  const threads = await readdir(`/proc/${pid}/task`).catch(() => []);
  const lists = await Promise.all(
    threads.map((thread) => readFile(`/proc/${pid}/task/${thread}/children`, 'utf8').catch(() => '')),
  );
  return lists.join(' ').split(/\s+/).filter(Boolean).map(Number);
}

/** `VmRSS:  123456 kB` of a /proc/<pid>/status text, in bytes. */
export function residentBytes(statusText: string): number {
  const kilobytes = /^VmRSS:\s+(\d+)\s+kB$/m.exec(statusText)?.[1];
  return kilobytes === undefined ? 0 : Number(kilobytes) * 1024;
}
