/**
 * The print button of issue and article pages: printing needs a script to start, so the button
 * is written hidden and shown only here; without JavaScript the browser's own 打印 prints the
 * same page with the print styles.
 */
for (const holder of document.querySelectorAll<HTMLElement>('[data-print-action]')) {
  const button = holder.querySelector('button');
  if (!button) continue;
  button.addEventListener('click', () => window.print());
  holder.hidden = false;
}

// GB/T 7714's online form cites the day the reader read it: today, in the reader's time zone.
const today = new Date();
const citedDate = [today.getFullYear(), today.getMonth() + 1, today.getDate()]
  .map((part, index) => (index === 0 ? String(part) : String(part).padStart(2, '0')))
  .join('-');
for (const date of document.querySelectorAll<HTMLElement>('[data-cited-date]')) date.textContent = citedDate;
