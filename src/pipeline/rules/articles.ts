import { toString } from 'mdast-util-to-string';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { splitHeadingAttributes } from '../../core/content-format.ts';
import { pointInHeading } from '../lint.ts';
import type { ArticleDraft, IssueDraft } from '../structure.ts';

/**
 * The articles the article rules check: those in columns. An article before the first column is
 * reported once, as such (article-outside-section), rather than again for what it lacks.
 */
export function columnArticles(draft: IssueDraft): ArticleDraft[] {
  return draft.sections.flatMap((section) => section.articles);
}

/** Where an article heading's attribute block starts, for messages about its attributes. */
export function attributesPoint(file: VFile, article: ArticleDraft): Point | undefined {
  const offset = splitHeadingAttributes(toString(article.heading)).blockOffset;
  if (offset === undefined) return article.heading.position?.start;
  // The block starts after the spaces that separate it from the title.
  const heading = toString(article.heading);
  const brace = heading.indexOf('{', offset);
  return pointInHeading(file, article.heading, brace < 0 ? offset : brace);
}

/** The printed page an attribute value names, when it is a page number at all (1–9999). */
export function printedPage(value: string): number | undefined {
  return /^[1-9]\d{0,3}$/.test(value) ? Number(value) : undefined;
}
