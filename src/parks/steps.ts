import type { MilestoneStep } from '../model.ts';

/**
 * The programme steps, how the bulletin words them, and the label shown to readers. A clause
 * states a step when one of its patterns matches; patterns stay inside one clause (no ，。；).
 */
export const milestoneSteps: { step: MilestoneStep; label: string; patterns: RegExp[] }[] = [
  { step: 'creation-started', label: '开始创建', patterns: [/(?:开始|启动|批准)[^，。；]{0,20}?创建/] },
  { step: 'planning-approved', label: '规划通过论证', patterns: [/规划[^，。；]{0,10}?通过(?:了)?论证/] },
  { step: 'technical-review-passed', label: '通过技术核查', patterns: [/通过(?:了)?[^，。；]{0,20}?技术核查/] },
  { step: 'acceptance-passed', label: '通过验收', patterns: [/通过(?:了)?[^，。；]{0,20}?验收/] },
  {
    step: 'title-granted',
    label: '被授予称号',
    patterns: [/授予[^，。；]{0,25}?称号/, /命名为?[^，。；]{0,5}?国家生态工业示范园区/],
  },
];

export function stepLabel(step: MilestoneStep): string {
  // Every step is listed above; the identifier stands in only if one were added without a label.
  return milestoneSteps.find((s) => s.step === step)?.label ?? step;
}

/** Editors write a step by its Chinese label or its identifier. */
export function stepFromName(name: string): MilestoneStep | undefined {
  const trimmed = name.trim();
  return milestoneSteps.find(
    (s) =>
      s.step === trimmed || s.label === trimmed || (s.step === 'title-granted' && /^(?:命名|授予称号)$/.test(trimmed)),
  )?.step;
}

export function stepsStatedIn(clause: string): MilestoneStep[] {
  return milestoneSteps.filter((s) => s.patterns.some((p) => p.test(clause))).map((s) => s.step);
}
