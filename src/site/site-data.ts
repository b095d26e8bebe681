import { routes } from '../core/routes.ts';
import type { Issue } from '../model.ts';
import type { Archive } from '../pipeline/load.ts';
import {
  articlePages,
  cumulativeRedirects,
  issuePages,
  yearGroups,
  type ArticlePage,
  type IssuePage,
  type Redirect,
  type YearGroup,
} from './pages.ts';
import { parkPages, parksByProvince, type ParkPage, type ProvinceGroup } from './parks.ts';
import { sectionPages, sectionSummaries, type SectionPage } from './sections.ts';
import { planMedia, type SiteMedia } from './media/site-media.ts';
import type { SiteSettings } from './settings.ts';
import { holdings, type Holdings } from './holdings.ts';

/** Everything the templates read, shaped once from the typed model. */
export interface SiteData {
  /** Newest first. */
  issues: Issue[];
  latest?: Issue;
  /** The newest `feedSize` issues: what the feeds carry. */
  feedIssues: Issue[];
  years: YearGroup[];
  issuePages: IssuePage[];
  articlePages: ArticlePage[];
  sections: ReturnType<typeof sectionSummaries>;
  sectionPages: SectionPage[];
  parks: ParkPage[];
  parkGroups: ProvinceGroup[];
  /** The parks index, once, when the archive tracks parks; none otherwise (paginated so it can be absent). */
  parksIndex: { url: string }[];
  redirects: Redirect[];
  /** One open-data file per issue (`/api/issues/2018-01.json`). */
  issueData: { path: string; issue: Issue }[];
  /** Every page a search engine should index, as site paths. */
  sitemap: string[];
  /** Processed pictures and original PDFs: what pages show and the build places beside them. */
  media: SiteMedia;
  /** Years × issue numbers, with the gaps. */
  holdings: Holdings;
  /** The 关于本刊 page, once, when the content folder has about.md (paginated so it can be absent). */
  aboutPages: { url: string; title: string; html: string }[];
}

/** Pages with fixed addresses, besides those generated per year, issue, article, column and park. */
export function fixedPages(data: Pick<SiteData, 'parks' | 'aboutPages'>): string[] {
  return [
    routes.home,
    routes.sections,
    routes.holdings,
    ...(data.parks.length > 0 ? [routes.parks] : []),
    routes.about,
    ...data.aboutPages.map((page) => page.url),
  ];
}

export function sitemapPaths(
  data: Pick<SiteData, 'years' | 'issuePages' | 'articlePages' | 'sectionPages' | 'parks' | 'aboutPages'>,
): string[] {
  return [
    ...fixedPages(data),
    ...data.years.map((group) => group.url),
    ...data.issuePages.map((page) => page.issue.url),
    ...data.articlePages.map((page) => page.article.url),
    ...data.sectionPages.map((page) => page.url),
    ...data.parks.map((park) => park.url),
  ];
}

/** `media` defaults to the archive's media as planned (the files need not be made yet). */
export function siteData(
  archive: Pick<Archive, 'issues' | 'sectionTable' | 'parks'>,
  settings: SiteSettings,
  media: SiteMedia = planMedia(archive.issues),
): SiteData {
  const { issues } = archive;
  const feedIssues = issues.slice(0, settings.feedSize);
  const pages = {
    years: yearGroups(issues),
    issuePages: issuePages(issues),
    // Citation data is made by filters as each article page renders: it follows from the article
    // and its issue alone, and the preview compares these entries at every save.
    articlePages: articlePages(issues),
    sectionPages: sectionPages(issues, archive.sectionTable.kinds, settings.sectionPageSize),
    parks: parkPages(archive.parks, issues),
    aboutPages: settings.about ? [{ url: routes.aboutBulletin, ...settings.about }] : [],
  };
  return {
    ...pages,
    issues,
    ...(issues[0] ? { latest: issues[0] } : {}),
    feedIssues,
    sections: sectionSummaries(issues, archive.sectionTable.kinds),
    parkGroups: parksByProvince(archive.parks),
    parksIndex: archive.parks.length > 0 ? [{ url: routes.parks }] : [],
    redirects: cumulativeRedirects(issues),
    issueData: issues.map((issue) => ({ path: routes.issueData(issue.id), issue })),
    sitemap: sitemapPaths(pages),
    media,
    holdings: holdings(issues),
  };
}
