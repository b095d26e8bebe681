import { isRealDate } from './dates.ts';

/** 〇 is the proper zero in dates, but PDFs often carry ○ (circle), О or O from the typesetter. */
const digitValues = new Map<string, number>([
  ...['〇', '○', '零', 'О', 'O', 'o', '０'].map((zero) => [zero, 0] as const),
  ...[...'一二三四五六七八九'].map((digit, i) => [digit, i + 1] as const),
]);

/** The digits' values, or undefined when any character is not a digit. */
function digitsOf(chars: readonly string[]): number[] | undefined {
  const values = chars.map((char) => digitValues.get(char));
  return values.every((value) => value !== undefined) ? values : undefined;
}

/**
 * A number as the masthead prints it: Arabic (half- or full-width), digit by digit as years are
 * written (二〇一八), or with 十 as months and days are (二十九). Undefined when it is none of these.
 */
export function parseChineseNumber(text: string): number | undefined {
  const arabic = text.normalize('NFKC');
  if (/^\d+$/.test(arabic)) return Number(arabic);
  const chars = [...text];
  const tenAt = chars.indexOf('十');
  if (tenAt === -1) {
    const digits = chars.length === 0 ? undefined : digitsOf(chars);
    return digits?.reduce((n, digit) => n * 10 + digit, 0);
  }
  // 十, 十二, 二十, 二十九: at most one non-zero digit on either side of 十.
  const tens = digitsOf(chars.slice(0, tenAt));
  const ones = digitsOf(chars.slice(tenAt + 1));
  if (!tens || !ones || tens.length > 1 || ones.length > 1 || [...tens, ...ones].includes(0)) return undefined;
  return (tens[0] ?? 1) * 10 + (ones[0] ?? 0);
}

const numeral = '[〇○零ОOo０一二三四五六七八九十0-9０-９]';
const datePattern = new RegExp(`(${numeral}{4})\\s*年\\s*(${numeral}{1,3})\\s*月\\s*(${numeral}{1,3})\\s*日`);

/**
 * 二〇一八年六月二十九日 (or 2018年6月29日) → 2018-06-29, with where it stands in the text; the
 * date may not exist (二月三十日), which the caller reports.
 */
export function findChineseDate(
  text: string,
): { iso: string; index: number; length: number; real: boolean } | undefined {
  const match = datePattern.exec(text);
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(parseChineseNumber);
  if (year === undefined || month === undefined || day === undefined) return undefined;
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { iso, index: match.index, length: match[0].length, real: isRealDate(iso) };
}
