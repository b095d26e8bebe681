/**
 * Filter values with counts for the search page: which years, sections and parks the current
 * results fall in, and how many results each would leave.
 *
 * Counted here rather than taken from Pagefind's answer because Pagefind's counts do not fit
 * this search: a query of several terms is several Pagefind searches whose results are
 * intersected (query.ts), so no single answer has the right counts; and for a phrase search
 * Pagefind's `totalFilters` (the counts a selected filter does not narrow) are computed without
 * the phrase (measured on Pagefind 1.6.0: "州合" finds nothing, yet its totals count the 83
 * articles holding 州 and 合 anywhere; "泰州医药" with year 2019 selected counts 78 articles for
 * 2019 where 76 match). Instead each filter value's pages are read once with a filter-only
 * search (no term), and counts are set intersections with the ids of the current results.
 *
 * Browser-safe: no Node imports.
 */
import type { PagefindApi } from './query.ts';

/** The Pagefind API with its list of filter values (`pagefind.filters()`). */
export interface PagefindWithFilters extends PagefindApi {
  filters(): Promise<Record<string, Record<string, number>>>;
}

/** Filter name → value → Pagefind ids of the pages that carry it. */
export type FacetIndex = Map<string, Map<string, Set<string>>>;

/** Selected value per filter name; a filter that is absent (or empty) narrows nothing. */
export type Selection = Record<string, string | undefined>;

export interface FacetCount {
  value: string;
  /** Results left if this value were chosen, the other filters staying as selected. */
  count: number;
}

/** Reads the pages of every value of the named filters: one filter-only search per value. */
export async function loadFacets(pagefind: PagefindWithFilters, names: readonly string[]): Promise<FacetIndex> {
  const values = await pagefind.filters();
  const facets: FacetIndex = new Map();
  await Promise.all(
    names.map(async (name) => {
      const pages = new Map<string, Set<string>>();
      facets.set(name, pages);
      await Promise.all(
        Object.keys(values[name] ?? {}).map(async (value) => {
          const response = await pagefind.search(null, { filters: { [name]: value } });
          pages.set(value, new Set((response?.results ?? []).map((result) => result.id)));
        }),
      );
    }),
  );
  return facets;
}

/** Whether the page passes every selected filter, leaving out `except` (the filter being counted). */
export function passesSelection(id: string, facets: FacetIndex, selection: Selection, except?: string): boolean {
  return Object.entries(selection).every(
    ([name, value]) => !value || name === except || facets.get(name)?.get(value)?.has(id) === true,
  );
}

export interface FilterCounts {
  /** Results left with this filter set to "all". */
  all: number;
  /** Values with results, and the selected value even without. */
  values: FacetCount[];
}

/**
 * For each filter, the number of results each of its values leaves: the results that pass the
 * other selected filters and carry the value (faceted counts, so that each filter shows what
 * changing it would give).
 */
export function facetCounts(
  ids: readonly string[],
  facets: FacetIndex,
  selection: Selection,
): Map<string, FilterCounts> {
  const counts = new Map<string, FilterCounts>();
  for (const [name, pages] of facets) {
    const candidates = ids.filter((id) => passesSelection(id, facets, selection, name));
    const values = [...pages].map(([value, withValue]) => ({
      value,
      count: candidates.filter((id) => withValue.has(id)).length,
    }));
    counts.set(name, {
      all: candidates.length,
      values: values.filter(({ value, count }) => count > 0 || selection[name] === value),
    });
  }
  return counts;
}
