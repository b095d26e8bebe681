/**
 * The print button of issue and article pages. Printing needs a script to start; site.css shows
 * the button only where scripts run, so it is there from the first paint and nothing moves when
 * this runs. Without JavaScript the browser's own 打印 prints the same page with the print styles.
 */
for (const holder of document.querySelectorAll<HTMLElement>('[data-print-action]'))
  holder.querySelector('button')?.addEventListener('click', () => window.print());

// GB/T 7714's online form cites the day the reader read it: today, in the reader's time zone.
const today = new Date();
const citedDate = [today.getFullYear(), today.getMonth() + 1, today.getDate()]
  .map((part, index) => (index === 0 ? String(part) : String(part).padStart(2, '0')))
  .join('-');
for (const date of document.querySelectorAll<HTMLElement>('[data-cited-date]')) date.textContent = citedDate;
