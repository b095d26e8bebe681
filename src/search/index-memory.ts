import { totalmem } from 'node:os';
import { SearchIndexError } from '../core/errors.ts';

/**
 * How much record text one Pagefind process may index before its part is written and the process
 * ends (bundle-merge.ts joins the parts into one bundle).
 *
 * Pagefind's indexer holds every page's word map twice while it writes, about 100 bytes for each
 * UTF-16 unit of record HTML (measured: 3.7 GB for the 39 M units of 1,000 generated issues, 0.78 GB
 * for parts of 8 M; docs/performance.md). Parts cost build time (each is written before the next
 * starts, and joining them takes a few seconds), so an index is split only when one bundle would
 * take more than its share of the machine: a quarter of its memory (or of the container's limit),
 * or `BULLETIN_INDEX_MEMORY_MB` when set.
 */
export const pagefindBytesPerUnit = 100;

export const indexMemoryVariable = 'BULLETIN_INDEX_MEMORY_MB';

/** Pagefind's memory budget in bytes, from the variable (megabytes) or the machine's memory. */
export function indexMemoryBudget(variable: string | undefined, machineBytes: number): number {
  if (variable === undefined || variable.trim() === '') return machineBytes / 4;
  const megabytes = Number(variable);
  if (!Number.isInteger(megabytes) || megabytes < 10)
    throw new SearchIndexError(
      `${indexMemoryVariable}=${variable} 无效：应为检索索引程序可用的内存兆字节数，至少 10（例如 ${indexMemoryVariable}=1000）。`,
    );
  return megabytes * 2 ** 20;
}

/** The machine's memory, or the container's limit where that is lower. */
export function machineMemory(): number {
  const limit = process.constrainedMemory();
  return limit > 0 && limit < totalmem() ? limit : totalmem();
}

/** Record text per part for this process. */
export function indexPartSize(env: NodeJS.ProcessEnv = process.env): number {
  return Math.floor(indexMemoryBudget(env[indexMemoryVariable], machineMemory()) / pagefindBytesPerUnit);
}

/** The budget as the build reports it: `800 MB`. */
export function indexMemoryLabel(env: NodeJS.ProcessEnv = process.env): string {
  return `${Math.round(indexMemoryBudget(env[indexMemoryVariable], machineMemory()) / 2 ** 20)} MB`;
}
