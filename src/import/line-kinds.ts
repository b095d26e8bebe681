import { dash, endsSentence, hasClausePunctuation, parseDigits } from './text.ts';

/** What single lines of the PDF text can be recognised as, before any context is considered. */

const markerPattern = /^[【[［〖〔]\s*([^【】[\]［］〖〗〔〕]+?)\s*[】\]］〗〕]$/;

/** `【工作动态】` (or `[工作动态]`, `［工作动态］`) alone on a line opens a column; gives its name. */
export function markerTitle(line: string): string | undefined {
  return markerPattern.exec(line.trim())?.[1];
}

const footerPattern = new RegExp(`^${dash}\\s*([0-9０-９]{1,4})\\s*${dash}$`);

/** `- 3 -` on a line of its own is the printed page number, not text. */
export function isPageFooter(line: string): boolean {
  return footerPattern.test(line.trim());
}

const pageMarkPatterns = [footerPattern, /^第\s*([0-9０-９]{1,4})\s*页$/, /^([0-9０-９]{1,4})$/];

/**
 * The printed page number a line of its own shows: `- 3 -`, `— 3 —`, `－3－`, `第3页`, `第 3 页`
 * or a bare `3`. Only meaningful where page numbers are printed (a page's top or bottom band).
 */
export function pageMark(line: string): number | undefined {
  const text = line.trim();
  for (const pattern of pageMarkPatterns) {
    const digits = pattern.exec(text)?.[1];
    if (digits !== undefined) return parseDigits(digits);
  }
  return undefined;
}

export function isContentsHeading(line: string): boolean {
  return /^(?:本\s*期\s*)?目\s*录$/.test(line.trim());
}

const pageSuffixes = [
  new RegExp(`${dash}\\s*([0-9０-９]{1,4})\\s*${dash}\\s*$`),
  // Leader dots, spaced or not (`. . . .2` is how some writers set them), or a tab.
  /(?:[.．。·…⋯](?:\s*[.．。·…⋯])+|\t)\s*([0-9０-９]{1,4})\s*$/,
  /第\s*([0-9０-９]{1,4})\s*页\s*$/,
];
const leaders = /[\s.．。·…⋯]+$/;

/** A contents line: `标题.....	- 2 -` (or `标题 第2页`) → the title (leader dots dropped) and the page. */
export function contentsLine(line: string): { title: string; page: number } | undefined {
  for (const suffix of pageSuffixes) {
    const match = suffix.exec(line);
    const digits = match?.[1];
    if (!match || digits === undefined) continue;
    const title = line.slice(0, match.index).replace(leaders, '').trim();
    if (title !== '') return { title, page: parseDigits(digits) };
  }
  return undefined;
}

const enumerator = /^[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]/;
const maxHeadingLength = 40;

/** `（一）做优顶层设计` (or `(一)…`): a short line, not a sentence, led by a Chinese enumerator. */
export function isEnumeratedHeading(line: string): boolean {
  const text = line.trim();
  return enumerator.test(text) && [...text].length <= maxHeadingLength && !endsSentence(text);
}

const topEnumerator = /^[一二三四五六七八九十]{1,3}\s*、/;

/** `一、做优顶层设计`: the level above `（一）`, short and not a sentence. */
export function isTopHeading(line: string): boolean {
  const text = line.trim();
  return topEnumerator.test(text) && [...text].length <= maxHeadingLength && !endsSentence(text);
}

const maxCaptionLineLength = 30;

/** Photo captions in the PDF are short lines without clause punctuation. */
export function isCaptionLike(line: string): boolean {
  const text = line.trim();
  return text !== '' && [...text].length <= maxCaptionLineLength && !hasClausePunctuation(text);
}

/** A line that could be an article title nobody listed in the contents: short, not a sentence. */
export function isTitleLike(line: string): boolean {
  const text = line.trim();
  return [...text].length <= maxHeadingLength && !endsSentence(text);
}
