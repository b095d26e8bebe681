import { visit } from 'unist-util-visit';
import { defineRule } from '../lint.ts';
import { columnArticles } from './articles.ts';

/** HTML in the text is shown as text, never run: say so, since the editor probably meant markup. */
export const rawHtml = defineRule('raw-html', 'warning', ({ file, draft }) => {
  for (const article of columnArticles(draft)) {
    for (const block of article.body) {
      if (block.type === 'heading' && block.depth < 4) continue;
      visit(block, 'html', (node) => {
        file.message(
          '正文中的 HTML 代码不会生效，会原样显示为文字。如需图片请用 ![说明](图片路径)，小标题用 ####。',
          node,
        );
      });
    }
  }
});
