import { defineRule } from '../lint.ts';
import { columnArticles } from './articles.ts';

/** The bulletin's longest titles are about 40 characters: beyond this, text has likely joined the title. */
export const maxTitleLength = 60;

/**
 * A title over 60 characters: usually a subtitle or the first paragraph typed onto the title's
 * line, or a title and its article run together. Only a warning: a title may be that long.
 */
export const titleLength = defineRule('title-length', 'warning', ({ file, draft }) => {
  for (const article of columnArticles(draft)) {
    const length = Array.from(article.title).length;
    if (length <= maxTitleLength) continue;
    file.message(
      `文章标题有 ${length} 个字，超过 ${maxTitleLength} 个字，多半是副标题或正文写进了标题这一行：` +
        `请把副标题（——…）或正文另起一段，与标题之间空一行；标题确实这么长时可以不改。`,
      article.heading,
    );
  }
});
