import { absolute, routes, type Deployment } from '../core/routes.ts';
import type { Article, Figure, FigureImage, Issue, Original } from '../model.ts';
import { articleHtml } from './article-html.ts';

/** A media file as the open data names it: never where it lies on the machine that built the site. */
type PublishedFile<T extends { sourcePath: string }> = Omit<T, 'sourcePath'>;
type PublishedFigure = Omit<Figure, 'image'> & { image?: PublishedFile<FigureImage> };

/** An article as the open data publishes it: the model's fields, the body as HTML (docs/deploy.md). */
export type OpenDataArticle = Omit<Article, 'body' | 'figures'> & { figures: PublishedFigure[]; html: string };
export type OpenDataIssue = Omit<Issue, 'sections' | 'original'> & {
  original?: PublishedFile<Original>;
  sections: (Omit<Issue['sections'][number], 'articles'> & { articles: OpenDataArticle[] })[];
};

const withoutSourcePath = <T extends { sourcePath: string }>({ sourcePath: _, ...file }: T): PublishedFile<T> => file;

/** The model's absolute paths on disk (for image processing and copying) stay out of published data. */
function publishedMedia<T extends Pick<Issue, 'original'>>(issue: T) {
  // Replaced in place, so the field keeps its place in the published order.
  return { ...issue, ...(issue.original ? { original: withoutSourcePath(issue.original) } : {}) };
}

const publishedFigures = (figures: readonly Figure[]): PublishedFigure[] =>
  figures.map(({ image, ...figure }) => ({ ...figure, ...(image ? { image: withoutSourcePath(image) } : {}) }));

/** `/api/issues/2018-01.json`: one issue's full model, each body rendered for data users (absolute links). */
export function openDataIssue(issue: Issue, deployment: Deployment): OpenDataIssue {
  return {
    ...publishedMedia(issue),
    sections: issue.sections.map((section) => ({
      ...section,
      // The documented field order: html where it always stood, before text.
      articles: section.articles.map(({ body, text, parks, ...article }) => ({
        ...article,
        figures: publishedFigures(article.figures),
        html: articleHtml({ id: article.id, body }, 'data', deployment),
        text,
        parks,
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
): Record<string, unknown> {
  return {
    title: settings.title,
    homePageUrl: absolute(routes.home, settings),
    issues: issues.map((issue) => ({
      ...publishedMedia(issue),
      pageUrl: absolute(issue.url, settings),
      dataUrl: absolute(routes.issueData(issue.id), settings),
      sections: issue.sections.map((section) => ({
        ...section,
        articles: section.articles.map(({ body: _body, text: _text, ...article }) => ({
          ...article,
          figures: publishedFigures(article.figures),
          pageUrl: absolute(article.url, settings),
        })),
      })),
    })),
  };
}
