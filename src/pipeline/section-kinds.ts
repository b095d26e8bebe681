import * as v from 'valibot';
import { normaliseSectionTitle } from '../core/content-format.ts';
import { maxSegmentLength, segmentPattern, segmentTooLong } from '../core/routes.ts';
import type { Diagnostic, SectionKind } from '../model.ts';
import { fieldOf, missingKey, pathTo, readYamlList } from '../core/yaml-schema.ts';

export interface SectionTable {
  kinds: SectionKind[];
  /** Column name or alias → kind. */
  byTitle: ReadonlyMap<string, SectionKind>;
  /** The table's file as messages name it (`examples/another-bulletin/sections.yaml`), when read from one. */
  path?: string;
}

export function sectionTable(kinds: SectionKind[]): SectionTable {
  const byTitle = new Map<string, SectionKind>();
  for (const kind of kinds) {
    for (const title of [kind.title, ...kind.aliases]) byTitle.set(normaliseSectionTitle(title), kind);
  }
  return { kinds, byTitle };
}

export function findSectionKind(table: SectionTable, title: string): SectionKind | undefined {
  return table.byTitle.get(normaliseSectionTitle(title));
}

const kindHint = '的 kind（栏目标识）须由小写英文字母、数字和连字符组成，例如 kind: work-updates。';
const shorterKind = '请改用简短的标识，例如 kind: work-updates。';
const aliasesHint = '的 aliases 须是文字列表，例如 aliases: [工作简讯]。';
const required = {
  title: '缺少 title（栏目名称），例如 title: 工作动态。',
  kind: '缺少 kind（栏目标识），例如 kind: work-updates。',
};

/** One column. Messages are what follows the column's name: 栏目 “工作动态” 的 kind 须…. */
const columnSchema = v.object(
  {
    title: v.pipe(v.string(required.title), v.trim(), v.nonEmpty(required.title)),
    kind: v.pipe(
      v.string(kindHint),
      v.maxLength(
        maxSegmentLength,
        (issue) => `的 kind（栏目标识）${segmentTooLong(String(issue.input))}。${shorterKind}`,
      ),
      v.regex(segmentPattern, kindHint),
    ),
    aliases: v.optional(v.array(v.string(aliasesHint), aliasesHint), []),
  },
  (issue) => {
    const key = missingKey(issue);
    return key === 'title' || key === 'kind'
      ? required[key]
      : '须写成 “- title: 栏目名称” 加 “kind: 栏目标识” 的形式。';
  },
);

/**
 * The column table: a non-empty list of columns, each kind used once, each name or alias naming
 * one column (names compared as `findSectionKind` compares them).
 */
const sectionTableSchema = v.pipe(
  v.array(columnSchema, '栏目表须是一个列表，每项写 title（栏目名称）和 kind（栏目标识）。'),
  v.minLength(1, '栏目表是空的：至少要有一个栏目。'),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const columns = dataset.value;
    const kinds = new Map<string, string>();
    const owners = new Map<string, string>();
    columns.forEach((column, index) => {
      const kindOwner = kinds.get(column.kind);
      if (kindOwner !== undefined)
        addIssue({
          message: `的 kind “${column.kind}” 与栏目 “${kindOwner}” 重复：每个栏目须有自己的标识。`,
          path: pathTo(columns, index, 'kind'),
        });
      else kinds.set(column.kind, column.title);
      const names: [string, (string | number)[]][] = [
        [column.title, ['title']],
        ...column.aliases.map((alias, k): [string, (string | number)[]] => [alias, ['aliases', k]]),
      ];
      for (const [name, keys] of names) {
        const key = normaliseSectionTitle(name);
        const owner = owners.get(key);
        if (owner !== undefined)
          addIssue({
            message: `的名称 “${name}” 已用于栏目 “${owner}”：一个名称只能对应一个栏目。`,
            path: pathTo(columns, index, ...keys),
          });
        else owners.set(key, column.title);
      }
    });
  }),
);

/** Reads `sections.yaml`: a list of `{ title, kind, aliases? }`, each problem at the place it is written. */
export function parseSectionTable(path: string, text: string): { table: SectionTable; diagnostics: Diagnostic[] } {
  const { entries, diagnostics } = readYamlList(path, text, {
    rule: 'section-table',
    what: '栏目表',
    table: sectionTableSchema,
    entry: columnSchema,
    nameOf: columnName,
  });
  return { table: { ...sectionTable(entries.map(({ value }) => value)), path }, diagnostics };
}

/** 栏目 “工作动态” when the entry has a title to name it by, else 栏目. */
function columnName(entry: unknown): string {
  const title = fieldOf(entry, 'title');
  return typeof title === 'string' && title.trim() !== '' ? `栏目 “${title.trim()}” ` : '栏目';
}
