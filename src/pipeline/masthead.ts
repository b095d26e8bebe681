import * as v from 'valibot';
import { isMap, type Document } from 'yaml';
import type { Diagnostic } from '../model.ts';
import { mastheadFields, mediaFields, type MastheadField } from '../core/content-format.ts';
import { parseChineseNumber } from '../core/chinese-numbers.ts';
import { isRealDate } from '../core/dates.ts';
import { specialName, specialOrdinalRange, type SpecialIssue } from '../core/issue-numbering.ts';
import { diagnostic, fileStart, type Place } from '../core/diagnostics.ts';
import { keyText, placeOfKey, placeOfPath, yamlData, type YamlLines, type YamlText } from '../core/yaml.ts';
import { firstPerValue, issueDiagnostic, isMissingKey, missingKey, type SchemaIssue } from '../core/yaml-schema.ts';

/** How each field is named in messages, the range of numbers, and a line that would be right. */
const fields = mastheadFields;

type FieldName = MastheadField;

const problem = (name: FieldName, text: string) =>
  `${fields[name].label}（${name}）${text}。示例：${fields[name].example}`;

const text = (name: FieldName) =>
  v.pipe(v.string(problem(name, '须是一段非空文字')), v.trim(), v.nonEmpty(problem(name, '须是一段非空文字')));

const integer = (name: 'year' | 'cumulativeNumber', [min, max] = fields[name].range) =>
  v.pipe(
    v.number(problem(name, '须是整数（不加引号，不写“第”“期”）')),
    v.integer(problem(name, '须是整数（不加引号，不写“第”“期”）')),
    v.minValue(min, problem(name, `须在 ${min} 到 ${max} 之间`)),
    v.maxValue(max, problem(name, `须在 ${min} 到 ${max} 之间`)),
  );

const [minNumber, maxNumber] = fields.number.range;
const [minOrdinal, maxOrdinal] = specialOrdinalRange;
const numberHint = `须是整数（不加引号，不写“第”“期”），增刊写作 增刊、增刊1、增刊2…… 或加一行 special: true`;
const ordinalHint = `增刊的序号须是 ${minOrdinal} 到 ${maxOrdinal} 之间的整数：写 增刊（即 增刊1）、增刊2……`;

/** `增刊`, `增刊2`, `增刊 二`: the supplement's ordinal, 1 when none is written; undefined for other text. */
function specialOrdinal(text: string): number | undefined | 'bad' {
  const match = /^\s*增刊\s*(.*?)\s*$/u.exec(text);
  if (!match) return undefined;
  const written = match[1] ?? '';
  if (written === '') return 1;
  const ordinal = parseChineseNumber(written);
  return ordinal !== undefined && ordinal >= minOrdinal && ordinal <= maxOrdinal ? ordinal : 'bad';
}

/** What `number:` says: a regular number, or which supplement (增刊N), before `special:` is weighed. */
interface WrittenNumber {
  value: number;
  /** Whether it was written 增刊N. */
  special: boolean;
}

/**
 * `number:` is 第N期 (an integer) or a supplement (增刊, 增刊2). Regular numbers go up to 9999, for a
 * weekly or a bulletin that never restarts its numbers.
 */
const issueNumber = v.pipe(
  v.union([v.number(), v.string()], problem('number', numberHint)),
  v.rawTransform(({ dataset, addIssue, NEVER }): WrittenNumber => {
    const written = dataset.value;
    if (typeof written === 'string') {
      const ordinal = specialOrdinal(written);
      if (typeof ordinal === 'number') return { value: ordinal, special: true };
      addIssue({
        message: problem('number', ordinal === 'bad' ? `“${written.trim()}”：${ordinalHint}` : numberHint),
      });
      return NEVER;
    }
    if (!Number.isInteger(written)) {
      addIssue({ message: problem('number', numberHint) });
      return NEVER;
    }
    if (written < minNumber || written > maxNumber) {
      addIssue({ message: problem('number', `须在 ${minNumber} 到 ${maxNumber} 之间`) });
      return NEVER;
    }
    return { value: written, special: false };
  }),
);

const specialFlag = v.boolean(problem('special', '须是 true（本期是增刊，number 写增刊的序号）或 false'));

const isoDate = v.pipe(
  v.string(problem('date', '须写成 YYYY-MM-DD 形式的日期')),
  v.trim(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, problem('date', '须写成 YYYY-MM-DD 形式的日期')),
  v.check(isRealDate, (issue) => problem('date', `“${String(issue.input)}” 不是真实存在的日期`)),
);

/**
 * The masthead of an issue as its front matter gives it: the one description of the fields, their
 * rules and their messages. Other keys are dropped here and warned about by `readMasthead`.
 */
export const mastheadSchema = v.pipe(
  v.object(
    {
      series: text('series'),
      publisher: text('publisher'),
      year: integer('year'),
      number: issueNumber,
      // Optional: `number: 增刊2` says it alone; `special: true` turns a plain number into the ordinal.
      special: v.exactOptional(specialFlag),
      // Optional: many bulletins print no running number; without it there is no /no/N/ address.
      cumulativeNumber: v.exactOptional(integer('cumulativeNumber')),
      date: isoDate,
    },
    (issue) => {
      const key = missingKey(issue);
      return isFieldName(key)
        ? `刊头信息缺少${fields[key].label}（${key}）。请在 front matter 中加一行：${fields[key].example}`
        : notAMap;
    },
  ),
  // The printed issue's date belongs to its year: 2018年第1期 is dated in 2018 (the bulletin
  // has no issue printed after its year), so 9999-12-31 in a year-2018 issue is a typo.
  v.rawCheck(({ dataset, addIssue }) => {
    // A year or date already wrong is told as such (a validation failure keeps the value typed).
    const told = dataset.issues?.some((issue) => ['year', 'date'].includes(String(issue.path?.[0]?.key)));
    if (!dataset.typed || told) return;
    const { year, date } = dataset.value;
    if (date.startsWith(`${year}-`)) return;
    addIssue({
      message:
        `出版日期（date）“${date}” 不在刊头所写的 ${year} 年（year: ${year}）：一期刊物的出版日期在它的年份之内。` +
        `请核对 date 与 year，例如 year: ${year} 配 date: ${year}${date.slice(4)}。`,
      path: [{ type: 'object', origin: 'value', input: dataset.value, key: 'date', value: date }],
    });
  }),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const { series, publisher, year, number, special, cumulativeNumber, date } = dataset.value;
    if (special === false && number.special) {
      addIssue({
        message:
          `当年期号（number）写的是增刊${number.value}，增刊（special）却是 false：` +
          '是增刊就删去 special 这一行，不是增刊就把 number 写成整数。',
        path: [{ type: 'object', origin: 'value', input: dataset.value, key: 'special', value: special }],
      });
      return NEVER;
    }
    const isSpecial = special === true || number.special;
    if (isSpecial && (number.value < minOrdinal || number.value > maxOrdinal)) {
      addIssue({
        message: `增刊（special: true）的当年期号（number）是增刊的序号：${ordinalHint}。现为 ${number.value}。`,
        path: [{ type: 'object', origin: 'value', input: dataset.value, key: 'number', value: number }],
      });
      return NEVER;
    }
    const supplement: SpecialIssue | undefined = isSpecial ? { name: specialName, ordinal: number.value } : undefined;
    // The documented order of the fields, which the open data keeps: `special` right after `number`.
    return {
      series,
      publisher,
      year,
      number: number.value,
      ...(supplement ? { special: supplement } : {}),
      ...(cumulativeNumber === undefined ? {} : { cumulativeNumber }),
      date,
    };
  }),
);

/**
 * The masthead of an issue: the issue's own fields, nothing derived (assembleIssue spreads it into
 * an `Issue`, which holds it to the model).
 */
export type Masthead = v.InferOutput<typeof mastheadSchema>;

const notAMap = '刊头信息须是 “字段: 值” 的列表，例如 year: 2018。';
/** Known fields: the masthead's, and those about the issue's media that src/pipeline/media reads. */
const fieldNames = [...Object.keys(mastheadSchema.entries), ...Object.keys(mediaFields)];

function isFieldName(key: string): key is FieldName {
  // Own keys only: `constructor` or `toString` in front matter is an unknown field, not Object's.
  return Object.hasOwn(fields, key);
}

export interface MastheadResult {
  /** Absent when a field is missing or invalid: the issue cannot be placed in the archive. */
  masthead?: Masthead;
  /** Where each field was written, for messages about the issue as a whole. */
  places: Partial<Record<MastheadField, Place>>;
  diagnostics: Diagnostic[];
}

/** Reads and checks the masthead fields of the front matter (whose places `lines` gives in the file). */
export function readMasthead(path: string, document: Document, lines: YamlLines): MastheadResult {
  // Front matter opens the file, so its block starts at the file's start.
  const yaml: YamlText = { document, lines, start: fileStart };
  const places: MastheadResult['places'] = {};
  const contents = document.contents;
  if (!isMap(contents)) {
    return { places, diagnostics: [diagnostic(path, placeOfPath(yaml, []), 'error', 'front-matter-syntax', notAMap)] };
  }
  const data = yamlData(path, yaml, 'front-matter-syntax', '刊头信息');
  if (!data.ok) return { places, diagnostics: [data.diagnostic] };

  const diagnostics: Diagnostic[] = [];
  for (const pair of contents.items) {
    const key = keyText(pair.key);
    if (isFieldName(key)) {
      places[key] = placeOfPath(yaml, [key]);
    } else if (!Object.hasOwn(mediaFields, key)) {
      diagnostics.push(
        diagnostic(
          path,
          placeOfKey(yaml, [], key),
          'warning',
          'front-matter-unknown-field',
          `未知的刊头字段 “${key}”，将被忽略。可用的字段：${fieldNames.join('、')}。`,
        ),
      );
    }
  }
  const result = v.safeParse(mastheadSchema, data.data);
  for (const issue of firstPerValue(result.issues ?? []))
    diagnostics.push(issueDiagnostic(path, yaml, issue, ruleOf(issue)));
  return { ...(result.success ? { masthead: result.output } : {}), places, diagnostics };
}

function ruleOf(issue: SchemaIssue): string {
  if (issue.type === 'raw_check') return 'date-year';
  if (issue.path === undefined) return 'front-matter-syntax';
  return issue.path[0]?.key === 'date' && !isMissingKey(issue) ? 'date-invalid' : 'front-matter-field';
}
