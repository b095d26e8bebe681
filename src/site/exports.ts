import { absolute, routes, type Deployment } from '../core/routes.ts';
import type { Article, Figure, FigureImage, FigurePicture, Issue, Original } from '../model.ts';
import { articleHtml } from './article-html.ts';
import type { SiteMedia } from './media/site-media.ts';

/** A media file as the open data names it: never where it lies on the machine that built the site. */
type PublishedFile<T extends { sourcePath: string }> = Omit<T, 'sourcePath'>;
/**
 * A picture as the open data publishes it: `src` is its full-size file on the site (an absolute
 * URL, with its size), or the address as written for a picture on another site.
 */
type PublishedPicture = Omit<FigurePicture, 'image'> & {
  width?: number;
  height?: number;
  image?: PublishedFile<FigureImage>;
};
/** A figure as the open data publishes it: its caption and its pictures in order (none for a caption-only one). */
type PublishedFigure = Omit<Figure, 'pictures'> & { pictures: PublishedPicture[] };
type PublishedOriginal = PublishedFile<Original> & { url: string };

/**
 * An article as the open data publishes it: the model's fields, the body as HTML (docs/deploy.md).
 * `parks` only where the archive tracks parks: another bulletin's data says nothing of them.
 */
export type OpenDataArticle = Omit<Article, 'body' | 'figures' | 'parks'> & {
  parks?: Article['parks'];
  figures: PublishedFigure[];
  /** The original PDF opened at the article's first page (`originalPage`). */
  originalPageUrl?: string;
  html: string;
};
export type OpenDataIssue = Omit<Issue, 'sections' | 'original'> & {
  original?: PublishedOriginal;
  sections: (Omit<Issue['sections'][number], 'articles'> & { articles: OpenDataArticle[] })[];
};

/** What the open data holds besides each issue's own model. */
export interface OpenDataOptions {
  /** Whether the archive has a park gazetteer with parks in it; without, no article carries `parks`. */
  parks: boolean;
}

/** An article's parks where the archive tracks them; nothing at all where it does not. */
const parksOf = (parks: Article['parks'], options: OpenDataOptions) => (options.parks ? { parks } : {});

const withoutSourcePath = <T extends { sourcePath: string }>({ sourcePath: _, ...file }: T): PublishedFile<T> => file;

/** The model's absolute paths on disk (for image processing and copying) stay out of published data. */
function publishedMedia(
  issue: Issue,
  deployment: Deployment,
): Omit<Issue, 'original'> & { original?: PublishedOriginal } {
  const { original, ...rest } = issue;
  if (!original) return rest;
  const published = { ...withoutSourcePath(original), url: absolute(routes.original(issue), deployment) };
  // Replaced in place, so the field keeps its place in the published order.
  return { ...issue, original: published };
}

function publishedFigures(figures: readonly Figure[], deployment: Deployment, media: SiteMedia): PublishedFigure[] {
  return figures.map((figure) => ({
    ...figure,
    pictures: figure.pictures.map(({ image, ...picture }) => {
      const set = image ? media.pictures.get(image.digest) : undefined;
      if (!image || !set) return picture;
      const { full, width, height } = set;
      return { ...picture, src: absolute(full, deployment), width, height, image: withoutSourcePath(image) };
    }),
  }));
}

function originalPageUrl(issue: Issue, article: Pick<Article, 'originalPage'>, deployment: Deployment) {
  return issue.original && article.originalPage !== undefined
    ? { originalPageUrl: absolute(routes.originalPage(issue, article.originalPage), deployment) }
    : {};
}

/** `/api/issues/2018-01.json`: one issue's full model, each body rendered for data users (absolute links). */
export function openDataIssue(
  issue: Issue,
  deployment: Deployment,
  media: SiteMedia,
  options: OpenDataOptions,
): OpenDataIssue {
  return {
    ...publishedMedia(issue, deployment),
    sections: issue.sections.map((section) => ({
      ...section,
      // The documented field order: html where it always stood, before text.
      articles: section.articles.map(({ body, text, parks, ...article }) => ({
        ...article,
        figures: publishedFigures(article.figures, deployment, media),
        ...originalPageUrl(issue, article, deployment),
        html: articleHtml({ id: article.id, body, figures: article.figures }, 'data', deployment, media.pictures),
        text,
        ...parksOf(parks, options),
      })),
    })),
  };
}

/**
 * `/api/issues.json`: every issue with its articles' metadata but without their bodies and text,
 * small enough to fetch whole; `dataUrl` leads to the full model of one issue.
 */
export function issuesIndex(
  issues: readonly Issue[],
  settings: Deployment & { title: string },
  media: SiteMedia,
  options: OpenDataOptions,
): Record<string, unknown> {
  return {
    title: settings.title,
    homePageUrl: absolute(routes.home, settings),
    issues: issues.map((issue) => ({
      ...publishedMedia(issue, settings),
      pageUrl: absolute(issue.url, settings),
      dataUrl: absolute(routes.issueData(issue.id), settings),
      sections: issue.sections.map((section) => ({
        ...section,
        articles: section.articles.map(({ body: _body, text: _text, parks, ...article }) => ({
          ...article,
          ...parksOf(parks, options),
          figures: publishedFigures(article.figures, settings, media),
          ...originalPageUrl(issue, article, settings),
          pageUrl: absolute(article.url, settings),
        })),
      })),
    })),
  };
}
