import { isRealDate } from './dates.ts';

/** 〇 is the proper zero in dates, but PDFs often carry ○ (circle), О or O from the typesetter. */
const digitValues: Record<string, number> = {
  〇: 0,
  '○': 0,
  零: 0,
  О: 0,
  O: 0,
  o: 0,
  '０': 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

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
    if (chars.length === 0 || !chars.every((c) => c in digitValues)) return undefined;
    return chars.reduce((n, c) => n * 10 + digitValues[c]!, 0);
  }
  const tens = chars.slice(0, tenAt);
  const ones = chars.slice(tenAt + 1);
  if (tens.length > 1 || ones.length > 1 || ![...tens, ...ones].every((c) => c in digitValues && digitValues[c]! > 0))
    return undefined;
  return (tens.length === 0 ? 1 : digitValues[tens[0]!]!) * 10 + (ones.length === 0 ? 0 : digitValues[ones[0]!]!);
}

const numeral = '[〇○零ОOo０一二三四五六七八九十0-9０-９]';
const datePattern = new RegExp(`(${numeral}{4})\\s*年\\s*(${numeral}{1,3})\\s*月\\s*(${numeral}{1,3})\\s*日`);

/**
 * 二〇一八年六月二十九日 (or 2018年6月29日) → 2018-06-29, with where it stands in the text; the
 * date may not exist (二月三十日), which the caller reports.
 */
export function findChineseDate(text: string): { iso: string; index: number; real: boolean } | undefined {
  const match = datePattern.exec(text);
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(parseChineseNumber);
  if (year === undefined || month === undefined || day === undefined) return undefined;
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { iso, index: match.index, real: isRealDate(iso) };
}
