import { defineRule } from '../lint.ts';

/** Text before the first column: no article would show it. */
export const outsideSection = defineRule('outside-section', 'error', ({ file, draft }) => {
  for (const stray of draft.strayContent) {
    if (stray.section) continue;
    file.message('这段内容在第一个栏目之前，不属于任何文章：正文须放在 “## 栏目” 和 “### 文章标题” 之下。', stray.node);
  }
});
