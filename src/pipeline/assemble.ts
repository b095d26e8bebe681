import { issueId } from '../core/content-format.ts';
import { routes } from '../core/routes.ts';
import type { Article, FigureImage, Issue, Original, Section } from '../model.ts';
import { articleId } from './article-id.ts';
import type { Enrichment } from './enrichment.ts';
import type { Masthead } from './masthead.ts';
import { figureImages, type IssueMedia } from './media/examine.ts';
import { physicalPage } from './media/physical-page.ts';
import { renderArticleBody } from './render.ts';
import type { ArticleDraft, IssueDraft } from './structure.ts';

/** What an article takes from the issue's media: its pictures by address, the original, the page offset. */
interface ArticleMedia {
  images: ReadonlyMap<string, FigureImage>;
  original?: Original;
  pageOffset?: number;
}

/** Builds the typed issue from a checked draft; call only when the checks found no error. */
export function assembleIssue(
  draft: IssueDraft,
  masthead: Masthead,
  sourcePath: string,
  enrichments: readonly Enrichment[],
  media: IssueMedia,
): Issue {
  const original = media.original?.finding.kind === 'pdf' ? media.original.finding.original : undefined;
  const articleMedia: ArticleMedia = {
    images: figureImages(media),
    ...(original ? { original } : {}),
    ...(media.pageOffset ? { pageOffset: media.pageOffset.value } : {}),
  };
  const sections: Section[] = draft.sections.map((section) => ({
    kind: section.kind?.kind ?? '',
    title: section.title,
    articles: section.articles.map((article) => enrich(assembleArticle(article, masthead, articleMedia), enrichments)),
  }));
  return {
    id: issueId(masthead),
    ...masthead,
    url: routes.issue(masthead),
    sourcePath,
    ...(original ? { original } : {}),
    sections,
  };
}

function assembleArticle(draft: ArticleDraft, masthead: Masthead, media: ArticleMedia): Article {
  const id = articleId(draft.title, draft.attributes?.id);
  const { body, text, headings, figures } = renderArticleBody(draft.body, draft.subtitle?.text, media.images);
  const page = draft.attributes?.page;
  const end = draft.attributes?.end;
  const author = draft.attributes?.author?.trim();
  const source = draft.attributes?.source?.trim();
  const contentsTitle = draft.attributes?.contents?.trim();
  const originalPage = media.original ? physicalPage(draft.attributes, media.pageOffset) : undefined;
  return {
    id,
    title: draft.title,
    ...(draft.subtitle ? { subtitle: draft.subtitle.text } : {}),
    ...(page !== undefined ? { page: Number(page) } : {}),
    ...(page !== undefined && end !== undefined && Number(end) > Number(page) ? { lastPage: Number(end) } : {}),
    ...(author ? { author } : {}),
    ...(source ? { source } : {}),
    ...(originalPage !== undefined ? { originalPage } : {}),
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
