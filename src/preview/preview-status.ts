/** What the preview tells the browser about the last rebuild, as the notice and the waiting page show it. */
export interface PreviewStatus {
  /** Whether the output folder holds a site to serve (from this preview or an earlier build). */
  site: boolean;
  /** Whether nothing has been loaded yet: the first build is under way. */
  starting: boolean;
  /**
   * Why the last rebuild did not update the site, one line each exactly as the terminal printed
   * it (a content error in `npm run check`'s form, or a failed render); empty after a success.
   */
  errors: readonly string[];
  /** The content's warnings, in `npm run check`'s form, as of the last load. */
  warnings: readonly string[];
}

export function sameStatus(a: PreviewStatus, b: PreviewStatus): boolean {
  const sameLines = (x: readonly string[], y: readonly string[]) =>
    x.length === y.length && x.every((l, i) => l === y[i]);
  return (
    a.site === b.site && a.starting === b.starting && sameLines(a.errors, b.errors) && sameLines(a.warnings, b.warnings)
  );
}
