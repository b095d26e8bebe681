import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { outputFile, routes } from '../core/routes.ts';

/**
 * The site's own scripts, by file in the built site, with the module each is bundled from. Both
 * are progressive enhancement on one kind of page (search, article); every other page has none.
 * The search page runs the shared query code of src/search (query.ts imports .ts modules, which
 * no browser loads as they are), so it is bundled at build time rather than served as written.
 */
export const siteScripts: Record<string, string> = {
  [outputFile(routes.scripts.search)]: 'src/search/page/search-page.ts',
  [outputFile(routes.scripts.simplified)]: 'src/search/simplified.ts',
  [outputFile(routes.scripts.highlight)]: 'src/search/page/article-highlight.ts',
  [outputFile(routes.scripts.print)]: 'src/site/page/print-button.ts',
};

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Bundles each of `siteScripts` into `siteDir` as a self-contained ES module (no shared chunks, so
 * the file list stays fixed).
 */
export async function writeSiteScripts(siteDir: string): Promise<void> {
  await build({
    absWorkingDir: projectRoot,
    entryPoints: Object.entries(siteScripts).map(([out, entry]) => ({ in: entry, out: out.replace(/\.js$/, '') })),
    outdir: siteDir,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    // Chinese messages as written, not as \u escapes.
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'silent',
  });
}
