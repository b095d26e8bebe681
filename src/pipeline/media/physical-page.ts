import type { HeadingAttributes } from '../../core/content-format.ts';
import { printedPage } from '../rules/articles.ts';

/**
 * The page of the original PDF where an article starts: its heading's `pdf=N`, else its printed
 * `page=` plus the issue's `originalPageOffset` (0 unless stated). Undefined when neither page is
 * known or `pdf=` is no page number (the original-page rule says so).
 */
export function physicalPage(attributes: HeadingAttributes | undefined, offset = 0): number | undefined {
  if (attributes?.pdf !== undefined) return printedPage(attributes.pdf);
  const page = attributes?.page === undefined ? undefined : printedPage(attributes.page);
  return page === undefined ? undefined : page + offset;
}
