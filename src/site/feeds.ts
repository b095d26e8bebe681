import { toChineseDate } from '../core/dates.ts';
import { escapeHtml } from '../core/escape.ts';
import { absolute, routes } from '../core/routes.ts';
import type { Issue } from '../model.ts';
import { articleHtml } from './article-html.ts';
import { firstPicture } from './media/first-picture.ts';
import type { PictureSet } from './media/picture-plan.ts';
import { issueLabel } from './labels.ts';
import type { SiteSettings } from './settings.ts';
import { subtitleParagraphText } from '../core/content-format.ts';

type FeedSettings = Pick<SiteSettings, 'title' | 'description' | 'baseUrl' | 'pathPrefix'>;

/** Issues are dated in Beijing time; feeds want a full timestamp. */
export function issueTimestamp(date: string): string {
  return `${date}T00:00:00+08:00`;
}

/**
 * The whole issue as one HTML fragment for feed readers: titles escaped, links absolute (a feed
 * reader has no base URL), article sub-headings below the article titles, each picture as one
 * full-size `<img>`.
 */
export function issueContentHtml(issue: Issue, settings: FeedSettings, pictures: Pictures): string {
  // Pictures are named by their content, so the same issue gives the same pictures.
  const key = `${settings.baseUrl}${settings.pathPrefix}`;
  const known = feedContent.get(issue);
  if (known?.key === key) return known.html;
  const html = renderIssueContent(issue, settings, pictures);
  feedContent.set(issue, { key, html });
  return html;
}

/**
 * Both feeds carry the newest issues in full, and the preview renders the feeds at every save
 * while those issues stay the same objects (its load cache keeps them): each issue's fragment is
 * kept with the issue, for the deployment it was made for. Only feed issues get an entry, and an
 * entry goes with its issue object, so this holds a few megabytes at most.
 */
const feedContent = new WeakMap<Issue, { key: string; html: string }>();

type Pictures = ReadonlyMap<string, PictureSet>;

function renderIssueContent(issue: Issue, settings: FeedSettings, pictures: Pictures): string {
  const parts = [
    `<p>${escapeHtml(issue.series)} ${escapeHtml(issueLabel(issue))} ${escapeHtml(toChineseDate(issue.date))}</p>`,
  ];
  for (const section of issue.sections) {
    parts.push(`<h2>${escapeHtml(section.title)}</h2>`);
    for (const article of section.articles) {
      parts.push(`<h3><a href="${escapeHtml(absolute(article.url, settings))}">${escapeHtml(article.title)}</a></h3>`);
      if (article.subtitle) parts.push(`<p>${escapeHtml(subtitleParagraphText(article.subtitle))}</p>`);
      parts.push(articleHtml(article, 'feed', settings, pictures));
    }
  }
  return parts.join('\n');
}

export function issueFeedTitle(issue: Issue): string {
  return `${issue.series} ${issueLabel(issue)}`;
}

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1): one item per issue, full content. */
export function jsonFeed(
  issues: readonly Issue[],
  settings: FeedSettings,
  pictures: Pictures,
): Record<string, unknown> {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: settings.title,
    description: settings.description,
    home_page_url: absolute(routes.home, settings),
    feed_url: absolute(routes.feeds.json, settings),
    language: 'zh-CN',
    ...(issues[0] ? { authors: [{ name: issues[0].publisher }] } : {}),
    items: issues.map((issue) => {
      const picture = firstPicture(
        issue.sections.flatMap((section) => section.articles),
        pictures,
      );
      return {
        id: absolute(issue.url, settings),
        url: absolute(issue.url, settings),
        title: issueFeedTitle(issue),
        content_html: issueContentHtml(issue, settings, pictures),
        ...(picture ? { image: absolute(picture.full, settings) } : {}),
        date_published: issueTimestamp(issue.date),
        authors: [{ name: issue.publisher }],
        // A supplement says so as JSON Feed says kinds of items, and in full under the feed's own key.
        ...(issue.special ? { tags: [issue.special.name], _bulletin: { special: issue.special } } : {}),
      };
    }),
  };
}
