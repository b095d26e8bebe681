import { defineRule } from '../lint.ts';
import { paragraphSubtitle } from '../structure.ts';
import { columnArticles } from './articles.ts';

/** A `——` line further down the article would be read as body text, not as the subtitle. */
export const subtitlePosition = defineRule('subtitle-position', 'error', ({ file, draft }) => {
  for (const article of columnArticles(draft)) {
    for (const block of article.body) {
      if (paragraphSubtitle(block) === undefined) continue;
      file.message(
        '以 —— 开头的副标题只能紧跟在文章标题（###）之下，作为标题下的第一段。请把它移到标题下，或删去开头的破折号。',
        block,
      );
    }
  }
});
