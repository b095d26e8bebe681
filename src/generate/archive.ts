import { mkdir, readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { issueFiles } from '../pipeline/load.ts';
import { loadArchive } from '../archive/load-archive.ts';
import { buildCorpus } from './corpus.ts';
import { generateIssueFiles } from './issues.ts';
import { GenerateError } from '../core/errors.ts';
import { isMissing } from '../core/read-file.ts';
import { writeFileAtomically } from '../core/write-atomically.ts';

export interface GenerateArchiveOptions {
  /** Content folder whose issues give the wording and whose tables (sections.yaml …) are copied. */
  sourceDir: string;
  outDir: string;
  issues: number;
  seed: number;
  /** Also copy the source's own issue files, so the output is the source archive plus the generated issues. */
  includeSource?: boolean;
}

/**
 * Writes a content folder of generated issues that `loadArchive` reads without errors. The
 * generated issues follow the source's newest issue (next year, next running number), so they can
 * sit next to the source's issues.
 */
export async function writeGeneratedArchive(options: GenerateArchiveOptions): Promise<{ files: string[] }> {
  const source = await loadArchive(options.sourceDir);
  const newest = source.issues[0];
  if (!newest) throw new GenerateError(`${options.sourceDir} 中没有可读的期刊，无法生成。`);
  const generated = generateIssueFiles(buildCorpus(source.issues), {
    issues: options.issues,
    seed: options.seed,
    sections: source.sectionTable.kinds.map((kind) => kind.title),
    startYear: newest.year + 1,
    firstCumulativeNumber: newest.cumulativeNumber + 1,
  });
  await refuseFilledFolder(options.outDir);
  await mkdir(options.outDir, { recursive: true });
  const tables = (await readdir(options.sourceDir)).filter((name) => name.endsWith('.yaml'));
  for (const table of tables) await copy(join(options.sourceDir, table), join(options.outDir, table));
  if (options.includeSource) {
    for (const file of await issueFiles(options.sourceDir)) {
      const target = join(options.outDir, relative(options.sourceDir, file));
      await mkdir(dirname(target), { recursive: true });
      await copy(file, target);
    }
  }
  for (const file of generated) {
    await mkdir(dirname(join(options.outDir, file.path)), { recursive: true });
    await writeFileAtomically(join(options.outDir, file.path), file.text);
  }
  return { files: generated.map((file) => file.path) };
}

/** Generated files never replace an editor's: the folder must be new or empty. */
async function refuseFilledFolder(dir: string): Promise<void> {
  const names = await readdir(dir).catch((error: unknown) => {
    if (isMissing(error)) return [];
    throw error;
  });
  if (names.length > 0)
    throw new GenerateError(`${dir} 不是空目录，生成的文件可能覆盖其中的文件：请指定一个新的或空的目录。`);
}

async function copy(from: string, to: string): Promise<void> {
  await writeFileAtomically(to, await readFile(from));
}
