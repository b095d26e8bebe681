import { visit } from 'unist-util-visit';
import { isSafeUrl } from '../../core/safe-url.ts';
import { defineRule } from '../lint.ts';
import { columnArticles } from './articles.ts';

/**
 * Links other than web, mail or file addresses (javascript:, data:) are dropped. Pictures have
 * their own, stricter rules (picture-scheme, media-outside).
 */
export const unsafeUrl = defineRule('unsafe-url', 'warning', ({ file, draft }) => {
  for (const article of columnArticles(draft)) {
    for (const block of article.body) {
      if (block.type === 'heading' && block.depth < 4) continue;
      visit(block, 'link', (node) => {
        if (isSafeUrl(node.url, { allowMail: true })) return;
        file.message(
          `地址 “${node.url.slice(0, 40)}” 不是网页或文件地址，已忽略（只显示文字，不作链接）。` +
            '请改用 http(s):// 地址或相对路径。',
          node,
        );
      });
    }
  }
});
