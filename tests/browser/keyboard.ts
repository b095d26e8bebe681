import type { Page } from 'playwright-core';

/** What the keyboard user sees at one Tab stop. */
export interface FocusStop {
  /** Site path and fragment of a link (`/2018/01/p1/`, `#main`), else the element's tag. */
  target: string;
  isSearchBox: boolean;
  /** A same-page link whose target is the `<main>` element. */
  leadsToMain: boolean;
  /** A visible outline or box shadow while focused. */
  hasFocusIndicator: boolean;
  /** The focused element's box lies inside the viewport. */
  inViewport: boolean;
}

/** Presses Tab once for each focusable element of the page and records where focus lands. */
export async function tabStops(page: Page): Promise<FocusStop[]> {
  const focusable = await page
    .locator('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])')
    .count();
  const stops: FocusStop[] = [];
  for (let i = 0; i < focusable; i++) {
    await page.keyboard.press('Tab');
    stops.push(
      await page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        const style = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        const href = element instanceof HTMLAnchorElement ? element.getAttribute('href') : null;
        return {
          target: href ?? element.tagName.toLowerCase(),
          isSearchBox: element.matches('input[type="search"], [role="searchbox"]'),
          leadsToMain: href?.startsWith('#') === true && document.getElementById(href.slice(1))?.tagName === 'MAIN',
          hasFocusIndicator:
            (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none',
          inViewport:
            box.width > 0 &&
            box.height > 0 &&
            box.top >= 0 &&
            box.left >= 0 &&
            box.bottom <= innerHeight &&
            box.right <= innerWidth,
        };
      }),
    );
  }
  return stops;
}

/** Whether `wanted` occurs in `sequence` in the same order, other items allowed in between. */
export function inOrder(sequence: readonly string[], wanted: readonly string[]): boolean {
  let next = 0;
  for (const item of sequence) if (item === wanted[next]) next++;
  return next === wanted.length;
}
