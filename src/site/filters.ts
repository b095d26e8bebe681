import type { Issue, Milestone } from '../model.ts';
import { stepLabel } from '../parks/steps.ts';
import { partialChineseDate, toChineseDate } from '../core/dates.ts';
import { embedArticleHtml } from './embed.ts';
import { scriptSafeJson } from '../core/escape.ts';
import { issueContentHtml, issueTimestamp } from './feeds.ts';
import { dateSourceNote } from './parks.ts';
import { articleCount, issueLabel, issueShortLabel, pageLabel } from './labels.ts';
import { absoluteUrl, type SiteSettings } from './settings.ts';

/** Every filter the templates use, by name; `.eleventy.ts` registers them as they are. */
export function siteFilters(settings: SiteSettings) {
  return {
    chineseDate: (iso: string) => toChineseDate(iso),
    issueLabel: (issue: Issue) => issueLabel(issue),
    issueShortLabel: (issue: Issue) => issueShortLabel(issue),
    pageLabel: (page: number) => pageLabel(page),
    articleCount: (issue: Issue) => articleCount(issue),
    absoluteUrl: (path: string) => absoluteUrl(path, settings),
    partialDate: (date: string) => partialChineseDate(date),
    milestoneStep: (step: Milestone['step']) => stepLabel(step),
    dateSourceNote: (source: Milestone['dateSource']) => dateSourceNote(source),
    timestamp: (date: string) => issueTimestamp(date),
    /** The whole issue for a feed entry; the Atom template escapes it once more as type="html" requires. */
    issueContentHtml: (issue: Issue) => issueContentHtml(issue, settings),
    /** Output is marked safe by the template: the JSON is escaped for a `<script>` element. */
    scriptJson: (value: unknown) => scriptSafeJson(value),
    /** An article's HTML placed under the issue page's h3 title. */
    embedInIssue: (html: string, articleId: string) => embedArticleHtml(html, { idPrefix: articleId, levelShift: 2 }),
  };
}
