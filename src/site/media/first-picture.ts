import type { Article } from '../../model.ts';
import type { PictureSet } from './picture-plan.ts';

/** The first processed picture of these articles: what a feed item, `og:image` or a search result shows. */
export function firstPicture(
  articles: readonly Pick<Article, 'figures'>[],
  pictures: ReadonlyMap<string, PictureSet>,
): PictureSet | undefined {
  for (const article of articles)
    for (const figure of article.figures)
      for (const picture of figure.pictures) {
        const set = picture.image && pictures.get(picture.image.digest);
        if (set) return set;
      }
  return undefined;
}
