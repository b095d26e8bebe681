import { isAbsolute, relative, resolve } from 'node:path';

/** Every command reads `content/` unless CONTENT_DIR names another folder (tests, benchmarks, trial runs). */
export function contentDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.CONTENT_DIR && env.CONTENT_DIR.trim() !== '' ? env.CONTENT_DIR : 'content');
}

/**
 * A file as messages name it: relative to where the editor runs the command
 * (`examples/another-bulletin/2024/2024-01/a.jpg`), or in full when it lies outside that folder,
 * where a relative path (`../../tmp/…`) would only be harder to find.
 */
export function shownPath(path: string, cwd = process.cwd()): string {
  const shown = relative(cwd, resolve(cwd, path));
  return shown === '' || shown.startsWith('..') || isAbsolute(shown) ? resolve(cwd, path) : shown;
}
