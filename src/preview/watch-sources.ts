import { watch } from 'chokidar';
import { basename, relative, resolve, sep } from 'node:path';

/** Editors' swap, backup and autosave files: vim's `.x.swp` and its `4913` probe, `x~`, emacs `#x#`. */
const editorLeftover = /^4913$|~$|\.sw[a-p]$|^#.*#$/;

/**
 * Whether a path under one of the roots is an editor's leftover or lies in a dot-folder (or is a
 * dotfile) below a root. Only the part below the root counts: a project checked out under a
 * dotted folder (`~/.work/site`) is still watched.
 */
export function ignoredSource(roots: readonly string[]): (path: string) => boolean {
  const absoluteRoots = roots.map((root) => resolve(root));
  return (path) => {
    const absolute = resolve(path);
    const root = absoluteRoots.find((candidate) => absolute === candidate || absolute.startsWith(candidate + sep));
    if (root === undefined || absolute === root) return false;
    return (
      relative(root, absolute)
        .split(sep)
        .some((part) => part.startsWith('.')) || editorLeftover.test(basename(absolute))
    );
  };
}

export interface SourceWatcher {
  close(): Promise<void>;
}

export interface WatchOptions {
  /** How long the folders must stay quiet before `onChange` runs. */
  quietMs?: number;
  /** A folder could not be watched (e.g. the system's limit on watches reached). */
  onError?: (error: Error) => void;
}

/**
 * Calls `onChange` once per burst of changes under the roots, with the absolute paths changed.
 * An editor's save is several events within milliseconds (temporary file, rename, touch), and a
 * `git checkout` or a search-and-replace over many files is many more; the quiet period makes one
 * rebuild of each. chokidar follows new sub-folders (a new year) and files replaced by a rename
 * (vim, `sed -i`). Resolves once the initial scan is done, so no save after that is missed.
 */
export async function watchSources(
  roots: readonly string[],
  onChange: (changed: string[]) => void,
  { quietMs = 100, onError }: WatchOptions = {},
): Promise<SourceWatcher> {
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(
    roots.map((root) => resolve(root)),
    { ignoreInitial: true, ignored: ignoredSource(roots) },
  );
  watcher.on('all', (_event, path) => {
    changed.add(resolve(path));
    clearTimeout(timer);
    timer = setTimeout(() => {
      const batch = [...changed];
      changed.clear();
      onChange(batch);
    }, quietMs);
  });
  watcher.on('error', (error) => onError?.(error instanceof Error ? error : new Error(String(error))));
  await new Promise<void>((ready) => watcher.once('ready', ready));
  return {
    close: async () => {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
