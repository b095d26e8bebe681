import type { Root } from 'hast';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import type { EntityMark } from '../core/entity-mark.ts';
import { absolute, routes, type Deployment } from '../core/routes.ts';
import type { Article } from '../model.ts';
import rehypeEntityLinks from './rehype/entity-links.ts';
import rehypeFigurePresentation from './rehype/figure-presentation.ts';
import rehypeHeadingRank from './rehype/heading-rank.ts';
import rehypeSiteUrls from './rehype/site-urls.ts';
import { uiStrings } from './ui-strings.ts';

/**
 * Where an article's body is shown, each with its own presentation of the same content:
 * - `page`: the article page, whose h1 is the title, so `####` sub-headings become h2;
 * - `issue`: the issue page, under the article's h3 title; ids prefixed with the article id, since
 *   every article of the issue shares the page;
 * - `feed`: a feed entry, as on the issue page but with absolute links (feed readers have no base);
 * - `data`: the open data's `html`, as on the article page, with absolute links and no
 *   "photo missing" boxes (they are presentation, not content).
 */
export type ArticleOutput = 'page' | 'issue' | 'feed' | 'data';

interface Presentation {
  headingShift: number;
  prefixIds: boolean;
  absoluteLinks: boolean;
  placeholders: boolean;
}

const presentations: Record<ArticleOutput, Presentation> = {
  page: { headingShift: -2, prefixIds: false, absoluteLinks: false, placeholders: true },
  issue: { headingShift: 0, prefixIds: true, absoluteLinks: false, placeholders: true },
  feed: { headingShift: 0, prefixIds: true, absoluteLinks: true, placeholders: true },
  data: { headingShift: -2, prefixIds: false, absoluteLinks: true, placeholders: false },
};

/** What the rendered body may contain: the model's content plus the site's own figure markup. */
const outputSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption'],
  attributes: {
    ...defaultSchema.attributes,
    figure: [['className', 'figure', 'figure-pending']],
    div: [...(defaultSchema.attributes?.div ?? []), ['className', 'figure-placeholder']],
    img: [...(defaultSchema.attributes?.img ?? []), ['loading', 'lazy']],
  },
};

/** Pages for the entities the site has pages for. */
function entityPage(mark: EntityMark): string | undefined {
  return mark.entity === 'park' ? routes.park(mark.id) : undefined;
}

/**
 * The article's body as HTML for one output. The model's tree is left untouched; the output is
 * sanitized again, so whatever a plug-in added to the tree, no script reaches a page.
 */
export function articleHtml(
  article: Pick<Article, 'id' | 'body'>,
  output: ArticleOutput,
  deployment: Deployment,
): string {
  const presentation = presentations[output];
  const processor = unified()
    .use(rehypeEntityLinks, { href: entityPage })
    .use(rehypeFigurePresentation, presentation.placeholders ? { placeholder: uiStrings.photoMissing } : {})
    .use(rehypeHeadingRank, { shift: presentation.headingShift, highest: 2 })
    .use(rehypeSiteUrls, { url: (path) => (presentation.absoluteLinks ? absolute(path, deployment) : path) })
    .use(rehypeSanitize, { ...outputSchema, clobberPrefix: presentation.prefixIds ? `${article.id}--` : '' })
    .use(rehypeStringify);
  const tree: Root = structuredClone(article.body);
  return processor.stringify(processor.runSync(tree));
}
