import { isMap, isScalar, type Document, type Node as YamlNode } from 'yaml';
import type { Diagnostic, Issue } from '../model.ts';
import { diagnostic, fileStart, type Place } from '../core/diagnostics.ts';
import { isRealDate } from '../core/dates.ts';
import { yamlPlacer, type YamlLines } from '../core/yaml.ts';

/** The masthead of an issue, as its front matter gives it: the issue's own fields, nothing derived. */
export type Masthead = Pick<Issue, 'series' | 'publisher' | 'year' | 'number' | 'cumulativeNumber' | 'date'>;

export interface MastheadResult {
  /** Absent when a field is missing or invalid: the issue cannot be placed in the archive. */
  masthead?: Masthead;
  /** Where each field was written, for messages about the issue as a whole. */
  places: Partial<Record<keyof Masthead, Place>>;
  diagnostics: Diagnostic[];
}

type FieldRule = { kind: 'text' } | { kind: 'integer'; min: number; max: number } | { kind: 'date' };

const fields: Record<keyof Masthead, { label: string; rule: FieldRule; example: string }> = {
  series: { label: '刊名', rule: { kind: 'text' }, example: 'series: 国家生态工业园区 工作动态' },
  publisher: { label: '编发单位', rule: { kind: 'text' }, example: 'publisher: 国家生态工业园区建设协调领导小组办公室' },
  year: { label: '年份', rule: { kind: 'integer', min: 1900, max: 2999 }, example: 'year: 2018' },
  number: { label: '当年期号', rule: { kind: 'integer', min: 1, max: 99 }, example: 'number: 1' },
  cumulativeNumber: { label: '总期号', rule: { kind: 'integer', min: 1, max: 99999 }, example: 'cumulativeNumber: 10' },
  date: { label: '出版日期', rule: { kind: 'date' }, example: 'date: 2018-06-29' },
};

const fieldNames = Object.keys(fields) as (keyof Masthead)[];

/** Reads and checks the masthead fields of the front matter. */
export function readMasthead(path: string, document: Document, lines: YamlLines): MastheadResult {
  const diagnostics: Diagnostic[] = [];
  const places: MastheadResult['places'] = {};
  const placeOf = yamlPlacer(lines);
  const contents = document.contents;
  if (!isMap(contents)) {
    return {
      places,
      diagnostics: [diagnostic(path, placeOf(contents), 'error', 'front-matter-syntax', '刊头信息须是 “字段: 值” 的列表，例如 year: 2018。')],
    };
  }

  const values: Partial<Record<keyof Masthead, string | number>> = {};
  for (const pair of contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const place = placeOf(pair.key as YamlNode);
    if (!(key in fields)) {
      diagnostics.push(diagnostic(path, place, 'warning', 'front-matter-unknown-field', `未知的刊头字段 “${key}”，将被忽略。可用的字段：${fieldNames.join('、')}。`));
      continue;
    }
    const name = key as keyof Masthead;
    const { label, rule, example } = fields[name];
    const valuePlace = isScalar(pair.value) ? placeOf(pair.value) : place;
    places[name] = valuePlace;
    const raw = isScalar(pair.value) ? pair.value.value : undefined;
    const problem = checkField(raw, rule);
    if (typeof problem === 'string') {
      diagnostics.push(diagnostic(path, valuePlace, 'error', rule.kind === 'date' ? 'date-invalid' : 'front-matter-field', `${label}（${name}）${problem}。示例：${example}`));
    } else {
      values[name] = problem.value;
    }
  }
  for (const name of fieldNames) {
    if (!(name in places)) {
      const { label, example } = fields[name];
      diagnostics.push(diagnostic(path, fileStart, 'error', 'front-matter-field', `刊头信息缺少${label}（${name}）。请在 front matter 中加一行：${example}`));
    }
  }
  const complete = fieldNames.every((name) => values[name] !== undefined);
  return { masthead: complete ? (values as unknown as Masthead) : undefined, places, diagnostics };
}

function checkField(raw: unknown, rule: FieldRule): string | { value: string | number } {
  switch (rule.kind) {
    case 'text':
      if (typeof raw !== 'string' || raw.trim() === '') return '须是一段非空文字';
      return { value: raw.trim() };
    case 'integer':
      if (typeof raw !== 'number' || !Number.isInteger(raw)) return '须是整数（不加引号，不写“第”“期”）';
      if (raw < rule.min || raw > rule.max) return `须在 ${rule.min} 到 ${rule.max} 之间`;
      return { value: raw };
    case 'date': {
      const text = typeof raw === 'string' ? raw.trim() : '';
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return '须写成 YYYY-MM-DD 形式的日期';
      if (!isRealDate(text)) return `“${text}” 不是真实存在的日期`;
      return { value: text };
    }
  }
}
