import type { Page } from 'playwright-core';

/** One element whose last line holds a single character. */
export interface ShortLastLine {
  /** The element's text, whitespace squeezed. */
  text: string;
  lines: number;
  /** The characters on its last line box. */
  lastLine: string;
}

/**
 * Headings, titles and contents entries on the page whose text runs over more than one line and
 * ends with a line of one character (`…在苏召` / `开`). Line boxes are measured as laid out: each
 * character's box from Range.getClientRects, a new line where a box starts below the previous
 * one's middle. Hidden text (visually-hidden, display none) has no boxes and does not count.
 */
export async function shortLastLines(page: Page, selector: string): Promise<ShortLastLine[]> {
  return page.evaluate((selector) => {
    const found: { text: string; lines: number; lastLine: string }[] = [];
    for (const element of document.querySelectorAll(selector)) {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      const lines: string[] = [];
      let lineTop = Number.NEGATIVE_INFINITY;
      let lineBottom = Number.NEGATIVE_INFINITY;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (let offset = 0; offset < text.length;) {
          const codePoint = text.codePointAt(offset) ?? 0;
          const size = codePoint > 0xffff ? 2 : 1;
          const character = text.slice(offset, offset + size);
          const range = document.createRange();
          range.setStart(node, offset);
          range.setEnd(node, offset + size);
          offset += size;
          if (/\s/.test(character)) continue;
          const box = [...range.getClientRects()].find((rect) => rect.width > 0 && rect.height > 0);
          // Clipped to one pixel: read by screen readers, not seen.
          if (!box || box.width <= 1) continue;
          if (box.top >= (lineTop + lineBottom) / 2) {
            lines.push('');
            lineTop = box.top;
            lineBottom = box.bottom;
          }
          lines[lines.length - 1] += character;
        }
      }
      const lastLine = lines.at(-1) ?? '';
      if (lines.length > 1 && [...lastLine].length === 1)
        found.push({ text: (element.textContent ?? '').replace(/\s+/g, ' ').trim(), lines: lines.length, lastLine });
    }
    return found;
  }, selector);
}

/** The most a Chinese character of an element was widened by justification. */
export interface WidestGap {
  text: string;
  /** In ems of the element's font size: a Han character's box beyond its one em. */
  gap: number;
  between: string;
}

/**
 * For each element matched, the most justification widened one of its Han characters: Chromium
 * adds the stretch to the character's own box, so a box wider than one em is a visible gap after
 * it (`管 理 办 法》`). The elements' widest first.
 */
export async function widestGaps(page: Page, selector: string): Promise<WidestGap[]> {
  return page.evaluate((selector) => {
    const found: { text: string; gap: number; between: string }[] = [];
    for (const element of document.querySelectorAll(selector)) {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      let widest = { gap: 0, between: '' };
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const fontSize = parseFloat(getComputedStyle(node.parentElement ?? element).fontSize);
        const text = node.textContent ?? '';
        for (let offset = 0; offset < text.length;) {
          const size = (text.codePointAt(offset) ?? 0) > 0xffff ? 2 : 1;
          const character = text.slice(offset, offset + size);
          const range = document.createRange();
          range.setStart(node, offset);
          range.setEnd(node, offset + size);
          offset += size;
          if (!/\p{Script=Han}/u.test(character)) continue;
          const box = [...range.getClientRects()].find((rect) => rect.width > 0 && rect.height > 0);
          if (!box) continue;
          const gap = box.width / fontSize - 1;
          if (gap > widest.gap) widest = { gap, between: text.slice(offset - size, offset + 1) };
        }
      }
      found.push({ text: (element.textContent ?? '').slice(0, 30), ...widest });
    }
    return found.sort((a, b) => b.gap - a.gap);
  }, selector);
}
