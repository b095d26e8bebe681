import type { Article, Issue } from '../model.ts';
import { absolute, type Deployment } from '../core/routes.ts';

type CitedIssue = Pick<Issue, 'series' | 'publisher' | 'year' | 'number' | 'cumulativeNumber' | 'date' | 'url'>;
type CitedArticle = Pick<Article, 'title' | 'page' | 'url'> & Partial<Pick<Article, 'subtitle'>>;
type UrlSettings = Deployment;

/**
 * GB/T 7714-2015 journal reference: 主要责任者. 题名[J]. 刊名, 年(期): 页码.
 * The bulletin names no authors, so the issuing office stands as the responsible body.
 */
export function gbtReference(article: CitedArticle, issue: CitedIssue): string {
  const page = article.page === undefined ? '' : `: ${article.page}`;
  return `${issue.publisher}. ${article.title}[J]. ${issue.series}, ${issue.year}(${issue.number})${page}.`;
}

export interface MetaTag {
  name: string;
  content: string;
}

/** Highwire Press tags, read by Google Scholar and reference managers (Zotero). */
export function citationMeta(article: CitedArticle, issue: CitedIssue, settings: UrlSettings): MetaTag[] {
  const tags: MetaTag[] = [
    { name: 'citation_title', content: article.title },
    { name: 'citation_author', content: issue.publisher },
    { name: 'citation_journal_title', content: issue.series },
    { name: 'citation_publisher', content: issue.publisher },
    { name: 'citation_publication_date', content: issue.date.replace(/-/g, '/') },
    { name: 'citation_issue', content: String(issue.number) },
  ];
  if (article.page !== undefined) tags.push({ name: 'citation_firstpage', content: String(article.page) });
  tags.push(
    { name: 'citation_language', content: 'zh' },
    { name: 'citation_abstract_html_url', content: absolute(article.url, settings) },
  );
  return tags;
}

/** schema.org: the Article is part of a PublicationIssue, which is part of the Periodical. */
export function articleJsonLd(
  article: CitedArticle,
  issue: CitedIssue,
  settings: UrlSettings,
): Record<string, unknown> {
  const publisher = { '@type': 'Organization', name: issue.publisher };
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: article.title,
    ...(article.subtitle ? { alternativeHeadline: article.subtitle } : {}),
    url: absolute(article.url, settings),
    inLanguage: 'zh-CN',
    datePublished: issue.date,
    author: publisher,
    publisher,
    ...(article.page === undefined ? {} : { pageStart: String(article.page) }),
    isPartOf: {
      '@type': 'PublicationIssue',
      issueNumber: String(issue.number),
      datePublished: issue.date,
      url: absolute(issue.url, settings),
      isPartOf: { '@type': 'Periodical', name: issue.series, publisher },
    },
  };
}
