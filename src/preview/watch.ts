import { readdirSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

/** Editors' swap and backup files (vim also probes with a file named 4913), and hidden folders. */
const ignored = /(^|\/)\.|~$|\.sw[a-p]$|^4913$/;

/**
 * Calls `onChange` once per burst of saves under any of the folders: editors' save sequences
 * (temp file, rename, touch) arrive as several events within a few milliseconds.
 *
 * Every folder is watched on its own, not with `recursive: true`: on Linux, Node 20's recursive
 * watch follows files, and loses a file that an editor (or sed -i) saves by replacing it.
 */
export function watchFolders(roots: readonly string[], onChange: (changed: string[]) => void, quietMs = 150): () => void {
  let timer: NodeJS.Timeout | undefined;
  const changed = new Set<string>();
  const watchers = new Map<string, FSWatcher>();

  const notice = (folder: string, name: string | null) => {
    if (name === null || ignored.test(name)) return;
    changed.add(join(folder, name));
    addFolders();
    clearTimeout(timer);
    timer = setTimeout(() => {
      const batch = [...changed];
      changed.clear();
      onChange(batch);
    }, quietMs);
  };

  // New sub-folders (a new year) get their own watcher on the next event under their parent.
  const addFolders = () => {
    for (const folder of roots.flatMap(foldersUnder)) {
      if (watchers.has(folder)) continue;
      const watcher = watch(folder, (_event, name) => notice(folder, name));
      watcher.on('error', () => {
        watcher.close();
        watchers.delete(folder);
      });
      watchers.set(folder, watcher);
    }
  };
  addFolders();

  return () => {
    clearTimeout(timer);
    for (const watcher of watchers.values()) watcher.close();
    watchers.clear();
  };
}

function foldersUnder(root: string): string[] {
  try {
    const below = readdirSync(root, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(entry.parentPath, entry.name))
      .filter((folder) => !folder.slice(root.length).split('/').some((part) => part.startsWith('.')));
    return [root, ...below];
  } catch {
    return [];
  }
}
