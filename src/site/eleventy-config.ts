import type { EleventyConfig } from '@11ty/eleventy';
import { HtmlBasePlugin } from '@11ty/eleventy';
import { routes } from '../core/routes.ts';
import { siteFilters } from './filters.ts';
import type { PageLists } from './incremental.ts';
import { compileNunjucksOnce } from './nunjucks-once.ts';
import { projectPath } from './project-path.ts';
import type { SiteSettings } from './settings.ts';
import { siteStrings } from './labels.ts';
import type { SiteData } from './site-data.ts';

/** What one render of the site is made of: its settings, its data, and which paginated pages to write. */
export interface PreparedSite {
  settings: SiteSettings;
  data: SiteData;
  /** All pages, or only those whose data changed since the last render (the preview). */
  pages: PageLists;
}

/**
 * The Eleventy configuration for one render, wiring only: data comes shaped from the typed model
 * (src/site), pages from templates/. A function of the prepared site, handed to Eleventy's
 * programmatic API, so a render depends on its inputs alone and two renders share nothing.
 */
export function eleventyConfig(site: PreparedSite) {
  return (config: EleventyConfig): void => {
    config.setInputDirectory(projectPath('templates'));
    config.setIncludesDirectory('_includes');
    config.setDataDirectory('_data');
    config.setTemplateFormats(['njk']);

    // content/site.yaml, with the SITE_URL / PATH_PREFIX overrides and the masthead's defaults.
    config.addGlobalData('site', site.settings);
    // The site's own words that templates print (labels.ts), one place for every bulletin.
    config.addGlobalData('strings', siteStrings);
    config.addGlobalData('archive', site.data);
    // Paginated templates write one page per entry of these lists: all of them, or the changed ones.
    config.addGlobalData('pages', site.pages);
    // Every address a template writes: {{ routes.section(kind) }}, {{ routes.feeds.atom }}.
    config.addGlobalData('routes', routes);
    const openData = { parks: site.data.parksIndex.length > 0 };
    for (const [name, filter] of Object.entries(siteFilters(site.settings, site.data.media, openData)))
      config.addFilter(name, filter);

    config.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false });
    config.addPlugin(compileNunjucksOnce);
    // Templates write site paths (/2018/01/); the plugin adds the path prefix to every URL in HTML.
    config.addPlugin(HtmlBasePlugin);
    config.addPassthroughCopy({ [projectPath('public')]: '/' });
  };
}
