import { HtmlBasePlugin, type EleventyConfig, type NunjucksEngine } from '@11ty/eleventy';
import { siteForBuild } from './src/site/archive-source.ts';
import { siteFilters } from './src/site/filters.ts';
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
  // Eleventy's Nunjucks engine opts out of Eleventy's compile cache and compiles the template (and
  // the permalink) afresh for every page: most of the render time for thousands of paginated pages.
  // This engine compiles each template once per build, in Eleventy's own Nunjucks environment
  // (same filters, loader and options); `permalink: true` keeps permalinks templated.
  let nunjucks: NunjucksEngine | undefined;
  eleventyConfig.on('eleventy.engine.njk', (engine: NunjucksEngine) => (nunjucks = engine));
  eleventyConfig.addExtension('njk', {
    key: 'njk',
    compileOptions: { cache: true, permalink: true },
    compile: (source: string, inputPath: string) => {
      if (!nunjucks) throw new Error('Eleventy did not hand over its Nunjucks environment');
      const template = new nunjucks.nunjucks.Template(source, nunjucks.environment, inputPath, true);
      return (data: object) => new Promise<string>((resolve, reject) => template.render(data, (error, html) => (error ? reject(error) : resolve(html ?? ''))));
    },
  });
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
