import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import type { EntityMark } from '../core/entity-mark.ts';
import { absolute, routes, type Deployment } from '../core/routes.ts';
import type { Article } from '../model.ts';
import { parkEntity } from '../parks/mark-mentions.ts';
import rehypeEntityLinks from './rehype/entity-links.ts';
import type { PictureSet } from './media/picture-plan.ts';
import rehypeFigurePictures from './rehype/figure-pictures.ts';
import rehypeHeadingRank from './rehype/heading-rank.ts';
import rehypeSiteUrls from './rehype/site-urls.ts';

/**
 * Where an article's body is shown, each with its own presentation of the same content:
 * - `page`: the article page, whose h1 is the title, so `####` sub-headings become h2;
 * - `issue`: the issue page, under the article's h3 title; ids prefixed with the article id, since
 *   every article of the issue shares the page;
 * - `feed`: a feed entry, as on the issue page but with absolute links (feed readers have no base);
 * - `data`: the open data's `html`, as on the article page, with absolute links.
 * Pages show responsive pictures; feeds and open data one full-size `<img>` each.
 */
export type ArticleOutput = 'page' | 'issue' | 'feed' | 'data';

interface Presentation {
  headingShift: number;
  prefixIds: boolean;
  absoluteLinks: boolean;
  pictures: 'responsive' | 'plain';
  /** The page opens on this body: pictures at its top load at once. */
  firstScreen: boolean;
}

const presentations: Record<ArticleOutput, Presentation> = {
  page: { headingShift: -2, prefixIds: false, absoluteLinks: false, pictures: 'responsive', firstScreen: true },
  issue: { headingShift: 0, prefixIds: true, absoluteLinks: false, pictures: 'responsive', firstScreen: false },
  feed: { headingShift: 0, prefixIds: true, absoluteLinks: true, pictures: 'plain', firstScreen: false },
  data: { headingShift: -2, prefixIds: false, absoluteLinks: true, pictures: 'plain', firstScreen: false },
};

/** What a body may bring to an output: the model's content, figures and entity marks included. */
const bodySchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption', 'data'],
  attributes: { ...defaultSchema.attributes, data: ['dataEntity', 'value'] },
};

/** Pages for the entities the site has pages for. */
function entityPage(mark: EntityMark): string | undefined {
  return mark.entity === parkEntity ? routes.park(mark.id) : undefined;
}

/**
 * The article's body as HTML for one output. The model's tree is sanitized first, so whatever an
 * enrichment put into it, no script reaches a page; sanitizing also copies it, so the model stays
 * untouched while the site's own plugins then shape the copy (links to pages, classes, heading
 * levels: nothing they add comes from content).
 */
export function articleHtml(
  article: Pick<Article, 'id' | 'body' | 'figures'>,
  output: ArticleOutput,
  deployment: Deployment,
  pictures: ReadonlyMap<string, PictureSet> = new Map(),
): string {
  const presentation = presentations[output];
  const processor = unified()
    .use(rehypeSanitize, { ...bodySchema, clobberPrefix: presentation.prefixIds ? `${article.id}--` : '' })
    .use(rehypeEntityLinks, { href: entityPage })
    .use(rehypeFigurePictures, {
      figures: article.figures,
      pictures,
      form: presentation.pictures,
      firstScreen: presentation.firstScreen,
    })
    .use(rehypeHeadingRank, { shift: presentation.headingShift, highest: 2 })
    .use(rehypeSiteUrls, { url: (path) => (presentation.absoluteLinks ? absolute(path, deployment) : path) })
    .use(rehypeStringify);
  return processor.stringify(processor.runSync(article.body));
}
