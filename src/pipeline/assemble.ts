import { issueId } from '../core/content-format.ts';
import { routes } from '../core/routes.ts';
import type { Article, Issue, Section } from '../model.ts';
import { articleId } from './article-id.ts';
import type { Enrichment } from './enrichment.ts';
import type { Masthead } from './masthead.ts';
import { renderArticleBody } from './render.ts';
import type { ArticleDraft, IssueDraft } from './structure.ts';

/** Builds the typed issue from a checked draft; call only when the checks found no error. */
export function assembleIssue(
  draft: IssueDraft,
  masthead: Masthead,
  sourcePath: string,
  enrichments: readonly Enrichment[],
): Issue {
  const sections: Section[] = draft.sections.map((section) => ({
    kind: section.kind?.kind ?? '',
    title: section.title,
    articles: section.articles.map((article) => enrich(assembleArticle(article, masthead), enrichments)),
  }));
  return {
    id: issueId(masthead.year, masthead.number),
    ...masthead,
    url: routes.issue(masthead),
    sourcePath,
    sections,
  };
}

function assembleArticle(draft: ArticleDraft, masthead: Masthead): Article {
  const id = articleId(draft.title, draft.attributes?.id);
  const { body, text, headings, figures } = renderArticleBody(draft.body, draft.subtitle?.text);
  const page = draft.attributes?.page;
  const contentsTitle = draft.attributes?.contents?.trim();
  return {
    id,
    title: draft.title,
    ...(draft.subtitle ? { subtitle: draft.subtitle.text } : {}),
    ...(page !== undefined ? { page: Number(page) } : {}),
    ...(contentsTitle && contentsTitle !== draft.title ? { contentsTitle } : {}),
    url: routes.article(masthead, id),
    headings,
    figures,
    body,
    text,
    parks: [],
  };
}

function enrich(article: Article, enrichments: readonly Enrichment[]): Article {
  return enrichments.reduce((current, enrichment) => enrichment.enrichArticle?.(current) ?? current, article);
}
