/** What a PDF font's name says about its face: the family class a heading rule looks at, and bold. */

export { fontFamily, type FontFamily } from '../layout-signals.ts';

/**
 * The name as the author's system called it. A subset prefix (`ABCDEF+`) is dropped. Chinese
 * Windows writes names as GBK bytes (`/#BA#DA#CC#E5` = 黑体), which pdf.js hands over as one
 * Latin-1 character per byte (`ºÚÌå`); those are decoded back.
 */
export function decodeFontName(raw: string): string {
  const name = raw.replace(/^[A-Z]{6}\+/, '');
  if (!/[\x80-\xff]/.test(name) || /[^\x00-\xff]/.test(name)) return name;
  try {
    const bytes = Uint8Array.from(name, (char) => char.charCodeAt(0));
    return new TextDecoder('gbk', { fatal: true }).decode(bytes);
  } catch {
    return name; // not GBK after all: Latin-1 is the better guess
  }
}

/**
 * MinerU's rule for bold by name (opendatalab/MinerU pdf_text_styles.py): bold, demi, black,
 * heavy, or a weight suffix such as `-Bd`, `,BI`, `W7`. pdf.js gives neither FontWeight nor the
 * ForceBold flag, so the name is all there is; fake bold is found elsewhere (text-runs.ts).
 */
const boldName = /bold|demi|black|heavy|(?:^|[-_,])(?:bd|bi)(?:mt)?$|gbi$|(?:^|[-_,])w[6-9]$/i;

export function isBoldName(name: string): boolean {
  return boldName.test(name);
}
