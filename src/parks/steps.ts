import type { MilestoneStep } from '../model.ts';

/**
 * A step of the programme an index entry goes through, as an archive defines it: its identifier
 * (in data and in parks.yaml), the name readers see, other names editors may write for it in
 * parks.yaml, and the patterns that find it stated in a clause of the text. Patterns stay inside
 * one clause: the text is cut at ，。；before they are tried.
 */
export interface StepDefinition {
  id: MilestoneStep;
  name: string;
  aliases: readonly string[];
  patterns: readonly RegExp[];
}

/**
 * The steps of the national eco-industrial park programme, as this bulletin words them: what an
 * archive gets when its site.yaml defines no steps of its own (`index.steps`).
 */
export const milestoneSteps: readonly StepDefinition[] = [
  { id: 'creation-started', name: '开始创建', aliases: [], patterns: [/(?:开始|启动|批准)[^，。；]{0,20}?创建/] },
  { id: 'planning-approved', name: '规划通过论证', aliases: [], patterns: [/规划[^，。；]{0,10}?通过(?:了)?论证/] },
  {
    id: 'technical-review-passed',
    name: '通过技术核查',
    aliases: [],
    patterns: [/通过(?:了)?[^，。；]{0,20}?技术核查/],
  },
  { id: 'acceptance-passed', name: '通过验收', aliases: [], patterns: [/通过(?:了)?[^，。；]{0,20}?验收/] },
  {
    id: 'title-granted',
    name: '被授予称号',
    aliases: ['命名', '授予称号'],
    patterns: [/授予[^，。；]{0,25}?称号/, /命名为?[^，。；]{0,5}?国家生态工业示范园区/],
  },
];

/** The name readers see; the identifier stands in only for a step the list lacks (hand entries are checked). */
export function stepLabel(steps: readonly StepDefinition[], step: MilestoneStep): string {
  return steps.find((s) => s.id === step)?.name ?? step;
}

/** Editors write a step by its identifier, its name or one of its other names. */
export function stepFromName(steps: readonly StepDefinition[], name: string): MilestoneStep | undefined {
  const trimmed = name.trim();
  return steps.find((s) => s.id === trimmed || s.name === trimmed || s.aliases.includes(trimmed))?.id;
}

export function stepsStatedIn(steps: readonly StepDefinition[], clause: string): MilestoneStep[] {
  return steps.filter((s) => s.patterns.some((p) => p.test(clause))).map((s) => s.id);
}

/**
 * What the steps recognise, as text that changes whenever they do: the preview's cached results
 * per issue file depend on it.
 */
export function stepsFingerprint(steps: readonly StepDefinition[]): string {
  return JSON.stringify(steps.map((s) => [s.id, s.name, s.aliases, s.patterns.map((p) => p.source)]));
}
