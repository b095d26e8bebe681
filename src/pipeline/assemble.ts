import type { Article, Issue, Section } from '../model.ts';
import { distinctParks, type ParkMatcher } from '../parks/matcher.ts';
import { articleId } from './article-id.ts';
import type { Masthead } from './masthead.ts';
import { renderArticleBody } from './render.ts';
import type { ArticleDraft, IssueDraft } from './structure.ts';

export function issueId(year: number, number: number): string {
  return `${year}-${String(number).padStart(2, '0')}`;
}

/** Issue pages live at /YYYY/NN/, articles below them; the scheme is public and must not change. */
export function issueUrl(year: number, number: number): string {
  return `/${year}/${String(number).padStart(2, '0')}/`;
}

/** Builds the typed issue from a validated draft; call only when validation found no error. */
export function assembleIssue(draft: IssueDraft, masthead: Masthead, sourcePath: string, parks: ParkMatcher): Issue {
  const url = issueUrl(masthead.year, masthead.number);
  const sections: Section[] = draft.sections.map((section) => ({
    kind: section.kind?.kind ?? '',
    title: section.title,
    articles: section.articles.map((article) => assembleArticle(article, url, parks)),
  }));
  return { id: issueId(masthead.year, masthead.number), ...masthead, url, sourcePath, sections };
}

function assembleArticle(draft: ArticleDraft, issueUrl: string, parks: ParkMatcher): Article {
  const id = articleId(draft.title, draft.attributes?.id);
  const { html, text, headings, figures } = renderArticleBody(draft.body, draft.subtitle?.text, parks);
  const page = draft.attributes?.page;
  const contentsTitle = draft.attributes?.contents?.trim();
  return {
    id,
    title: draft.title,
    ...(draft.subtitle ? { subtitle: draft.subtitle.text } : {}),
    ...(page !== undefined ? { page: Number(page) } : {}),
    ...(contentsTitle && contentsTitle !== draft.title ? { contentsTitle } : {}),
    url: `${issueUrl}${id}/`,
    headings,
    figures,
    html,
    text,
    parks: distinctParks(parks.find(`${draft.title}\n${text}`)),
  };
}
