import type { Article } from '../../model.ts';
import type { PictureSet } from './picture-plan.ts';
import { pictureFiles } from '../../core/picture-files.ts';

/** The first processed picture of these articles: what a feed item, `og:image` or a search result shows. */
export function firstPicture(
  articles: readonly Pick<Article, 'figures'>[],
  pictures: ReadonlyMap<string, PictureSet>,
): PictureSet | undefined {
  for (const article of articles)
    for (const { image } of pictureFiles(article.figures)) {
      const set = pictures.get(image.digest);
      if (set) return set;
    }
  return undefined;
}
