import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** WCAG 2.1 A and AA, and axe's best practices: what every page of the site is held to. */
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/**
 * The axe violations at `url`, one line each (rule, impact, help, where). Checked at idle
 * network: a page that fills itself by script (search results) is checked once filled.
 */
export async function axeViolations(newPage: () => Promise<Page>, url: string): Promise<string[]> {
  const page = await newPage();
  await page.goto(url, { waitUntil: 'networkidle' });
  const violations = await axeViolationsNow(page);
  await page.close();
  return violations;
}

/** The axe violations on a page as it is now, one line each (rule, impact, help, where). */
export async function axeViolationsNow(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(axeTags).analyze();
  return violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}
