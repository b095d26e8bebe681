import { mkdir, readdir, readFile } from 'node:fs/promises';
import { dirname, join, posix, relative } from 'node:path';
import { issueFileExtension } from '../core/content-format.ts';
import { issueFiles } from '../pipeline/load.ts';
import { loadArchive, type Archive } from '../archive/load-archive.ts';
import { buildCorpus } from './corpus.ts';
import { generateIssues, type GeneratedIssue } from './issues.ts';
import { originalPdf } from './original-pdf.ts';
import { makeGrain, renderPicture } from './picture.ts';
import { eachInPool } from './pool.ts';
import { GenerateError } from '../core/errors.ts';
import { isMissing } from '../core/read-file.ts';
import { writeFileAtomically } from '../core/write-atomically.ts';
import { pictureFiles } from '../core/picture-files.ts';

export interface GenerateArchiveOptions {
  /** Content folder whose issues give the wording and whose tables (sections.yaml …) are copied. */
  sourceDir: string;
  outDir: string;
  issues: number;
  seed: number;
  /**
   * Also copy the source's own issue files and their media, so the output is the source archive
   * plus the generated issues.
   */
  includeSource?: boolean;
  /** Photos and originals (the default), or text alone: see GenerateOptions.media. */
  media?: boolean;
}

export interface GeneratedArchive {
  /** The generated issue files, relative to the output folder. */
  files: string[];
  /** The photos written beside them, and their bytes in all. */
  pictures: number;
  pictureBytes: number;
  /** The original PDFs written, one per generated issue with media, and their bytes in all. */
  originals: number;
  originalBytes: number;
}

/** Photos encoded at once: sharp works on libuv's four threads, which keeps two cores busy. */
const pictureConcurrency = 4;
/** The grain every photo takes a crop of: larger than the largest photo (1024 × 768). */
const grainSize = { width: 1280, height: 960 };

/**
 * Writes a content folder of generated issues, with their photos and original PDFs, that
 * `loadArchive` reads without a finding. The generated issues follow the source's newest issue
 * (next year, next running number), so they can sit next to the source's issues. The same seed
 * gives the same files, byte for byte.
 */
export async function writeGeneratedArchive(options: GenerateArchiveOptions): Promise<GeneratedArchive> {
  const source = await loadArchive(options.sourceDir);
  const newest = source.issues[0];
  if (!newest) throw new GenerateError(`${options.sourceDir} 中没有可读的期刊，无法生成。`);
  const generated = generateIssues(buildCorpus(source.issues), {
    issues: options.issues,
    seed: options.seed,
    sections: source.sectionTable.kinds.map((kind) => kind.title),
    startYear: newest.year + 1,
    firstCumulativeNumber: (newest.cumulativeNumber ?? 0) + 1,
    ...(options.media === undefined ? {} : { media: options.media }),
  });
  await refuseFilledFolder(options.outDir);
  await mkdir(options.outDir, { recursive: true });
  const tables = (await readdir(options.sourceDir)).filter((name) => name.endsWith('.yaml'));
  for (const table of tables) await copyInto(options.sourceDir, options.outDir, table);
  if (options.includeSource) await copySource(source, options.sourceDir, options.outDir);
  let originalBytes = 0;
  let originals = 0;
  for (const issue of generated) {
    await write(options.outDir, issue.path, issue.text);
    if (!issue.original) continue;
    const pdf = originalPdf(
      issue.original.pages,
      `Generated original ${posix.basename(issue.path, issueFileExtension)}`,
    );
    await write(options.outDir, issue.original.path, pdf);
    originalBytes += pdf.length;
    originals++;
  }
  return {
    files: generated.map((issue) => issue.path),
    ...(await writePictures(options.outDir, generated, options.seed)),
    originals,
    originalBytes,
  };
}

/** The source's issue files, and the pictures and originals its issues name, so the copies find them. */
async function copySource(source: Archive, sourceDir: string, outDir: string): Promise<void> {
  for (const file of await issueFiles(sourceDir)) await copyInto(sourceDir, outDir, relative(sourceDir, file));
  const media = source.issues.flatMap((issue) => [
    ...(issue.original ? [issue.original.relativePath] : []),
    ...issue.sections.flatMap((section) =>
      section.articles.flatMap((article) => [...pictureFiles(article.figures)].map(({ image }) => image.relativePath)),
    ),
  ]);
  for (const file of new Set(media)) await copyInto(sourceDir, outDir, file);
}

async function writePictures(
  outDir: string,
  issues: readonly GeneratedIssue[],
  seed: number,
): Promise<{ pictures: number; pictureBytes: number }> {
  const pictures = issues.flatMap((issue) => issue.pictures);
  const grain = makeGrain(grainSize.width, grainSize.height, seed);
  let pictureBytes = 0;
  await eachInPool(pictures, pictureConcurrency, async (picture) => {
    const jpeg = await renderPicture(picture, grain);
    await write(outDir, picture.path, jpeg);
    pictureBytes += jpeg.length;
  });
  return { pictures: pictures.length, pictureBytes };
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

async function write(dir: string, path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(join(dir, path)), { recursive: true });
  await writeFileAtomically(join(dir, path), data);
}

async function copyInto(fromDir: string, toDir: string, path: string): Promise<void> {
  await write(toDir, path, await readFile(join(fromDir, path)));
}
