import { absolute, routes, type Deployment } from '../core/routes.ts';
import type { Article, Issue } from '../model.ts';
import { articleHtml } from './article-html.ts';

/** An article as the open data publishes it: the model's fields, the body as HTML (docs/deploy.md). */
export type OpenDataArticle = Omit<Article, 'body'> & { html: string };
export type OpenDataIssue = Omit<Issue, 'sections'> & {
  sections: (Omit<Issue['sections'][number], 'articles'> & { articles: OpenDataArticle[] })[];
};

/** `/api/issues/2018-01.json`: one issue's full model, each body rendered for data users (absolute links). */
export function openDataIssue(issue: Issue, deployment: Deployment): OpenDataIssue {
  return {
    ...issue,
    sections: issue.sections.map((section) => ({
      ...section,
      // The documented field order: html where it always stood, before text.
      articles: section.articles.map(({ body, text, parks, ...article }) => ({
        ...article,
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
      ...issue,
      pageUrl: absolute(issue.url, settings),
      dataUrl: absolute(routes.issueData(issue.id), settings),
      sections: issue.sections.map((section) => ({
        ...section,
        articles: section.articles.map(({ body: _body, text: _text, ...article }) => ({
          ...article,
          pageUrl: absolute(article.url, settings),
        })),
      })),
    })),
  };
}
