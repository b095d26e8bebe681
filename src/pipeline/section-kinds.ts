import { isMap, isSeq, type Node as YamlNode } from 'yaml';
import type { Diagnostic, SectionKind } from '../model.ts';
import { diagnostic } from '../core/diagnostics.ts';
import { parseYamlText, yamlPlacer, yamlSyntaxDiagnostics } from '../core/yaml.ts';

/** Name of the table of columns inside the content folder. */
export const sectionTableFile = 'sections.yaml';

export interface SectionTable {
  kinds: SectionKind[];
  /** Column name or alias → kind. */
  byTitle: ReadonlyMap<string, SectionKind>;
}

export function sectionTable(kinds: SectionKind[]): SectionTable {
  const byTitle = new Map<string, SectionKind>();
  for (const kind of kinds) {
    for (const title of [kind.title, ...kind.aliases]) byTitle.set(normaliseSectionTitle(title), kind);
  }
  return { kinds, byTitle };
}

/** Editors write 【工作动态】 as the PDF does, or add spaces; the column is the same. */
export function normaliseSectionTitle(title: string): string {
  return title.replace(/[\s【】[\]]/g, '');
}

export function findSectionKind(table: SectionTable, title: string): SectionKind | undefined {
  return table.byTitle.get(normaliseSectionTitle(title));
}

const kindPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Reads `sections.yaml`: a list of `{ title, kind, aliases? }`, each checked with its line. */
export function parseSectionTable(path: string, text: string): { table: SectionTable; diagnostics: Diagnostic[] } {
  const yaml = parseYamlText(text);
  const { document } = yaml;
  const placeOf = yamlPlacer(yaml.lines);
  const syntax = yamlSyntaxDiagnostics(path, yaml, 'section-table', '栏目表');
  const diagnostics: Diagnostic[] = [];
  const kinds: SectionKind[] = [];
  const seenTitles = new Map<string, string>();
  const seenKinds = new Set<string>();
  const problem = (node: YamlNode | null | undefined, message: string) =>
    diagnostics.push(diagnostic(path, placeOf(node), 'error', 'section-table', message));

  if (syntax.length === 0 && !isSeq(document.contents)) {
    problem(document.contents, '栏目表须是一个列表，每项写 title（栏目名称）和 kind（栏目标识）。');
  }
  const items = isSeq(document.contents) ? document.contents.items : [];
  for (const item of items) {
    if (!isMap(item)) {
      problem(item as YamlNode, '每个栏目须写成 “- title: 栏目名称” 加 “kind: 栏目标识” 的形式。');
      continue;
    }
    const title: unknown = item.get('title');
    const kind: unknown = item.get('kind');
    const aliasesNode = item.get('aliases', true);
    const aliases = isSeq(aliasesNode) ? aliasesNode.toJSON() : aliasesNode === undefined ? [] : null;
    if (typeof title !== 'string' || title.trim() === '') {
      problem(item, '栏目缺少 title（栏目名称），例如 title: 工作动态。');
      continue;
    }
    if (typeof kind !== 'string' || !kindPattern.test(kind)) {
      problem(item, `栏目 “${title}” 的 kind 须由小写英文字母、数字和连字符组成，例如 kind: work-updates。`);
      continue;
    }
    if (aliases === null || !aliases.every((a: unknown) => typeof a === 'string')) {
      problem(item, `栏目 “${title}” 的 aliases 须是文字列表，例如 aliases: [工作简讯]。`);
      continue;
    }
    if (seenKinds.has(kind)) problem(item, `栏目标识 “${kind}” 重复：每个栏目须有自己的标识。`);
    seenKinds.add(kind);
    for (const name of [title, ...(aliases as string[])]) {
      const key = normaliseSectionTitle(name);
      const owner = seenTitles.get(key);
      if (owner !== undefined) problem(item, `栏目名称 “${name}” 已用于栏目 “${owner}”：一个名称只能对应一个栏目。`);
      seenTitles.set(key, title);
    }
    kinds.push({ kind, title: title.trim(), aliases: aliases as string[] });
  }
  if (kinds.length === 0 && diagnostics.length === 0 && syntax.length === 0) problem(document.contents, '栏目表是空的：至少要有一个栏目。');
  // After a syntax error the columns still come from what could be read, so that issues do not
  // all report unknown columns; what else is wrong there mostly follows from the syntax error.
  return { table: sectionTable(kinds), diagnostics: syntax.length > 0 ? syntax : diagnostics };
}
