const digits = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** The numbers of a YYYY-MM-DD date, whether or not the date exists. */
function isoParts(iso: string): { year: number; month: number; day: number } | undefined {
  const [, year, month, day] = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) ?? [];
  if (year === undefined || month === undefined || day === undefined) return undefined;
  return { year: Number(year), month: Number(month), day: Number(day) };
}

/** True for an ISO date (YYYY-MM-DD) that exists on the calendar: no 2月30日. */
export function isRealDate(iso: string): boolean {
  const parts = isoParts(iso);
  if (!parts) return false;
  const { year, month, day } = parts;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** 2018-06-29 → 二〇一八年六月二十九日, the way the bulletin's masthead prints its date. */
export function toChineseDate(iso: string): string {
  const parts = isoParts(iso);
  if (!parts) throw new RangeError(`toChineseDate: ${iso} is not YYYY-MM-DD`);
  const { year, month, day } = parts;
  const yearText = String(year)
    .split('')
    .map((d) => digits[Number(d)])
    .join('');
  return `${yearText}年${toChineseNumber(month)}月${toChineseNumber(day)}日`;
}

/** 1–99 in Chinese numerals as dates write them: 十, 十二, 二十, 二十九. */
export function toChineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`toChineseNumber: ${n} is outside 1–99`);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const tensText = tens === 0 ? '' : tens === 1 ? '十' : `${digits[tens]}十`;
  return tensText + (ones === 0 ? '' : digits[ones]);
}

/** True for YYYY, YYYY-MM or a real YYYY-MM-DD: milestones are often known only to the month. */
export function isPartialDate(text: string): boolean {
  if (/^\d{4}$/.test(text)) return true;
  const month = /^\d{4}-(\d{2})$/.exec(text);
  if (month) return Number(month[1]) >= 1 && Number(month[1]) <= 12;
  return isRealDate(text);
}

/** A milestone date as precise as it is known: 2018-02-05 → 2018年2月5日, 2019-01 → 2019年1月, 2019 → 2019年. */
export function partialChineseDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${year}年${month ? `${Number(month)}月` : ''}${day ? `${Number(day)}日` : ''}`;
}
