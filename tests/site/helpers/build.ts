import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { runBuild as buildCommand } from '../../../src/cli/build-command.ts';
import { contentDir } from '../../../src/core/content-dir.ts';
import { readSettings } from '../../../src/site/settings.ts';

export interface BuildResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `npm run build` into `out`, with extra environment (CONTENT_DIR, PATH_PREFIX, SITE_URL), in this
 * process: a build is a function of its inputs, so tests need not start one. Whatever the command
 * would print goes into the result; a throw, which the command would report as a failure, becomes
 * exit code 1 with the error, stack included, so no test can mistake it for a clean run.
 */
export async function runBuild(out: string, env: Record<string, string> = {}): Promise<BuildResult> {
  const environment = { ...process.env, ...env };
  const dir = contentDir(environment);
  const result = { stdout: '', stderr: '' };
  try {
    const code = await buildCommand({
      contentDir: dir,
      displayDir: relative(process.cwd(), dir) || '.',
      out,
      settings: readSettings(environment),
      pictureCache: environment.BULLETIN_CACHE_DIR,
      write: (text) => (result.stdout += text),
      writeError: (text) => (result.stderr += text),
    });
    return { code, ...result };
  } catch (error) {
    return {
      code: 1,
      stdout: result.stdout,
      stderr: `${result.stderr}${error instanceof Error ? error.stack : String(error)}`,
    };
  }
}

/**
 * `npm run build` as a user runs it, in its own process: for what only the command itself does (exit status,
 * arguments).
 */
export async function spawnBuild(out: string, env: Record<string, string> = {}): Promise<BuildResult> {
  const { status, stdout, stderr } = await spawnCommand(
    process.execPath,
    ['--import', 'tsx', 'scripts/build.ts', '--out', out],
    env,
  );
  return { code: status, stdout, stderr };
}

/** A command in its own process, with extra environment: its exit status and all it printed. */
export function spawnCommand(
  command: string,
  args: readonly string[],
  env: Record<string, string> = {},
  cwd?: string,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, ...env },
      ...(cwd ? { cwd } : {}),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
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
