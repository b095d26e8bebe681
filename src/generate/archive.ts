import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { issueFiles } from '../pipeline/load.ts';
import { loadArchive } from '../archive/load-archive.ts';
import { buildCorpus } from './corpus.ts';
import { generateIssueFiles } from './issues.ts';
import { GenerateError } from '../core/errors.ts';

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
  await mkdir(options.outDir, { recursive: true });
  const tables = (await readdir(options.sourceDir)).filter((name) => name.endsWith('.yaml'));
  for (const table of tables) await copyFile(join(options.sourceDir, table), join(options.outDir, table));
  if (options.includeSource) {
    for (const file of await issueFiles(options.sourceDir)) {
      const target = join(options.outDir, relative(options.sourceDir, file));
      await mkdir(dirname(target), { recursive: true });
      await copyFile(file, target);
    }
  }
  for (const file of generated) {
    await mkdir(dirname(join(options.outDir, file.path)), { recursive: true });
    await writeFile(join(options.outDir, file.path), file.text);
  }
  return { files: generated.map((file) => file.path) };
}
