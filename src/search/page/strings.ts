/**
 * The search page's own wording that its script writes (the form's fixed labels are in
 * templates/search.njk). One place, so the wording can be changed without reading the code.
 */
export const searchStrings = {
  /** Shown under the count when traditional characters in the query were searched as simplified. */
  simplified: (query: string) => `已按简体“${query}”检索。`,
  /** The title-only scope, in the "nothing found" sentence. */
  inTitles: '标题中',
  /** Nothing found, when every word was excluded (only -词). */
  onlyExcluded: '只有排除的词（-词）时不列出文章；请再输入要查找的词。',
} as const;
