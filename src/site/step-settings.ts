import * as v from 'valibot';
import { pathTo } from '../core/yaml-schema.ts';
import { segmentPattern } from '../core/routes.ts';
import { milestoneSteps, type StepDefinition } from '../parks/steps.ts';

/**
 * `index.steps` of site.yaml: the steps an index entry's timeline is made of. Written as a list,
 * it defines the steps in full (identifier, name, other names, the phrases and patterns that find
 * a step in the text) and replaces the programme's; written as “标识: 名称” pairs, it renames the
 * programme's steps and keeps how they are found. Absent, the programme's steps stand.
 */
export type StepsSetting = v.InferOutput<typeof stepsSchema>;

const field = 'index.steps';
const builtInIds = milestoneSteps.map(({ id }) => id);

const text = (what: string, example: string) =>
  v.pipe(
    v.string(`${field} 中的${what}须是一段文字，例如 ${example}`),
    v.trim(),
    v.nonEmpty(`${field} 中的${what}不能为空，例如 ${example}`),
  );
const texts = (what: string, example: string) =>
  v.optional(v.array(text(what, example), `${field} 中的${what}须写成列表，例如 [${example}]`), []);

/** A pattern the site can use: a JavaScript regular expression that does not match every clause. */
const pattern = v.pipe(
  text('识别模式（patterns）', '通过[^，。；]{0,20}?验收'),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const written = dataset.value;
    let compiled: RegExp;
    try {
      compiled = new RegExp(written);
    } catch (error) {
      const why =
        error instanceof Error ? error.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '') : '';
      addIssue({
        message: `${field} 中的识别模式 “${written}” 不是有效的正则表达式（${why}）。只想按原文查找时，请写在 phrases 中`,
      });
      return;
    }
    if (compiled.test(''))
      addIssue({
        message: `${field} 中的识别模式 “${written}” 连空白也能匹配，会把每一句都当作这个步骤；请写出步骤必有的字词，例如 通过[^，。；]{0,20}?验收`,
      });
  }),
);

const stepFields = ['id', 'name', 'aliases', 'phrases', 'patterns'];

const stepSchema = v.strictObject(
  {
    id: v.pipe(
      text('步骤标识（id）', 'id: acceptance-passed'),
      v.regex(
        segmentPattern,
        `${field} 中的步骤标识（id）须由小写英文字母、数字和连字符组成，例如 id: acceptance-passed`,
      ),
    ),
    name: text('步骤名称（name）', 'name: 通过验收'),
    aliases: texts('其他名称（aliases）', '验收'),
    phrases: texts('识别词句（phrases）', '通过验收'),
    patterns: v.optional(v.array(pattern, `${field} 中的识别模式（patterns）须写成列表`), []),
  },
  (issue) => {
    if (issue.kind === 'schema' && issue.expected === 'never')
      return `${field} 的步骤中没有 “${String(issue.path?.at(-1)?.key)}” 这一项；可写：${stepFields.join('、')}`;
    if (issue.kind === 'schema' && issue.input === undefined && issue.path !== undefined)
      return issue.path.at(-1)?.key === 'id'
        ? `${field} 的步骤缺少 id（步骤标识），例如 id: acceptance-passed`
        : `${field} 的步骤缺少 name（步骤名称），例如 name: 通过验收`;
    return `${field} 的每个步骤须写成 “- id: 标识” 加 “name: 名称” 的一组，可加 aliases、phrases、patterns`;
  },
);

type WrittenStep = v.InferOutput<typeof stepSchema>;

/** Each identifier and each name (with the other names) belongs to one step: a parks.yaml entry names one. */
const stepListSchema = v.pipe(
  v.array(stepSchema),
  v.nonEmpty(
    `${field} 写成列表时至少要有一个步骤；只想改名，请写成 “步骤标识: 名称”，例如 acceptance-passed: 通过验收`,
  ),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const steps = dataset.value;
    const ids = new Map<string, string>();
    const names = new Map<string, string>();
    steps.forEach((step, index) => {
      const sameId = ids.get(step.id);
      if (sameId !== undefined)
        addIssue({ message: `${field} 中的步骤标识 “${step.id}” 写了两次`, path: pathTo(steps, index, 'id') });
      ids.set(step.id, step.name);
      const written: [string, (string | number)[]][] = [
        [step.name, ['name']],
        ...step.aliases.map((alias, k): [string, (string | number)[]] => [alias, ['aliases', k]]),
      ];
      for (const [name, keys] of written) {
        const owner = names.get(name);
        if (owner !== undefined && owner !== step.id)
          addIssue({
            message: `${field} 中的名称 “${name}” 已属于步骤 “${owner}”：一个名称只能对应一个步骤，否则 parks.yaml 中写这个名称时无法判断指的是哪一步`,
            path: pathTo(steps, index, ...keys),
          });
        else names.set(name, step.id);
      }
    });
  }),
);

const stepNamesSchema = v.record(
  v.picklist(
    builtInIds,
    `${field} 只改名时，步骤须是 ${builtInIds.join('、')} 之一；要定义新的步骤，请写成列表（见 docs/settings.md）`,
  ),
  v.pipe(v.string(`${field} 中的步骤名称须是一段文字`), v.trim(), v.nonEmpty(`${field} 中的步骤名称不能为空`)),
  `${field} 须写成步骤列表（“- id: 标识” 加 “name: 名称”），或写成 “步骤标识: 名称” 的一组，例如 acceptance-passed: 通过验收`,
);

export const stepsSchema = v.lazy((input) => (Array.isArray(input) ? stepListSchema : stepNamesSchema));

/** The steps the site reads and shows, from what site.yaml says of them. */
export function resolveSteps(setting: StepsSetting | undefined): readonly StepDefinition[] {
  if (setting === undefined) return milestoneSteps;
  if (Array.isArray(setting)) return setting.map(definedStep);
  const names: Partial<Record<string, string>> = setting;
  return milestoneSteps.map((step) => {
    const name = names[step.id];
    // The programme's name stays one parks.yaml may write.
    return name && name !== step.name ? { ...step, name, aliases: [step.name, ...step.aliases] } : step;
  });
}

function definedStep(step: WrittenStep): StepDefinition {
  return {
    id: step.id,
    name: step.name,
    aliases: step.aliases,
    patterns: [
      ...step.phrases.map((phrase) => new RegExp(escapeRegExp(phrase))),
      ...step.patterns.map((p) => new RegExp(p)),
    ],
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
