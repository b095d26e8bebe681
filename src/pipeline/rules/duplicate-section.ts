import { defineRule } from '../lint.ts';

/** One column written twice: its articles belong under one `##`. */
export const duplicateSection = defineRule('duplicate-section', 'error', ({ file, draft }) => {
  const seen = new Map<string, number>();
  for (const section of draft.sections) {
    if (!section.kind) continue;
    const earlier = seen.get(section.kind.kind);
    if (earlier === undefined) seen.set(section.kind.kind, section.place.line);
    else
      file.message(
        `栏目 “${section.title}” 在本期已出现过（第 ${earlier} 行）：同一栏目的文章请放在一个 ## 标题之下。`,
        section.heading,
      );
  }
});
