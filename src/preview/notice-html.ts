import { escapeHtml } from '../core/escape.ts';
import { editsMarkerName } from '../search/edits-merge.ts';
import { noticeLabels as t } from './labels.ts';
import type { PreviewStatus } from './preview-status.ts';

/**
 * The HTML the preview adds to what it serves: the notice over every page and the page served
 * while there is no site. Made on the server from the terminal's lines, every one through
 * escapeHtml: the lines quote the content (a column's title, a file name), which is the
 * editor's text, not markup. No script of its own: the dev server's reload client brings a page
 * up to date (the preview reloads open pages whenever what they show changes) and `<details>`
 * opens and closes the lists.
 */

/** A list longer than this shows its start and a count: every page carries the notice. */
const shownLines = 50;

/** The class every element of the notice hangs from; nothing in the site's own CSS uses it. */
export const noticeClass = 'bulletin-preview-notice';

/** Adds the notice to a served page, or returns it as it was when there is nothing to say. */
export function withNotice(page: string, status: PreviewStatus): string {
  const notice = noticeHtml(status);
  if (notice === '') return page;
  // The style goes where the dev server puts its reload script; the notice last in the body, so
  // it comes after the page's own content in reading and tabbing order.
  const head = page.indexOf('</head>');
  const withStyle = head < 0 ? page : `${page.slice(0, head)}${noticeStyle}${page.slice(head)}`;
  const body = withStyle.lastIndexOf('</body>');
  return body < 0
    ? `${withStyle}${head < 0 ? noticeStyle : ''}${notice}`
    : `${withStyle.slice(0, body)}${notice}${withStyle.slice(body)}`;
}

/**
 * Tells the search page that it runs in the preview, where an edits bundle may amend the search
 * index (src/search/edits-merge.ts). In the head, where the page's script looks for it.
 */
export function withSearchEditsMarker(page: string): string {
  const head = page.indexOf('</head>');
  if (head < 0) return page;
  return `${page.slice(0, head)}<meta name="${editsMarkerName}" content="1">${page.slice(head)}`;
}

/** The notice for a served page: the errors as a banner, the warnings as a smaller note; '' for neither. */
export function noticeHtml({ errors, warnings }: PreviewStatus): string {
  if (errors.length === 0 && warnings.length === 0) return '';
  const warningNote =
    warnings.length === 0
      ? ''
      : disclosure('warnings', t.warningsTitle(warnings.length), warnings, t.warningsHint, false);
  const inner =
    errors.length === 0
      ? `<div class="${noticeClass}-note" role="status">${warningNote}</div>`
      : `<div class="${noticeClass}-banner" role="alert">` +
        disclosure('errors', t.errorsTitle(errors.length), errors, t.errorsHint, true, warningNote) +
        '</div>';
  return `<aside class="${noticeClass}" aria-label="${escapeHtml(t.region)}">${inner}</aside>`;
}

/** The page served at every address until the first build succeeds: starting, or why it cannot. */
export function waitingPage(status: PreviewStatus): string {
  const broken = status.errors.length > 0;
  const title = broken ? t.brokenTitle : t.buildingTitle;
  // While the first build runs the page also asks again every few seconds: a build that ends
  // before its reload client has connected would otherwise leave it waiting.
  const refresh = broken ? '' : '<meta http-equiv="refresh" content="3">';
  return (
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeHtml(title)}</title>${refresh}${waitingStyle}</head><body>` +
    `<main class="${noticeClass}-page"><h1>${escapeHtml(title)}</h1>` +
    `<p>${escapeHtml(broken ? t.brokenText : t.buildingText)}</p>` +
    (broken ? `<div role="alert">${lineList(status.errors)}</div>` : '') +
    '</main></body></html>'
  );
}

function disclosure(
  kind: 'errors' | 'warnings',
  title: string,
  lines: readonly string[],
  hint: string,
  open: boolean,
  after = '',
): string {
  return (
    `<details class="${noticeClass}-${kind}"${open ? ' open' : ''}>` +
    `<summary>${escapeHtml(title)}</summary>` +
    `<div class="${noticeClass}-body"><p>${escapeHtml(hint)}</p>${lineList(lines)}${after}</div>` +
    '</details>'
  );
}

function lineList(lines: readonly string[]): string {
  const items = lines.slice(0, shownLines).map((line) => `<li><code>${escapeHtml(line)}</code></li>`);
  if (lines.length > shownLines) items.push(`<li>${escapeHtml(t.more(lines.length - shownLines))}</li>`);
  return `<ul class="${noticeClass}-lines">${items.join('')}</ul>`;
}

const c = `.${noticeClass}`;
/** A CSS string of a label (the labels hold no quotes or backslashes, but a string is a string). */
const cssString = (text: string) => JSON.stringify(text);

// Colours as the site's (WCAG AA on their backgrounds): text #1f1f1f on white 16:1, red #a40000 8:1,
// the warning's brown #6b4e00 on #fff8e1 7:1. Fixed at the bottom, where it hides the end of a
// page rather than its header and navigation; the body gains room below so the last lines can be
// scrolled clear of the folded bar, and an open list scrolls inside at most half the screen.
const noticeStyle =
  '<style>' +
  `body{padding-bottom:4rem}` +
  `${c}{position:fixed;z-index:2147483647;left:0;right:0;bottom:0;margin:0;font:15px/1.6 'Noto Sans CJK SC',` +
  `'PingFang SC','Microsoft YaHei',system-ui,sans-serif;color:#1f1f1f;text-align:left;pointer-events:none}` +
  `${c} *{box-sizing:border-box}` +
  `${c}-banner,${c}-note{pointer-events:auto}` +
  `${c}-banner{background:#fff;border-top:4px solid #a40000;box-shadow:0 -2px 12px rgba(0,0,0,.25)}` +
  `${c}-note{width:max-content;max-width:calc(100% - 1rem);margin:0 .5rem .5rem auto;background:#fff8e1;` +
  `border:1px solid #6b4e00;border-radius:6px;font-size:13px;color:#6b4e00}` +
  `${c} summary{cursor:pointer;padding:.5rem 1rem;font-weight:700;list-style-position:inside}` +
  `${c} summary:focus-visible{outline:3px solid #b35900;outline-offset:-3px}` +
  `${c}-errors>summary{color:#a40000;font-size:16px}` +
  `${c}-note summary{padding:.25rem .75rem}` +
  `${c} summary::after{content:"（" ${cssString(t.collapse)} "）";font-weight:400;color:#595959;font-size:13px}` +
  `${c} details:not([open])>summary::after{content:"（" ${cssString(t.expand)} "）"}` +
  `${c}-errors>${c}-body{max-height:50vh;overflow:auto;padding:0 1rem .75rem}` +
  `${c}-note ${c}-body{max-height:40vh;overflow:auto;padding:0 .75rem .5rem}` +
  `${c}-warnings{font-size:13px}` +
  `${c}-errors ${c}-warnings{margin-top:.5rem;color:#6b4e00}` +
  `${c}-errors ${c}-warnings>summary{padding:.25rem 0;font-size:13px}` +
  `${c} p{margin:0 0 .5rem}` +
  listStyle(c) +
  `@media print{${c}{display:none}}` +
  '</style>';

const waitingStyle =
  '<style>' +
  `body{margin:0;font:17px/1.8 'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',system-ui,sans-serif;` +
  `color:#1f1f1f;background:#fff}` +
  `${c}-page{max-width:48rem;margin:0 auto;padding:2rem 1rem}` +
  `${c}-page h1{font-size:1.5rem;line-height:1.4;color:#a40000;margin:0 0 1rem}` +
  listStyle(`${c}-page`) +
  '</style>';

/** The problem lines: monospace as in the terminal, wrapped anywhere so a long path fits a phone. */
function listStyle(scope: string): string {
  return (
    `${scope} ${c}-lines{list-style:none;margin:0;padding:0}` +
    `${scope} ${c}-lines li{margin:0 0 .375rem;white-space:pre-wrap;overflow-wrap:anywhere}` +
    `${scope} ${c}-lines code{font:14px/1.5 'Noto Sans Mono CJK SC',ui-monospace,'SFMono-Regular',Menlo,` +
    `Consolas,monospace;background:#f6f4ef;color:#1f1f1f;padding:.125rem .375rem;display:block}`
  );
}
