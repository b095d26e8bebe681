import type { EleventyConfig, NunjucksEngine } from '@11ty/eleventy';
import { InvariantError } from '../core/errors.ts';

/**
 * Eleventy's Nunjucks engine opts out of Eleventy's compile cache and compiles the template (and
 * the permalink) afresh for every page: most of the render time for thousands of paginated pages.
 * This engine compiles each template once per build, in Eleventy's own Nunjucks environment
 * (same filters, loader and options); `permalink: true` keeps permalinks templated.
 */
export function compileNunjucksOnce(eleventyConfig: EleventyConfig): void {
  let nunjucks: NunjucksEngine | undefined;
  eleventyConfig.on('eleventy.engine.njk', (engine: NunjucksEngine) => (nunjucks = engine));
  eleventyConfig.addExtension('njk', {
    key: 'njk',
    compileOptions: { cache: true, permalink: true },
    compile: (source: string, inputPath: string) => {
      if (!nunjucks) throw new InvariantError('Eleventy did not hand over its Nunjucks environment');
      const template = new nunjucks.nunjucks.Template(source, nunjucks.environment, inputPath, true);
      return (data: object) =>
        new Promise<string>((resolve, reject) =>
          template.render(data, (error, html) => (error ? reject(error) : resolve(html ?? ''))),
        );
    },
  });
}
