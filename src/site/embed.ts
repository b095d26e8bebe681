import { escapeHtml } from '../core/escape.ts';

/**
 * Article HTML comes sanitized from the pipeline with its sub-headings at h2..h4 and ids unique
 * within the article. Where several articles share one page (the issue page, feeds) the headings
 * move down under the article's own title and the ids get the article id as prefix, so they stay
 * unique and the outline stays unbroken.
 *
 * Only opening and closing heading tags are touched: the serializer escapes `<` in text, so
 * `<h2` can only start a real tag.
 */
export function embedArticleHtml(html: string, options: { idPrefix: string; levelShift: number }): string {
  const shift = (level: string) => String(Math.min(6, Number(level) + options.levelShift));
  return html
    .replace(/<h([1-6])(\s[^>]*)?>/g, (_tag, level: string, attributes: string | undefined) =>
      `<h${shift(level)}${(attributes ?? '').replace(/\sid="([^"]*)"/, (_id, id: string) => ` id="${scopedId(options.idPrefix, id)}"`)}>`)
    .replace(/<\/h([1-6])>/g, (_tag, level: string) => `</h${shift(level)}>`);
}

export function scopedId(prefix: string, id: string): string {
  return `${escapeHtml(prefix)}--${id}`;
}

/**
 * Site-relative links (`/parks/x/` from park mentions, image paths) made absolute for feed readers,
 * which have no base URL; `toAbsolute` maps a site path to its full URL.
 */
export function absolutizeLinks(html: string, toAbsolute: (path: string) => string): string {
  return html.replace(/\s(href|src)="(\/(?!\/)[^"]*)"/g, (_match, attribute: string, path: string) => ` ${attribute}="${toAbsolute(path)}"`);
}
