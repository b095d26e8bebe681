import { contentDir } from '../core/content-dir.ts';
import { formatDiagnostic, hasErrors } from '../core/diagnostics.ts';
import { loadArchive } from '../pipeline/load.ts';
import { allPages, type PageLists } from './incremental.ts';
import { siteData, type SiteData } from './site-data.ts';
import type { SiteSettings } from './settings.ts';

/** What Eleventy renders: the site data, and which of the paginated pages to write this time. */
export interface PreparedSite {
  data: SiteData;
  pages: PageLists;
}

let prepared: PreparedSite | undefined;

/**
 * The build has already loaded and checked the archive before Eleventy starts; handing the site
 * data over here spares Eleventy's config a second parse of every issue (the preview rebuilds often).
 */
export function provideSite(site: PreparedSite): void {
  prepared = site;
}

/** The site for Eleventy: the one the build prepared, or every page of a fresh load for a direct Eleventy run. */
export async function siteForBuild(settings: SiteSettings): Promise<PreparedSite> {
  if (prepared) return prepared;
  const archive = await loadArchive(contentDir());
  // scripts/build.ts checks content before Eleventy starts; this guards a direct Eleventy run.
  if (hasErrors(archive.diagnostics)) throw new Error(archive.diagnostics.map(formatDiagnostic).join('\n'));
  const data = siteData(archive, settings);
  return { data, pages: allPages(data) };
}
