import { isMap, isSeq, type Node as YamlNode, type YAMLMap } from 'yaml';
import type { Diagnostic, MilestoneStep } from '../model.ts';
import { isPartialDate } from '../core/dates.ts';
import { diagnostic, fileStart } from '../core/diagnostics.ts';
import { parseYamlText, yamlPlacer, yamlSyntaxDiagnostics } from '../core/yaml.ts';
import { parkMatcher, type NamedPark, type ParkMatcher } from './matcher.ts';
import { milestoneSteps, stepFromName } from './steps.ts';

/** Name of the park gazetteer inside the content folder; optional (an archive may track no parks). */
export const gazetteerFile = 'parks.yaml';

export const parkTypes = ['综合类', '行业类', '静脉产业类'] as const;

/** A milestone an editor states by hand; it wins over what the text says for the same step. */
export interface HandMilestone {
  step: MilestoneStep;
  date: string;
  note?: string;
}

export interface GazetteerPark extends NamedPark {
  province: string;
  city: string;
  type?: string;
  milestones: HandMilestone[];
}

/** The gazetteer as the pipeline uses it: the parks and a matcher over all their names. */
export interface Gazetteer {
  parks: GazetteerPark[];
  matcher: ParkMatcher;
  /** False when the content folder has no gazetteer: then nothing asks for parks to be added. */
  tracked: boolean;
}

export function gazetteer(parks: GazetteerPark[]): Gazetteer {
  return { parks, matcher: parkMatcher(parks), tracked: true };
}

export const emptyGazetteer: Gazetteer = { ...gazetteer([]), tracked: false };

const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;


/** Reads and checks `parks.yaml`: ids, names, aliases unique across the whole gazetteer, places, hand milestones. */
export function parseGazetteer(path: string, text: string): { parks: GazetteerPark[]; diagnostics: Diagnostic[] } {
  const yaml = parseYamlText(text);
  const { document } = yaml;
  const placeOf = yamlPlacer(yaml.lines);
  const diagnostics: Diagnostic[] = yamlSyntaxDiagnostics(path, yaml, 'gazetteer', '园区名录');
  const problem = (node: YamlNode | null | undefined, message: string, severity: 'error' | 'warning' = 'error') =>
    diagnostics.push(diagnostic(path, node ? placeOf(node) : fileStart, severity, 'gazetteer', message));
  if (diagnostics.length > 0) return { parks: [], diagnostics };
  if (document.contents !== null && !isSeq(document.contents)) {
    problem(document.contents, '园区名录须是一个列表，每个园区一项，写 id、name、province、city。');
    return { parks: [], diagnostics };
  }

  const parks: GazetteerPark[] = [];
  const owners = new Map<string, string>();
  const ids = new Set<string>();
  for (const item of isSeq(document.contents) ? document.contents.items : []) {
    if (!isMap(item)) {
      problem(item as YamlNode, '每个园区须写成 “- id: …” 加 name、province、city 的形式。');
      continue;
    }
    const park = readPark(item, problem);
    if (!park) continue;
    if (ids.has(park.id)) problem(item, `园区标识 “${park.id}” 重复：每个园区须有自己的标识。`);
    ids.add(park.id);
    for (const name of [park.name, ...park.aliases]) {
      const owner = owners.get(name);
      if (owner === park.name) problem(item, `园区 “${park.name}” 的名称 “${name}” 写了两次。`, 'warning');
      else if (owner !== undefined) problem(item, `名称 “${name}” 已属于园区 “${owner}”：一个名称或简称只能对应一个园区，否则无法判断文中指的是哪一个。`);
      owners.set(name, park.name);
    }
    parks.push(park);
  }
  return { parks, diagnostics };
}

function readPark(item: YAMLMap, problem: (node: YamlNode | null | undefined, message: string) => void): GazetteerPark | undefined {
  const text = (key: string): string | undefined => {
    const value: unknown = item.get(key);
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const name = text('name');
  const id = text('id');
  const province = text('province');
  const city = text('city');
  const label = name ?? id ?? '（未命名）';
  const missing = [!id && 'id（园区标识）', !name && 'name（全称）', !province && 'province（省份）', !city && 'city（城市）'].filter(Boolean);
  if (missing.length > 0) {
    problem(item, `园区 “${label}” 缺少 ${missing.join('、')}。`);
    return undefined;
  }
  if (!idPattern.test(id!)) {
    problem(item, `园区标识 “${id}” 须由小写英文字母、数字和连字符组成（用于网址），例如 hefei-hightech。`);
    return undefined;
  }
  const aliasesNode = item.get('aliases', true);
  const aliases: unknown = aliasesNode === undefined ? [] : isSeq(aliasesNode) ? aliasesNode.toJSON() : null;
  if (!Array.isArray(aliases) || !aliases.every((a) => typeof a === 'string' && a.trim() !== '')) {
    problem(item, `园区 “${name}” 的 aliases 须是简称列表，例如 aliases: [合肥高新区]。`);
    return undefined;
  }
  const type = text('type');
  if (type !== undefined && !(parkTypes as readonly string[]).includes(type)) {
    problem(item, `园区 “${name}” 的类型 “${type}” 无法识别，可写：${parkTypes.join('、')}，或不写。`);
    return undefined;
  }
  const milestones = readHandMilestones(item, name!, problem);
  if (!milestones) return undefined;
  return { id: id!, name: name!, aliases: (aliases as string[]).map((a) => a.trim()), province: province!, city: city!, ...(type ? { type } : {}), milestones };
}

function readHandMilestones(item: YAMLMap, name: string, problem: (node: YamlNode | null | undefined, message: string) => void): HandMilestone[] | undefined {
  const node = item.get('milestones', true);
  if (node === undefined) return [];
  if (!isSeq(node)) {
    problem(item, `园区 “${name}” 的 milestones 须是列表，每项写 step（步骤）和 date（日期）。`);
    return undefined;
  }
  const milestones: HandMilestone[] = [];
  for (const entry of node.items) {
    const step = isMap(entry) ? stepFromName(String(entry.get('step') ?? '')) : undefined;
    const date = isMap(entry) ? String(entry.get('date') ?? '').trim() : '';
    const note: unknown = isMap(entry) ? entry.get('note') : undefined;
    if (!step) {
      problem(entry as YamlNode, `园区 “${name}” 的里程碑步骤无法识别，可写：${milestoneSteps.map((s) => s.label).join('、')}。`);
      return undefined;
    }
    if (!isPartialDate(date)) {
      problem(entry as YamlNode, `园区 “${name}” 的里程碑日期 “${date}” 须写成 2018-02-05、2018-02 或 2018。`);
      return undefined;
    }
    milestones.push({ step, date, ...(typeof note === 'string' && note.trim() !== '' ? { note: note.trim() } : {}) });
  }
  return milestones;
}
