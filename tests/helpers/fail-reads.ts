/**
 * Loaded with `--import` into a CLI the tests spawn: reads of the paths in FAIL_READS (a JSON
 * object, path → error code) fail as the system would fail them. Tests may run as root, where
 * `chmod 000` stops nothing; this makes "permission denied" happen for every user. Patching the
 * CommonJS object and syncing updates the `node:fs/promises` ESM exports the code imports.
 */
import { createRequire, syncBuiltinESMExports } from 'node:module';

const failing = new Map(Object.entries(JSON.parse(process.env.FAIL_READS ?? '{}') as Record<string, string>));
const fs = createRequire(import.meta.url)('node:fs/promises') as Record<string, unknown>;

for (const name of ['readFile', 'readdir', 'open']) {
  const original = fs[name];
  if (typeof original !== 'function') continue;
  fs[name] = (path: unknown, ...rest: unknown[]) => {
    const code = failing.get(String(path));
    if (code === undefined) return Reflect.apply(original, fs, [path, ...rest]) as unknown;
    const syscall = name === 'readdir' ? 'scandir' : 'open';
    return Promise.reject(Object.assign(new Error(`${code}: ${syscall} '${String(path)}'`), { code, syscall, path }));
  };
}
syncBuiltinESMExports();
