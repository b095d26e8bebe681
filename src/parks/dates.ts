/**
 * Dates as the bulletin writes them inside a clause: 2018年2月5日, 2018年2月6日、7日 (two days),
 * 2018年3月26日至28日 (a span: its first day), 2010年9月, 2016 年. Returned as ISO prefixes as
 * precise as the text: YYYY-MM-DD, YYYY-MM or YYYY.
 */
export function datesIn(clause: string): string[] {
  const dates: string[] = [];
  const full = /(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日((?:\s*[、和及]\s*\d{1,2}\s*日)*))?)?/g;
  for (const match of clause.matchAll(full)) {
    const [, year, month, day, moreDays] = match;
    // The year group takes part in every match; only the month and day are optional.
    if (year === undefined) continue;
    if (month === undefined) {
      dates.push(year);
      continue;
    }
    const yearMonth = `${year}-${month.padStart(2, '0')}`;
    if (day === undefined) {
      dates.push(yearMonth);
      continue;
    }
    dates.push(`${yearMonth}-${day.padStart(2, '0')}`);
    for (const [, extraDay] of (moreDays ?? '').matchAll(/(\d{1,2})\s*日/g)) {
      if (extraDay !== undefined) dates.push(`${yearMonth}-${extraDay.padStart(2, '0')}`);
    }
  }
  return dates;
}
