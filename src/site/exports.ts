import type { Issue } from '../model.ts';
import { absoluteUrl, type SiteSettings } from './settings.ts';

type UrlSettings = Pick<SiteSettings, 'baseUrl' | 'pathPrefix'>;

/** Where one issue's full model is published as open data. */
export function issueDataPath(issue: Pick<Issue, 'id'>): string {
  return `/api/issues/${issue.id}.json`;
}

/**
 * `/api/issues.json`: every issue with its articles' metadata but without their HTML and text,
 * small enough to fetch whole; `dataUrl` leads to the full model of one issue.
 */
export function issuesIndex(issues: readonly Issue[], settings: UrlSettings & Pick<SiteSettings, 'title'>): Record<string, unknown> {
  return {
    title: settings.title,
    homePageUrl: absoluteUrl('/', settings),
    issues: issues.map((issue) => ({
      ...issue,
      pageUrl: absoluteUrl(issue.url, settings),
      dataUrl: absoluteUrl(issueDataPath(issue), settings),
      sections: issue.sections.map((section) => ({
        ...section,
        articles: section.articles.map(({ html: _html, text: _text, ...article }) => ({ ...article, pageUrl: absoluteUrl(article.url, settings) })),
      })),
    })),
  };
}
