import { partialChineseDate, toChineseDate } from '../core/dates.ts';
import { scriptSafeJson } from '../core/escape.ts';
import { absolute } from '../core/routes.ts';
import type { Article, Issue, Milestone } from '../model.ts';
import { stepLabel } from '../parks/steps.ts';
import { articleHtml, type ArticleOutput } from './article-html.ts';
import { articleJsonLd, bibtexEntry, citationMeta, gbtOnlineReference, gbtReference, risRecord } from './citation.ts';
import { issuesIndex, openDataIssue, type OpenDataOptions } from './exports.ts';
import { issueContentHtml, issueTimestamp, jsonFeed } from './feeds.ts';
import { articleCount, issueLabel, originalDownloadLabel, pageLabel } from './labels.ts';
import { firstPicture } from './media/first-picture.ts';
import type { SiteMedia } from './media/site-media.ts';
import { issueShortLabel } from '../core/content-format.ts';
import { issueNumberLabel } from '../core/issue-numbering.ts';
import type { ArticlePage } from './pages.ts';
import { dateSourceNote } from './parks.ts';
import type { SiteSettings } from './settings.ts';

/** Every filter the templates use, by name; the Eleventy config registers them as they are. */
export function siteFilters(settings: SiteSettings, media: SiteMedia, openData: OpenDataOptions) {
  return {
    chineseDate: (iso: string) => toChineseDate(iso),
    issueLabel: (issue: Issue) => issueLabel(issue),
    issueShortLabel: (issue: Issue) => issueShortLabel(issue),
    /** 第1期, or 增刊1 for a special issue. */
    issueNumberLabel: (issue: Issue) => issueNumberLabel(issue),
    pageLabel: (page: number) => pageLabel(page),
    articleCount: (issue: Issue) => articleCount(issue),
    absoluteUrl: (path: string) => absolute(path, settings),
    partialDate: (date: string) => partialChineseDate(date),
    milestoneStep: (step: Milestone['step']) => stepLabel(settings.index.steps, step),
    dateSourceNote: (source: Milestone['dateSource']) => dateSourceNote(source),
    timestamp: (date: string) => issueTimestamp(date),
    /** The whole issue for a feed entry; the Atom template escapes it once more as type="html" requires. */
    issueContentHtml: (issue: Issue) => issueContentHtml(issue, settings, media.pictures),
    /** Output is marked safe by the template: the JSON is escaped for a `<script>` element. */
    scriptJson: (value: unknown) => scriptSafeJson(value),
    /** An article's body for the page it is shown on (`page` or `issue`); sanitized, so templates mark it safe. */
    articleHtml: (article: Article, output: ArticleOutput) => articleHtml(article, output, settings, media.pictures),
    /** The issue's printed PDF as the site offers it; undefined when there is none. */
    original: (issue: Issue) => media.originals.get(issue.id),
    /** The issue's cover rendered from its original; undefined when it has none (templates set a typographic one). */
    cover: (issue: Issue) => media.covers.get(issue.id),
    /** 下载原刊（PDF，360 KB，9 页） */
    originalDownloadLabel: (original: { bytes: number; pages: number }) => originalDownloadLabel(original),
    /** The article's first picture as a full URL, for `og:image`; undefined when it has none. */
    ogImage: (article: Article) => {
      const picture = firstPicture([article], media.pictures);
      return picture && { url: absolute(picture.full, settings), width: picture.width, height: picture.height };
    },
    /** The JSON Feed of these issues, rendered only when the feed page is (not at every preview save). */
    jsonFeed: (issues: readonly Issue[]) => jsonFeed(issues, settings, media.pictures),
    /** An article page's GB/T 7714 reference, Highwire meta tags and schema.org JSON-LD. */
    gbtReference: (page: ArticlePage) => gbtReference(page.article, page.issue),
    gbtOnlineReference: (page: ArticlePage) => gbtOnlineReference(page.article, page.issue, settings),
    risRecord: (page: ArticlePage) => risRecord(page.article, page.issue, settings),
    bibtexEntry: (page: ArticlePage) => bibtexEntry(page.article, page.issue, settings),
    citationMeta: (page: ArticlePage) => citationMeta(page.article, page.issue, settings),
    articleJsonLd: (page: ArticlePage) => articleJsonLd(page.article, page.issue, settings),
    /** `/api/issues.json`: every issue without article bodies. */
    issuesIndex: (issues: readonly Issue[]) => issuesIndex(issues, settings, media, openData),
    /** One issue as its open-data file publishes it. */
    openData: (issue: Issue) => openDataIssue(issue, settings, media, openData),
  };
}
