import { resolve } from 'node:path';

/** Every command reads `content/` unless CONTENT_DIR names another folder (tests, benchmarks, trial runs). */
export function contentDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.CONTENT_DIR && env.CONTENT_DIR.trim() !== '' ? env.CONTENT_DIR : 'content');
}
