import { defineRule } from '../lint.ts';

/** A column heading with no article under it. */
export const emptySection = defineRule('empty-section', 'error', ({ file, draft }) => {
  for (const section of draft.sections) {
    if (section.articles.length > 0) continue;
    file.message(
      `栏目 “${section.title}” 下没有文章：请在下面加文章（### 标题），或删去这个栏目标题。`,
      section.heading,
    );
  }
});
