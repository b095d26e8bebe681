import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export interface BuildResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run build` as a user runs it, into `out`, with extra environment (CONTENT_DIR, PATH_PREFIX). */
export function runBuild(out: string, env: Record<string, string> = {}): Promise<BuildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--out', out], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Every file under `dir`, as forward-slash paths relative to it, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** The site path a built file is served at: `2018/01/index.html` → `/2018/01/`. */
export function sitePath(file: string): string {
  return `/${file}`.replace(/(^|\/)index\.html$/, '$1');
}
