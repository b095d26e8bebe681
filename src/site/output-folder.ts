import { lstat, mkdir, readdir, realpath, rename, stat } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { OutputWriteError } from '../core/errors.ts';
import { isMissing } from '../core/read-file.ts';
import { interruptedSwap, isOwnFolder, outputMarker, removeLeftovers, unsafeOutputReason } from './build-output.ts';
import { lockOutputFolder } from './output-lock.ts';

export interface ClaimedOutput {
  /** The folder to write: `out` itself, or where `out` points when it is a symbolic link. */
  folder: string;
  /** What start-up found and put right, for the terminal (a previous site restored). */
  notes: string[];
  /** Frees the folder for the next build; also done if the process exits. */
  release: () => void;
}

export interface ClaimOptions {
  /** Folders the output must never contain or be: the project and the content. */
  keep: readonly string[];
  /** How messages name the output folder. */
  shownOut: string;
  /** `npm run build` or `npm start`, named to a second build that finds the folder busy. */
  command: string;
}

/**
 * Makes sure `out` may be replaced wholesale and takes it for this process: it must be new, empty
 * or a site this tool built (it holds the marker); a symbolic link is followed, so the site goes
 * where it points. Under the lock, a swap a crash cut short is undone (the previous site put back)
 * and the leftovers of interrupted builds are removed. Throws `OutputWriteError` with what to do.
 */
export async function claimOutputFolder(out: string, options: ClaimOptions): Promise<ClaimedOutput> {
  const folder = await followLink(resolve(out), options.shownOut);
  const unsafe = unsafeOutputReason(folder, options.keep);
  if (unsafe) throw new OutputWriteError(unsafe);
  await refuseForeignFolder(folder, options.shownOut);
  await mkdir(dirname(folder), { recursive: true });
  const release = await lockOutputFolder(`${folder}.lock`, options.shownOut, options.command);
  try {
    const notes: string[] = [];
    const previous = await interruptedSwap(folder);
    if (previous && !(await exists(folder))) {
      await rename(previous, folder);
      notes.push(`上次生成在替换网站时中断，已恢复之前的网站 ${options.shownOut}/。`);
    }
    await removeLeftovers(folder);
    return { folder, notes, release };
  } catch (error) {
    release();
    throw error;
  }
}

async function followLink(out: string, shownOut: string): Promise<string> {
  const link = await lstat(out).catch((error: unknown) => {
    if (isMissing(error)) return undefined;
    throw error;
  });
  if (!link?.isSymbolicLink()) return out;
  return realpath(out).catch((error: unknown) => {
    if (!isMissing(error)) throw error;
    throw new OutputWriteError(
      `输出目录 ${shownOut} 是一个符号链接，但它指向的位置不存在：请先创建那个目录，或删除这个链接后重试。`,
    );
  });
}

async function refuseForeignFolder(folder: string, shownOut: string): Promise<void> {
  const found = await stat(folder).catch((error: unknown) => {
    if (isMissing(error)) return undefined;
    throw error;
  });
  if (!found) return;
  if (!found.isDirectory())
    throw new OutputWriteError(`输出目录 ${shownOut} 是一个文件，不是目录：请指定一个目录（不存在时会自动创建）。`);
  if (await isOwnFolder(folder)) return;
  const entries = await readdir(folder);
  if (entries.length === 0) return;
  const shownFolder = relative(process.cwd(), folder) || '.';
  throw new OutputWriteError(
    `输出目录 ${shownOut} 已有 ${entries.length} 项内容，但不是本程序生成的（没有标记文件 ${outputMarker}）：` +
      `生成时会整个替换它，为免删除其中的文件，没有生成。请指定一个新的或空的目录；` +
      `若 ${shownFolder}/ 确是旧版本生成的网站，请先删除它。`,
  );
}

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}
