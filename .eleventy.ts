import { HtmlBasePlugin, type EleventyConfig } from '@11ty/eleventy';
import { siteForBuild } from './src/site/archive-source.ts';
import { siteFilters } from './src/site/filters.ts';
import { compileNunjucksOnce } from './src/site/nunjucks-once.ts';
import { feedPaths } from './src/site/site-data.ts';
import { readSettings } from './src/site/settings.ts';

/** Wiring only: data comes from the typed model via src/site, pages from templates/. */
export default async function (eleventyConfig: EleventyConfig) {
  const settings = readSettings();
  const { data, pages } = await siteForBuild(settings);

  // Same values as templates/_data/site.json, plus the SITE_URL / PATH_PREFIX overrides.
  eleventyConfig.addGlobalData('site', settings);
  eleventyConfig.addGlobalData('archive', data);
  // Paginated templates write one page per entry of these lists: all of them, or the changed ones.
  eleventyConfig.addGlobalData('pages', pages);
  eleventyConfig.addGlobalData('feeds', feedPaths);
  for (const [name, filter] of Object.entries(siteFilters(settings))) eleventyConfig.addFilter(name, filter);

  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false });
  eleventyConfig.addPlugin(compileNunjucksOnce);
  // Templates write site paths (/2018/01/); the plugin adds the path prefix to every URL in HTML.
  eleventyConfig.addPlugin(HtmlBasePlugin);
  eleventyConfig.addPassthroughCopy({ public: '/' });

  return {
    dir: { input: 'templates', includes: '_includes', data: '_data' },
    pathPrefix: settings.pathPrefix,
    templateFormats: ['njk'],
    htmlTemplateEngine: 'njk',
  };
}
