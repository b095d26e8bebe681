import { defineRule } from '../lint.ts';

/** `#` headings: the masthead lives in the front matter, columns are `##`, articles `###`. */
export const headingLevel = defineRule('heading-level', 'error', ({ file, draft }) => {
  for (const heading of draft.levelOneHeadings) {
    file.message(
      '不使用一级标题（#）：刊名、期号等写在文件开头的刊头信息里。栏目用 ##，文章用 ###，小标题用 ####。',
      heading,
    );
  }
});
