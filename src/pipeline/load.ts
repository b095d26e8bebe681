import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Diagnostic, Issue, Park } from '../model.ts';
import { emptyGazetteer, gazetteer, gazetteerFile, parseGazetteer, type Gazetteer } from '../parks/gazetteer.ts';
import { indexParks } from '../parks/park-index.ts';
import { compareDiagnostics, diagnostic, fileStart } from '../core/diagnostics.ts';
import { validateArchive, type IssueEntry } from './archive-rules.ts';
import { processIssueFile, type IssueFileResult } from './issue-file.ts';
import { parseSectionTable, sectionTable, sectionTableFile, type SectionTable } from './section-kinds.ts';

export interface Archive {
  /** Newest first: by date, then by cumulative number. */
  issues: Issue[];
  sectionTable: SectionTable;
  gazetteer: Gazetteer;
  /** Every park of the gazetteer with its mentions and timeline. */
  parks: Park[];
  diagnostics: Diagnostic[];
}

/**
 * The preview reloads the archive on every save, and most files have not changed: the cache keeps
 * each file's result and reuses it while the file's size and times are the same, or, when they
 * differ, while its bytes hash the same (a save without changes, a `touch`). The results also
 * depend on the column table and the gazetteer, so a change to either empties it; while they stay
 * the same, the gazetteer object is kept too, so that what is derived from it per issue (park
 * milestones) is found again.
 */
export interface IssueFileCache {
  tables?: string;
  gazetteer?: Gazetteer;
  files: Map<string, { stamp?: string; digest: string; result: IssueFileResult }>;
}

export function issueFileCache(): IssueFileCache {
  return { files: new Map() };
}

export interface LoadOptions {
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
export async function loadArchive(contentDir: string, displayDir = contentDir, cache: IssueFileCache = issueFileCache(), { onIssue }: LoadOptions = {}): Promise<Archive> {
  const display = (file: string) => join(displayDir, relative(contentDir, file));
  const { table, diagnostics, text: tableText } = await loadSectionTableFile(contentDir, displayDir);
  const parks = await loadGazetteerFile(contentDir, displayDir);
  diagnostics.push(...parks.diagnostics);
  const tables = JSON.stringify([displayDir, tableText, parks.text]);
  if (cache.tables !== tables) {
    cache.files.clear();
    cache.gazetteer = parks.gazetteer;
  }
  cache.tables = tables;
  const gazetteer = cache.gazetteer ?? parks.gazetteer;
  const files = await issueFiles(contentDir);
  const stamps = await Promise.all(files.map(fileStamp));
  const entries: IssueEntry[] = [];
  const issues: Issue[] = [];
  for (const [index, file] of files.entries()) {
    const stamp = stamps[index];
    const relativePath = relative(contentDir, file).split(sep).join('/');
    const cached = cache.files.get(file);
    let result = stamp !== undefined && cached?.stamp === stamp ? cached.result : undefined;
    let digest = cached?.digest ?? '';
    if (!result) {
      const bytes = await readFile(file).catch(unlessVanished);
      // Deleted or renamed since it was listed: as if it had not been (its new name is the next load's).
      if (!bytes) {
        cache.files.delete(file);
        continue;
      }
      digest = createHash('sha256').update(bytes).digest('hex');
      result = cached?.digest === digest ? cached.result : processIssueFile(display(file), relativePath, bytes, table, gazetteer);
    }
    cache.files.set(file, { stamp, digest, result });
    diagnostics.push(...result.diagnostics);
    if (result.masthead) entries.push({ path: display(file), relativePath, masthead: result.masthead, places: result.places });
    if (result.issue) {
      issues.push(result.issue);
      await onIssue?.(result.issue);
    }
  }
  const present = new Set(files);
  for (const file of cache.files.keys()) if (!present.has(file)) cache.files.delete(file);
  diagnostics.push(...validateArchive(entries, displayDir));
  if (files.length === 0) {
    diagnostics.push(diagnostic(displayDir, fileStart, 'error', 'no-issues', `${displayDir} 中没有任何期刊文件：每期一个 Markdown 文件，放在 ${displayDir}/年份/年份-期号.md，可用 npm run new-issue 新建。`));
  }
  issues.sort((a, b) => b.date.localeCompare(a.date) || b.cumulativeNumber - a.cumulativeNumber);
  return { issues, sectionTable: table, gazetteer, parks: indexParks(gazetteer, issues), diagnostics: diagnostics.sort(compareDiagnostics) };
}

/**
 * Size, inode and modification and change times to the nanosecond: a save changes at least one,
 * where times are that fine. Where they are coarse (1–2 s: FAT, some network mounts), two saves
 * within one tick look the same; so, as git does, a file changed in the last two seconds gets no
 * stamp, and is read and hashed at the next load.
 */
async function fileStamp(file: string): Promise<string | undefined> {
  const info = await stat(file, { bigint: true }).catch(unlessVanished);
  if (!info) return undefined;
  if (Date.now() - Number(info.mtimeMs) < 2000) return undefined;
  return `${info.size} ${info.ino} ${info.mtimeNs} ${info.ctimeNs}`;
}

/** A file listed a moment ago may be gone (the editor's save renames, `git checkout`): undefined then. */
function unlessVanished(error: NodeJS.ErrnoException): undefined {
  if (error.code === 'ENOENT') return undefined;
  throw error;
}

/** The park gazetteer is optional: an archive without `parks.yaml` simply tracks no parks. */
export async function loadGazetteerFile(contentDir: string, displayDir = contentDir): Promise<{ gazetteer: Gazetteer; diagnostics: Diagnostic[]; text?: string }> {
  let text: string;
  try {
    text = await readFile(join(contentDir, gazetteerFile), 'utf8');
  } catch {
    return { gazetteer: emptyGazetteer, diagnostics: [] };
  }
  const { parks, diagnostics } = parseGazetteer(join(displayDir, gazetteerFile), text);
  return { gazetteer: gazetteer(parks), diagnostics, text };
}

export async function loadSectionTableFile(contentDir: string, displayDir = contentDir): Promise<{ table: SectionTable; diagnostics: Diagnostic[]; text?: string }> {
  const path = join(contentDir, sectionTableFile);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return {
      table: sectionTable([]),
      diagnostics: [diagnostic(join(displayDir, sectionTableFile), fileStart, 'error', 'section-table', `找不到栏目表 ${sectionTableFile}：请在内容目录中建立它，列出每个栏目的 title 和 kind。`)],
    };
  }
  return { ...parseSectionTable(join(displayDir, sectionTableFile), text), text };
}

/** Every Markdown file under the folder, in a stable order; dot-folders (editor backups, VCS) are skipped. */
export async function issueFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !relative(dir, file).split(sep).some((part) => part.startsWith('.')))
    .sort();
}
