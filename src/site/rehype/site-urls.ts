import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { isSitePath } from '../../core/routes.ts';

export interface SiteUrlsOptions {
  /** A site path (`/parks/x/`) as this output must write it: absolute for a feed reader, say. */
  url: (path: string) => string;
}

/** Links and pictures that point into the site, written as the output needs them. */
export default function rehypeSiteUrls(options: SiteUrlsOptions) {
  return (tree: Root) => {
    visit(tree, 'element', (element) => {
      for (const attribute of ['href', 'src'] as const) {
        const value = element.properties[attribute];
        if (typeof value === 'string' && isSitePath(value)) element.properties[attribute] = options.url(value);
      }
    });
  };
}
