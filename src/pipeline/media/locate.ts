import { dirname, isAbsolute, join, relative, sep } from 'node:path';

/**
 * Where a picture path (or `original:`) written in an issue file points, before anything is read:
 * a web address, another scheme, a path that leaves the content folder on its face, or a file
 * path inside it. Symlinks are judged later, on disk (find-file.ts).
 */
export type MediaReference =
  | { kind: 'empty' }
  | { kind: 'remote' }
  | { kind: 'scheme'; scheme: string }
  | { kind: 'absolute' }
  | { kind: 'parent' }
  | { kind: 'path'; absolutePath: string; relativePath: string };

/**
 * `written` as the Markdown gives it; `issueFile` is the issue's path inside `contentDir`. Paths
 * are relative to the issue file and may be percent-encoded (`%E7%85%A7.jpg`), as in a URL.
 */
export function locateMedia(written: string, issueFile: string, contentDir: string): MediaReference {
  const trimmed = written.trim();
  if (trimmed === '') return { kind: 'empty' };
  // Browsers ignore tabs and line breaks inside a scheme, so those go before it is read.
  const compact = trimmed.replace(/[\u0000-\u0020]/g, '');
  // A Windows path (C:\…, \\server\…) is absolute, not a scheme `c:`.
  if (/^[a-z]:[\\/]/i.test(compact) || compact.startsWith('\\\\')) return { kind: 'absolute' };
  // `//host/x.jpg` is a web address without its scheme.
  if (compact.startsWith('//')) return { kind: 'remote' };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase();
  if (scheme === 'http' || scheme === 'https') return { kind: 'remote' };
  if (scheme !== undefined) return { kind: 'scheme', scheme };
  const path = percentDecoded(trimmed);
  if (isAbsolute(path)) return { kind: 'absolute' };
  const absolutePath = join(contentDir, dirname(issueFile), path);
  const inside = relative(contentDir, absolutePath);
  if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return { kind: 'parent' };
  return { kind: 'path', absolutePath, relativePath: inside.split(sep).join('/') };
}

function percentDecoded(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    // A stray % is part of the name.
    return path;
  }
}
