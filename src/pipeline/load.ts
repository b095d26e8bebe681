import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Diagnostic, Issue, Park } from '../model.ts';
import { emptyGazetteer, gazetteer, gazetteerFile, parseGazetteer, type Gazetteer } from '../parks/gazetteer.ts';
import { indexParks } from '../parks/park-index.ts';
import { compareDiagnostics, diagnostic, fileStart } from './diagnostic.ts';
import { validateArchive, type IssueEntry } from './archive-rules.ts';
import { processIssueFile } from './issue-file.ts';
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

/** Reads every issue in the content folder and runs all rules; never throws for bad content. */
export async function loadArchive(contentDir: string, displayDir = contentDir): Promise<Archive> {
  const display = (file: string) => join(displayDir, relative(contentDir, file));
  const { table, diagnostics } = await loadSectionTableFile(contentDir, displayDir);
  const parks = await loadGazetteerFile(contentDir, displayDir);
  diagnostics.push(...parks.diagnostics);
  const files = await issueFiles(contentDir);
  const entries: IssueEntry[] = [];
  const issues: Issue[] = [];
  for (const file of files) {
    const relativePath = relative(contentDir, file).split(sep).join('/');
    const result = processIssueFile(display(file), relativePath, await readFile(file), table, parks.gazetteer);
    diagnostics.push(...result.diagnostics);
    if (result.masthead) entries.push({ path: display(file), relativePath, masthead: result.masthead, places: result.places });
    if (result.issue) issues.push(result.issue);
  }
  diagnostics.push(...validateArchive(entries));
  if (files.length === 0) {
    diagnostics.push(diagnostic(displayDir, fileStart, 'error', 'no-issues', `${displayDir} 中没有任何期刊文件：每期一个 Markdown 文件，放在 ${displayDir}/年份/年份-期号.md，可用 npm run new-issue 新建。`));
  }
  issues.sort((a, b) => b.date.localeCompare(a.date) || b.cumulativeNumber - a.cumulativeNumber);
  return { issues, sectionTable: table, gazetteer: parks.gazetteer, parks: indexParks(parks.gazetteer, issues), diagnostics: diagnostics.sort(compareDiagnostics) };
}

/** The park gazetteer is optional: an archive without `parks.yaml` simply tracks no parks. */
export async function loadGazetteerFile(contentDir: string, displayDir = contentDir): Promise<{ gazetteer: Gazetteer; diagnostics: Diagnostic[] }> {
  let text: string;
  try {
    text = await readFile(join(contentDir, gazetteerFile), 'utf8');
  } catch {
    return { gazetteer: emptyGazetteer, diagnostics: [] };
  }
  const { parks, diagnostics } = parseGazetteer(join(displayDir, gazetteerFile), text);
  return { gazetteer: gazetteer(parks), diagnostics };
}

export async function loadSectionTableFile(contentDir: string, displayDir = contentDir): Promise<{ table: SectionTable; diagnostics: Diagnostic[] }> {
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
  return parseSectionTable(join(displayDir, sectionTableFile), text);
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
