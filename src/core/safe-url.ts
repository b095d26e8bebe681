/**
 * URLs content may carry into pages and open data: relative paths and web or mail addresses.
 * Everything else (javascript:, data:, vbscript:, file: …) is dropped; browsers ignore tabs and
 * line breaks inside a scheme, so those are removed before the scheme is read.
 */
export function isSafeUrl(url: string, { allowMail = false } = {}): boolean {
  const compact = url.replace(/[\u0000-\u0020]/g, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact)?.[1];
  if (scheme === undefined) return true;
  return scheme === 'http' || scheme === 'https' || (allowMail && scheme === 'mailto');
}
