import { defineRule } from '../lint.ts';

/** A file whose body is empty: the issue would have no contents at all. */
export const noSections = defineRule('no-sections', 'error', ({ file, draft }) => {
  const empty =
    draft.sections.length === 0 &&
    draft.strayArticles.length === 0 &&
    draft.strayContent.length === 0 &&
    draft.levelOneHeadings.length === 0;
  if (empty) file.message('本期没有任何栏目和文章：请用 “## 栏目名称” 和 “### 文章标题” 写入正文。', draft.end);
});
