import { toString } from 'mdast-util-to-string';
import { pointInHeading } from '../lint.ts';
import { defineRule } from '../lint.ts';
import { columnArticles } from './articles.ts';

/**
 * An attribute block written with full-width braces, `｛#p3 page=4｝` (or one of them): it is
 * no attribute block, so it joins the title and the article's id becomes a hash of it.
 */
const wideBlock = /[{｛]([^{}｛｝]*)[}｝]\s*$/u;

/** The block as it should be: half-width braces, `#` and `=`. */
function halfWidth(block: string): string {
  return block.replace(
    /[｛｝＃＝＂\u3000]/gu,
    (char) => ({ '｛': '{', '｝': '}', '＃': '#', '＝': '=', '＂': '"' })[char] ?? ' ',
  );
}

export const attributeBraces = defineRule('attribute-braces', 'error', ({ file, draft }) => {
  for (const article of columnArticles(draft)) {
    const heading = toString(article.heading);
    const match = wideBlock.exec(heading);
    if (!match || !/[｛｝]/u.test(match[0]) || !/[#＃=＝]/u.test(match[1] ?? '')) continue;
    const block = match[0].trim();
    file.message(
      `标题末尾的属性“${block}”用了全角花括号，不会被读作属性，会并入标题：请改成半角“${halfWidth(block)}”。`,
      pointInHeading(file, article.heading, heading.indexOf(block, match.index)),
    );
  }
});
