import { visit } from 'unist-util-visit';
import { isSafeUrl } from '../../core/safe-url.ts';
import { defineRule } from '../lint.ts';
import { columnArticles } from './articles.ts';

/** Links and pictures other than web, mail or file addresses (javascript:, data:) are dropped. */
export const unsafeUrl = defineRule('unsafe-url', 'warning', ({ file, draft }) => {
  for (const article of columnArticles(draft)) {
    for (const block of article.body) {
      if (block.type === 'heading' && block.depth < 4) continue;
      visit(block, ['link', 'image'], (node) => {
        if (node.type !== 'link' && node.type !== 'image') return;
        if (isSafeUrl(node.url, { allowMail: node.type === 'link' })) return;
        const dropped = node.type === 'image' ? '（图片按“图片暂缺”显示）' : '（只显示文字，不作链接）';
        file.message(
          `地址 “${node.url.slice(0, 40)}” 不是网页或文件地址，已忽略${dropped}。请改用 http(s):// 地址或相对路径。`,
          node,
        );
      });
    }
  }
});
