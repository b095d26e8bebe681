import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { isSitePath } from '../../core/routes.ts';

export interface SiteUrlsOptions {
  /** A site path (`/parks/x/`) as this output must write it: absolute for a feed reader, say. */
  url: (path: string) => string;
}

/** Links and pictures that point into the site, written as the output needs them. */
export default function rehypeSiteUrls(options: SiteUrlsOptions) {
  const rewrite = (value: string) => (isSitePath(value) ? options.url(value) : value);
  return (tree: Root) => {
    visit(tree, 'element', (element) => {
      for (const attribute of ['href', 'src'] as const) {
        const value = element.properties[attribute];
        if (typeof value === 'string') element.properties[attribute] = rewrite(value);
      }
      // `srcset`: comma-separated “address width” candidates (our addresses have no commas or spaces).
      const srcSet = element.properties.srcSet;
      if (typeof srcSet === 'string')
        element.properties.srcSet = srcSet
          .split(', ')
          .map((candidate) => {
            const [address = '', ...descriptor] = candidate.split(' ');
            return [rewrite(address), ...descriptor].join(' ');
          })
          .join(', ');
    });
  };
}
