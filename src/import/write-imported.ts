import { chmod, lstat, mkdir, mkdtemp, rename, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { conventionalOriginalPath, issueFileExtension, issueMediaFolder } from '../core/content-format.ts';
import { InvariantError } from '../core/errors.ts';
import { createFrom, writeFileAtomically } from '../core/write-atomically.ts';
import type { ImportedPicture } from './imported-issue.ts';

/** What one import writes: the issue file, its pictures into the folder beside it, the original PDF beside it. */
export interface ImportedFiles {
  /** Absolute path of the issue file, ending in `.md`; the media folder and the PDF take its name. */
  issueFile: string;
  markdown: string;
  pictures: readonly ImportedPicture[];
  original?: Uint8Array;
}

export interface WriteImportedOptions {
  /** `--force`: replace the files of the same names (only those: other files in the media folder stay). */
  replace?: boolean;
  /** Called after each file has taken its place; tests make the write fail midway with it. */
  afterPlace?: (path: string) => Promise<void> | void;
}

export type WriteProblem =
  /** The name is taken and `replace` was not given. */
  | { kind: 'exists'; path: string }
  /** A folder where a file must go, or a file where the media folder must go: never replaced. */
  | { kind: 'in-the-way'; path: string }
  /**
   * Writing failed; everything this run wrote is gone again. `kept` is where replaced files are,
   * if they could not be put back.
   */
  | { kind: 'failed'; path: string; error: unknown; kept?: string };

export type WriteImportedResult = { ok: true; written: string[] } | { ok: false; problems: WriteProblem[] };

interface Target {
  path: string;
  data: string | Uint8Array;
}

/** The files in the order they take their places: pictures and original first, then the issue file using them. */
export function importedTargets(files: ImportedFiles): Target[] {
  const media = issueMediaFolder(files.issueFile);
  return [
    ...files.pictures.map((picture) => ({ path: join(media, picture.name), data: picture.bytes })),
    ...(files.original ? [{ path: conventionalOriginalPath(files.issueFile), data: files.original }] : []),
    { path: files.issueFile, data: files.markdown },
  ];
}

/**
 * Writes an imported issue all or nothing. Every file is first written in full into a hidden
 * staging folder beside the issue file (same file system), then each is renamed into place; if
 * anything fails, the files already placed are removed, replaced files are put back, folders this
 * run made are removed if still empty, and the staging folder goes. Nothing the run did not make
 * is deleted or overwritten: without `replace` a taken name is refused before anything is written
 * (and a name taken in the meantime fails the placing, which is then undone).
 */
export async function writeImportedIssue(
  files: ImportedFiles,
  options: WriteImportedOptions = {},
): Promise<WriteImportedResult> {
  if (!files.issueFile.endsWith(issueFileExtension))
    throw new InvariantError(`the issue file ${files.issueFile} does not end in ${issueFileExtension}`);
  checkPictureNames(files.pictures);
  const targets = importedTargets(files);
  const media = issueMediaFolder(files.issueFile);
  const problems = await obstacles(targets, files.pictures.length > 0 ? media : undefined, options.replace === true);
  if (problems.length > 0) return { ok: false, problems };

  const madeFolders: string[] = [];
  let staging: string | undefined;
  const placed: { path: string; backup?: string }[] = [];
  let current = files.issueFile;
  try {
    await makeFolder(dirname(files.issueFile), madeFolders);
    staging = await mkdtemp(join(dirname(files.issueFile), `.${basename(files.issueFile)}.import-`));
    const staged: string[] = [];
    for (const [index, target] of targets.entries()) {
      current = target.path;
      const path = join(staging, `new-${index}`);
      await writeFileAtomically(path, target.data);
      if (options.replace) await keepMode(target.path, path);
      staged.push(path);
    }
    if (files.pictures.length > 0) await makeFolder(media, madeFolders);
    for (const [index, target] of targets.entries()) {
      current = target.path;
      const from = staged[index];
      if (from === undefined) throw new InvariantError('a target without its staged file');
      if (options.replace && (await exists(target.path))) {
        const backup = join(staging, `old-${index}`);
        await rename(target.path, backup);
        placed.push({ path: target.path, backup });
        await rename(from, target.path);
      } else {
        await createFrom(from, target.path);
        placed.push({ path: target.path });
      }
      await options.afterPlace?.(target.path);
    }
  } catch (error) {
    const kept = await undo(placed, madeFolders, staging);
    return { ok: false, problems: [{ kind: 'failed', path: current, error, ...(kept ? { kept } : {}) }] };
  }
  await rm(staging, { recursive: true, force: true });
  return { ok: true, written: targets.map((t) => t.path) };
}

/**
 * Picture names come from the importer: plain file names, distinct even where case does not count.
 * Anything else is a bug there, never something to write somewhere else instead.
 */
function checkPictureNames(pictures: readonly ImportedPicture[]): void {
  const seen = new Set<string>();
  for (const { name } of pictures) {
    if (name === '' || name === '.' || name === '..' || name.startsWith('.') || /[/\\\0]/.test(name))
      throw new InvariantError(`the importer gave a picture the name ${JSON.stringify(name)}, which is no file name`);
    const key = name.normalize('NFC').toLowerCase();
    if (seen.has(key)) throw new InvariantError(`the importer gave two pictures the name ${JSON.stringify(name)}`);
    seen.add(key);
  }
}

/** What is in the way before anything is written: taken names (without `replace`), folders, a file as media folder. */
async function obstacles(
  targets: readonly Target[],
  media: string | undefined,
  replace: boolean,
): Promise<WriteProblem[]> {
  const problems: WriteProblem[] = [];
  if (media !== undefined) {
    const found = await lstatOrUndefined(media).catch(() => undefined);
    if (found && !found.isDirectory()) return [{ kind: 'in-the-way', path: media }];
  }
  for (const { path } of targets) {
    let found;
    try {
      found = await lstatOrUndefined(path);
    } catch (error) {
      problems.push({ kind: 'failed', path, error });
      continue;
    }
    if (found?.isDirectory()) problems.push({ kind: 'in-the-way', path });
    else if (found && !replace) problems.push({ kind: 'exists', path });
  }
  return problems;
}

async function lstatOrUndefined(path: string) {
  try {
    return await lstat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}

async function exists(path: string): Promise<boolean> {
  return (await lstatOrUndefined(path)) !== undefined;
}

/** A replaced file keeps its permissions, as `writeFileAtomically` keeps them. */
async function keepMode(target: string, staged: string): Promise<void> {
  const found = await lstatOrUndefined(target);
  if (found?.isFile()) await chmod(staged, found.mode & 0o7777);
}

/** `mkdir -p`, remembering each folder it made (outermost first) so that a failed run can remove them. */
async function makeFolder(folder: string, made: string[]): Promise<void> {
  const first = await mkdir(folder, { recursive: true });
  if (first === undefined) return;
  const chain = relative(first, folder).split(sep).filter(Boolean);
  made.push(first);
  let at = first;
  for (const part of chain) made.push((at = join(at, part)));
}

/**
 * Takes back what a failed run did: its placed files go, replaced files return, its empty folders
 * go (`rmdir` leaves a folder someone else has put a file in meanwhile). Returns the staging folder
 * when a replaced file could not be put back: then it is kept, holding that file.
 */
async function undo(
  placed: readonly { path: string; backup?: string }[],
  madeFolders: readonly string[],
  staging: string | undefined,
): Promise<string | undefined> {
  let keep = false;
  for (const { path, backup } of [...placed].reverse()) {
    try {
      if (backup) await rename(backup, path);
      else await rm(path, { force: true });
    } catch {
      keep ||= backup !== undefined;
    }
  }
  if (staging && !keep) await rm(staging, { recursive: true, force: true }).catch(() => undefined);
  for (const folder of [...madeFolders].reverse()) await rmdir(folder).catch(() => undefined);
  return keep ? staging : undefined;
}
