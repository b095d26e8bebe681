import type { LintRule } from '../lint.ts';
import { articleId } from './article-id.ts';
import { articleOutsideSection } from './article-outside-section.ts';
import { duplicateArticleId } from './duplicate-article-id.ts';
import { duplicateSection } from './duplicate-section.ts';
import { emptyArticle } from './empty-article.ts';
import { emptySection } from './empty-section.ts';
import { emptyTitle } from './empty-title.ts';
import { headingAttribute } from './heading-attribute.ts';
import { headingLevel } from './heading-level.ts';
import { headingOrder } from './heading-order.ts';
import { noSections } from './no-sections.ts';
import { outsideArticle } from './outside-article.ts';
import { outsideSection } from './outside-section.ts';
import { pageInvalid } from './page-invalid.ts';
import { pageOrder } from './page-order.ts';
import { rawHtml } from './raw-html.ts';
import { subtitlePosition } from './subtitle-position.ts';
import { unknownSection } from './unknown-section.ts';
import { unsafeUrl } from './unsafe-url.ts';
import { attributeBraces } from './attribute-braces.ts';
import { blankLineMissing } from './blank-line-missing.ts';
import { captionMark } from './caption-mark.ts';
import { headingMark } from './heading-mark.ts';
import { pictureMark } from './picture-mark.ts';
import { subtitleJoined } from './subtitle-joined.ts';
import { subtitleMark } from './subtitle-mark.ts';
import { titleLength } from './title-length.ts';
import { mediaOutside } from './media-outside.ts';
import { originalFormat } from './original-format.ts';
import { originalMissing } from './original-missing.ts';
import { originalPage } from './original-page.ts';
import { pictureCaption } from './picture-caption.ts';
import { pictureFormat } from './picture-format.ts';
import { pictureInText } from './picture-in-text.ts';
import { pictureMissing } from './picture-missing.ts';
import { pictureNarrow } from './picture-narrow.ts';
import { pictureRemote } from './picture-remote.ts';
import { pictureScheme } from './picture-scheme.ts';
import { pictureTooLarge } from './picture-too-large.ts';

/** The rules every issue file is checked with; enrichments add their own (src/parks/rules). */
export const issueRules: readonly LintRule[] = [
  headingLevel,
  unknownSection,
  duplicateSection,
  articleOutsideSection,
  outsideSection,
  outsideArticle,
  emptySection,
  emptyTitle,
  headingAttribute,
  articleId,
  duplicateArticleId,
  pageInvalid,
  pageOrder,
  emptyArticle,
  headingOrder,
  subtitlePosition,
  rawHtml,
  unsafeUrl,
  mediaOutside,
  pictureScheme,
  pictureRemote,
  pictureMissing,
  pictureInText,
  pictureFormat,
  pictureTooLarge,
  pictureNarrow,
  pictureCaption,
  originalMissing,
  originalFormat,
  originalPage,
  noSections,
  // Near misses: what an editor typed for a mark of the format, which Markdown reads as text.
  headingMark,
  attributeBraces,
  titleLength,
  subtitleJoined,
  subtitleMark,
  blankLineMissing,
  captionMark,
  pictureMark,
];
