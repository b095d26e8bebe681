import * as v from 'valibot';
import type { Document } from 'yaml';
import type { Diagnostic } from '../model.ts';
import { isPartialDate } from '../core/dates.ts';
import { diagnostic } from '../core/diagnostics.ts';
import { maxSegmentLength, segmentPattern, segmentTooLong } from '../core/routes.ts';
import { placeOfPath } from '../core/yaml.ts';
import { fieldOf, missingKey, pathTo, readYamlList, type SchemaIssue } from '../core/yaml-schema.ts';
import { parkMatcher, type ParkMatcher } from './matcher.ts';
import { milestoneSteps, stepFromName, type StepDefinition } from './steps.ts';

/** Name of the park gazetteer inside the content folder; optional (an archive may track no parks). */
export const gazetteerFile = 'parks.yaml';

export const parkTypes = ['综合类', '行业类', '静脉产业类'] as const;

/** The gazetteer as the pipeline uses it: the parks, a matcher over their names, the steps of their timelines. */
export interface Gazetteer {
  parks: GazetteerPark[];
  matcher: ParkMatcher;
  steps: readonly StepDefinition[];
}

export function gazetteer(parks: GazetteerPark[], steps: readonly StepDefinition[] = milestoneSteps): Gazetteer {
  return { parks, matcher: parkMatcher(parks), steps };
}

/** Messages are what follows the park's name: 园区 “甲园区” 缺少 province（省份）。 */
const required = {
  id: '缺少 id（园区标识），例如 id: hefei-hightech。',
  name: '缺少 name（全称）。',
  province: '缺少 province（省份），例如 province: 安徽省。',
  city: '缺少 city（城市），例如 city: 合肥市。',
  step: '的里程碑缺少 step（步骤）。',
  date: '的里程碑缺少 date（日期），例如 date: 2014-06。',
};
const missing = (fallback: string) => (issue: SchemaIssue) =>
  Object.entries(required).find(([key]) => key === missingKey(issue))?.[1] ?? fallback;

const text = (hint: string) => v.pipe(v.string(hint), v.trim(), v.nonEmpty(hint));
/** An optional field left empty (`type:`) counts as not written. */
const optionalOrBlank = <T>(schema: v.GenericSchema<unknown, T>) =>
  v.optional(
    v.pipe(
      v.nullable(schema),
      v.transform((value) => value ?? undefined),
    ),
  );

const dateHint = (input: unknown) =>
  `的里程碑日期${typeof input === 'string' || typeof input === 'number' ? ` “${input}”` : ''} 须写成 2018-02-05、2018-02 或 2018。`;

/** The gazetteer's schemas for these steps: a hand milestone names one of them. */
function makeSchemas(steps: readonly StepDefinition[]) {
  const stepHint = `的里程碑步骤无法识别，可写：${steps.map((s) => s.name).join('、')}。`;

  /** A milestone an editor states by hand; it wins over what the text says for the same step. */
  const handMilestone = v.object(
    {
      step: v.pipe(
        v.string(stepHint),
        v.rawTransform(({ dataset, addIssue, NEVER }) => {
          const step = stepFromName(steps, dataset.value);
          if (step) return step;
          addIssue({ message: stepHint });
          return NEVER;
        }),
      ),
      // YAML reads `2019` as a number; it is the year 2019.
      date: v.pipe(
        v.union([v.string(), v.pipe(v.number(), v.integer())], (issue) => dateHint(issue.input)),
        v.transform((date) => String(date).trim()),
        v.check(isPartialDate, (issue) => dateHint(issue.input)),
      ),
      note: optionalOrBlank(
        v.pipe(
          v.string('的里程碑说明（note）须是文字。'),
          v.trim(),
          v.transform((note) => note || undefined),
        ),
      ),
    },
    missing('的里程碑须写成 “- step: 步骤” 加 “date: 日期” 的形式。'),
  );

  const park = v.object(
    {
      id: v.pipe(
        text(required.id),
        v.maxLength(
          maxSegmentLength,
          (issue) => `的标识（id）${segmentTooLong(String(issue.input))}。请改用简短的标识，例如 hefei-hightech。`,
        ),
        v.regex(segmentPattern, '的标识（id）须由小写英文字母、数字和连字符组成（用于网址），例如 hefei-hightech。'),
      ),
      name: text(required.name),
      aliases: v.optional(
        v.array(
          text('的 aliases 须是简称列表，例如 aliases: [合肥高新区]。'),
          '的 aliases 须是简称列表，例如 aliases: [合肥高新区]。',
        ),
        [],
      ),
      province: text(required.province),
      city: text(required.city),
      type: optionalOrBlank(
        v.picklist(
          parkTypes,
          (issue) => `的类型 “${String(issue.input)}” 无法识别，可写：${parkTypes.join('、')}，或不写。`,
        ),
      ),
      milestones: v.optional(
        v.array(handMilestone, '的 milestones 须是列表，每项写 step（步骤）和 date（日期）。'),
        [],
      ),
    },
    missing('须写成 “- id: …” 加 name、province、city 的形式。'),
  );

  /**
   * The gazetteer: a list of parks, each id used once, each name or alias naming one park (else a
   * mention in the text could not be told apart). An empty file is an empty gazetteer.
   */
  const table = v.pipe(
    v.array(park, '园区名录须是一个列表，每个园区一项，写 id、name、province、city。'),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const parks = dataset.value;
      const ids = new Map<string, string>();
      const owners = new Map<string, number>();
      parks.forEach((park, index) => {
        const idOwner = ids.get(park.id);
        if (idOwner !== undefined)
          addIssue({
            message: `的标识 “${park.id}” 与园区 “${idOwner}” 重复：每个园区须有自己的标识。`,
            path: pathTo(parks, index, 'id'),
          });
        else ids.set(park.id, park.name);
        for (const [name, keys] of namesOf(park)) {
          const owner = owners.get(name);
          if (owner !== undefined && owner !== index) {
            addIssue({
              message: `的名称 “${name}” 已属于园区 “${parks[owner]?.name ?? name}”：一个名称或简称只能对应一个园区，否则无法判断文中指的是哪一个。`,
              path: pathTo(parks, index, ...keys),
            });
          } else owners.set(name, index);
        }
      });
    }),
  );

  return { park, table };
}

export type GazetteerPark = v.InferOutput<ReturnType<typeof makeSchemas>['park']>;
export type HandMilestone = GazetteerPark['milestones'][number];

/** A park's full name and aliases, each with the path to where it is written. */
function namesOf(park: GazetteerPark): [string, (string | number)[]][] {
  return [
    [park.name, ['name']],
    ...park.aliases.map((alias, k): [string, (string | number)[]] => [alias, ['aliases', k]]),
  ];
}

/** Reads and checks `parks.yaml`: ids, names, aliases unique across the whole gazetteer, places, hand milestones. */
export function parseGazetteer(
  path: string,
  text: string,
  steps: readonly StepDefinition[] = milestoneSteps,
): {
  parks: GazetteerPark[];
  /**
   * The names (full names and aliases) written in entries that could not be read: those parks
   * are listed, only broken, so a mention of one is no unknown park (the entry is reported).
   */
  unreadNames: string[];
  diagnostics: Diagnostic[];
} {
  const { park, table } = makeSchemas(steps);
  const { yaml, entries, diagnostics } = readYamlList(path, text, {
    rule: 'gazetteer',
    what: '园区名录',
    table,
    entry: park,
    nameOf: parkName,
    emptyIsNone: true,
  });
  // Not wrong, so not the schema's: a name written twice for the same park is only noise.
  for (const { index, value: park } of entries) {
    const seen = new Set<string>();
    for (const [name, keys] of namesOf(park)) {
      if (seen.has(name))
        diagnostics.push(
          diagnostic(
            path,
            placeOfPath(yaml, [index, ...keys]),
            'warning',
            'gazetteer',
            `园区 “${park.name}” 的名称 “${name}” 写了两次。`,
          ),
        );
      seen.add(name);
    }
  }
  return { parks: entries.map(({ value }) => value), unreadNames: unreadNames(yaml.document, entries), diagnostics };
}

/** The names written in the list's entries that did not pass, as far as the YAML could be read. */
function unreadNames(document: Document, entries: readonly { index: number }[]): string[] {
  let data: unknown;
  try {
    data = document.toJS();
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  const read = new Set(entries.map(({ index }) => index));
  return data.flatMap((entry: unknown, index) => {
    if (read.has(index)) return [];
    const aliases: unknown = fieldOf(entry, 'aliases');
    const written: unknown[] = [textField(entry, 'name'), ...(Array.isArray(aliases) ? (aliases as unknown[]) : [])];
    return written.flatMap((name: unknown) => (typeof name === 'string' && name.trim() !== '' ? [name.trim()] : []));
  });
}

/** 园区 “甲园区” when the entry has a name (or at least an id) to call it by, else 园区. */
function parkName(entry: unknown): string {
  const label = [textField(entry, 'name'), textField(entry, 'id')].find((value) => value !== undefined);
  return label === undefined ? '园区' : `园区 “${label}” `;
}

function textField(entry: unknown, key: string): string | undefined {
  const value = fieldOf(entry, key);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
