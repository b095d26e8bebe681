import { readFile } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { decodeSource } from '../pipeline/decode.ts';
import { issueFiles } from '../pipeline/load.ts';
import { parseSource } from '../pipeline/parse.ts';

/**
 * The front matter fields of an issue file that could be read, even when others are missing or
 * the body has errors: a skeleton not yet filled in still counts as the latest issue.
 */
export interface IssueHead {
  /** Path inside the content folder, with forward slashes. */
  path: string;
  year?: number;
  number?: number;
  cumulativeNumber?: number;
  series?: string;
  publisher?: string;
}

export function headOf(path: string, bytes: Uint8Array): IssueHead {
  const decoded = decodeSource(path, bytes);
  const parsed = decoded.ok ? parseSource(path, decoded.text) : undefined;
  const data: unknown = parsed?.ok ? parsed.source.frontMatter.toJSON() : undefined;
  const fields = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const integer = (key: string) => (Number.isInteger(fields[key]) ? { [key]: fields[key] as number } : {});
  const text = (key: string) => (typeof fields[key] === 'string' && fields[key].trim() !== '' ? { [key]: fields[key].trim() } : {});
  return { path, ...integer('year'), ...integer('number'), ...integer('cumulativeNumber'), ...text('series'), ...text('publisher') };
}

/** Every issue file in the content folder, the same files `npm run check` reads. */
export async function readIssueHeads(contentDir: string): Promise<IssueHead[]> {
  const files = await issueFiles(contentDir);
  return Promise.all(files.map(async (file) => headOf(relative(contentDir, file).split(sep).join('/'), await readFile(file))));
}
