import { defineRule } from '../lint.ts';
import { columnArticles } from './articles.ts';

/** Sub-headings go down one level at a time from `####`, so the page outline has no gaps. */
export const headingOrder = defineRule('heading-order', 'error', ({ file, draft }) => {
  for (const article of columnArticles(draft)) {
    let depth = 3;
    for (const block of article.body) {
      if (block.type !== 'heading') continue;
      if (block.depth > depth + 1) {
        file.message(
          `小标题跳级：${'#'.repeat(block.depth)} 前面没有 ${'#'.repeat(depth + 1)}。` +
            '文章下的小标题从 #### 开始，逐级往下用 #####、######。',
          block,
        );
      }
      depth = block.depth;
    }
  }
});
