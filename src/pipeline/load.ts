import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { sectionTableFile } from '../core/content-format.ts';
import { compareIssues } from '../core/issue-numbering.ts';
import { compareDiagnostics, diagnostic, fileStart } from '../core/diagnostics.ts';
import { isMissing, osReason, readOptionalText } from '../core/read-file.ts';
import type { Diagnostic, Issue } from '../model.ts';
import { checkArchive, type IssueEntry } from './archive-rules/index.ts';
import { listIssueFiles } from './content-files.ts';
import type { ArchiveIndexes, ContentFolder, Enrichment, EnrichmentSource } from './enrichment.ts';
import { processIssueFile, type IssueContext, type IssueFileResult } from './issue-file.ts';
import { parseSectionTable, sectionTable, type SectionTable } from './section-kinds.ts';

export interface Archive extends ArchiveIndexes {
  /** Newest first: by date, then by cumulative number. */
  issues: Issue[];
  sectionTable: SectionTable;
  diagnostics: Diagnostic[];
}

/**
 * The preview reloads the archive on every save, and most files have not changed: the cache keeps
 * each file's result and reuses it while the file's size and times are the same, or, when they
 * differ, while its bytes hash the same (a save without changes, a `touch`). The results also
 * depend on the column table and the enrichments' tables, so a change to any of them empties it;
 * while they stay the same, the enrichments are kept too, so that what they derived per issue
 * (park milestones) is found again.
 */
export interface IssueFileCache {
  tables?: string;
  enrichments?: readonly Enrichment[];
  /** `media`: the stamps of the pictures and original the result was made from (they are checked too). */
  files: Map<string, { stamp?: string; digest: string; media?: string; result: IssueFileResult }>;
}

export function issueFileCache(): IssueFileCache {
  return { files: new Map() };
}

export interface LoadOptions {
  /** How messages name the content folder (default: as given). */
  displayDir?: string;
  cache?: IssueFileCache;
  /** What the archive is enriched with; none by default (src/archive gives the bulletin's). */
  enrichments?: readonly EnrichmentSource[];
  /**
   * Called with each issue that has no error as soon as it is ready, before the archive-wide
   * rules have run: the build hands it to the search indexer while later files are parsed. The
   * load waits for what it returns.
   */
  onIssue?: (issue: Issue) => unknown;
}

/**
 * Reads every issue in the content folder and runs all rules; never throws for bad content.
 * Unchanged files keep their `Issue` objects across loads with the same cache.
 */
export async function readContentFolder(contentDir: string, options: LoadOptions = {}): Promise<Archive> {
  const folder: ContentFolder = { dir: contentDir, displayDir: options.displayDir ?? contentDir };
  const cache = options.cache ?? issueFileCache();
  const display = (file: string) => join(folder.displayDir, relative(contentDir, file));
  const { context, diagnostics, fingerprint } = await loadIssueContext(folder, options.enrichments ?? []);
  if (cache.tables !== fingerprint) {
    cache.files.clear();
    cache.enrichments = context.enrichments;
  }
  cache.tables = fingerprint;
  const kept: IssueContext = { ...context, enrichments: cache.enrichments ?? context.enrichments };

  const listing = await listIssueFiles(contentDir, display);
  const files = listing.files;
  appendAll(diagnostics, listing.diagnostics);
  const entries: IssueEntry[] = [];
  const issues: Issue[] = [];
  const present = new Set<string>();
  for (const file of files) {
    const relativePath = relative(contentDir, file).split(sep).join('/');
    const read = await readIssueFile(file, display(file), relativePath, cache, kept);
    // Gone since the folder was listed (a save by rename, a deletion): the next load sees what is there.
    if (read === 'vanished') continue;
    present.add(file);
    appendAll(diagnostics, read.diagnostics);
    if (read.masthead)
      entries.push({ path: display(file), relativePath, masthead: read.masthead, places: read.places });
    if (read.issue) {
      issues.push(read.issue);
      await options.onIssue?.(read.issue);
    }
  }
  for (const file of cache.files.keys()) if (!present.has(file)) cache.files.delete(file);
  appendAll(diagnostics, checkArchive(entries, folder));
  if (files.length === 0) {
    const message =
      `${folder.displayDir} 中没有任何期刊文件：每期一个 Markdown 文件，放在 ${folder.displayDir}/年份/年份-期号.md，` +
      '可用 npm run new-issue 新建。';
    diagnostics.push(diagnostic(folder.displayDir, fileStart, 'error', 'no-issues', message));
  }
  // Newest first. Several issues may share a month or a day: the later number within the year
  // comes first, and a supplement before the regular issues of its date (it follows them).
  issues.sort((a, b) => compareIssues(b, a));
  const indexes = kept.enrichments.reduce<Partial<ArchiveIndexes>>(
    (all, e) => ({ ...all, ...e.indexArchive?.(issues) }),
    {},
  );
  return {
    issues,
    sectionTable: context.table,
    parks: indexes.parks ?? [],
    diagnostics: diagnostics.sort(compareDiagnostics),
  };
}

async function readIssueFile(
  file: string,
  path: string,
  relativePath: string,
  cache: IssueFileCache,
  context: IssueContext,
): Promise<IssueFileResult | 'vanished'> {
  let read: { stamp: string | undefined; bytes: Buffer; mediaSame: boolean };
  const cached = cache.files.get(file);
  try {
    const stamp = await fileStamp(file);
    const mediaSame = cached?.media !== undefined && cached.media === (await mediaStamp(cached.result.mediaFiles));
    if (stamp !== undefined && cached?.stamp === stamp && mediaSame) return cached.result;
    read = { stamp, bytes: await readFile(file), mediaSame };
  } catch (error) {
    if (isMissing(error)) return 'vanished';
    cache.files.delete(file);
    const message = `无法读取这一期的文件：${osReason(error)}。请检查文件的权限，或它是否在别处被锁定。`;
    return { places: {}, diagnostics: [diagnostic(path, fileStart, 'error', 'file-unreadable', message)] };
  }
  // Outside the try: what goes wrong while checking the file is no reason to call it unreadable.
  const { stamp, bytes, mediaSame } = read;
  const digest = createHash('sha256').update(bytes).digest('hex');
  const result =
    cached?.digest === digest && mediaSame ? cached.result : await processIssueFile(path, relativePath, bytes, context);
  const media = await mediaStamp(result.mediaFiles);
  cache.files.set(file, {
    ...(stamp === undefined ? {} : { stamp }),
    digest,
    ...(media === undefined ? {} : { media }),
    result,
  });
  return result;
}

/**
 * Size, inode and modification and change times to the nanosecond: a save changes at least one,
 * where times are that fine. Where they are coarse (1–2 s: FAT, some network mounts), two saves
 * within one tick look the same; so, as git does, a file changed in the last two seconds gets no
 * stamp, and is read and hashed at the next load.
 */
async function fileStamp(file: string): Promise<string | undefined> {
  const info = await stat(file, { bigint: true });
  if (Date.now() - Number(info.mtimeMs) < 2000) return undefined;
  return `${info.size} ${info.ino} ${info.mtimeNs} ${info.ctimeNs}`;
}

/**
 * The stamps of an issue's media files, `absent` for those looked for in vain; undefined when one
 * changed too recently to be told apart from the next change (it is examined again next time).
 */
async function mediaStamp(files: readonly string[] = []): Promise<string | undefined> {
  const stamps = await Promise.all(
    files.map((file) =>
      // Any other failure: no stamp, so the issue is examined again and the media rules say why.
      fileStamp(file).catch((error: unknown) => (isMissing(error) ? 'absent' : undefined)),
    ),
  );
  return stamps.includes(undefined) ? undefined : stamps.join('\n');
}

/**
 * The column table and the enrichments of a content folder: what every issue file is read with.
 * `fingerprint` changes whenever any of their tables change.
 */
export async function loadIssueContext(
  folder: ContentFolder,
  sources: readonly EnrichmentSource[],
): Promise<{ context: IssueContext; diagnostics: Diagnostic[]; fingerprint: string }> {
  const sections = await loadSectionTableFile(folder.dir, folder.displayDir);
  const loaded = await Promise.all(sources.map((source) => source.load(folder)));
  const enrichments = loaded.flatMap((result) => (result.enrichment ? [result.enrichment] : []));
  const fingerprint = JSON.stringify([
    folder.displayDir,
    sections.text ?? null,
    ...loaded.map((result) => result.fingerprint),
  ]);
  const diagnostics = [...sections.diagnostics, ...loaded.flatMap((result) => result.diagnostics)];
  return { context: { table: sections.table, enrichments, contentDir: folder.dir }, diagnostics, fingerprint };
}

export async function loadSectionTableFile(
  contentDir: string,
  displayDir = contentDir,
): Promise<{ table: SectionTable; diagnostics: Diagnostic[]; text?: string }> {
  const shown = join(displayDir, sectionTableFile);
  const failed = (message: string) => ({
    table: { ...sectionTable([]), path: shown },
    diagnostics: [diagnostic(shown, fileStart, 'error', 'section-table', message)],
  });
  const file = await readOptionalText(join(contentDir, sectionTableFile));
  if ('unreadable' in file) return failed(`无法读取栏目表 ${sectionTableFile}：${file.unreadable}。请检查这个文件。`);
  if ('missing' in file)
    return failed(`找不到栏目表 ${sectionTableFile}：请在内容目录中建立它，列出每个栏目的 title 和 kind。`);
  return { ...parseSectionTable(shown, file.text), text: file.text };
}

/** Every issue file under the folder, the same files `readContentFolder` reads (src/pipeline/content-files.ts). */
export async function issueFiles(dir: string): Promise<string[]> {
  return (await listIssueFiles(dir, (path) => path)).files;
}

/** `push(...more)` passes every element as an argument: a file with 100,000 findings overflows the stack. */
function appendAll<T>(all: T[], more: readonly T[]): void {
  for (const item of more) all.push(item);
}
