import type { PictureFormat } from '../../model.ts';

/** What the first bytes of a file say it is: a picture format, SVG, or nothing we take. */
export type SniffedKind = PictureFormat | 'svg' | undefined;

const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));

const startsWith = (bytes: Uint8Array, signature: readonly number[]) =>
  signature.every((byte, index) => bytes[index] === byte);

/**
 * The format of a picture by its magic numbers, never its name: a text file called `.jpg` is no
 * JPEG. AVIF is an ISO-BMFF file whose `ftyp` box names the `avif` (still) or `avis` (sequence)
 * brand, as the major brand or a compatible one.
 */
export function sniffPicture(head: Uint8Array): SniffedKind {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  const six = ascii(head, 0, 6);
  if (six === 'GIF87a' || six === 'GIF89a') return 'gif';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'webp';
  if (isAvif(head)) return 'avif';
  if (looksLikeSvg(head)) return 'svg';
  return undefined;
}

function isAvif(head: Uint8Array): boolean {
  if (head.length < 16 || ascii(head, 4, 8) !== 'ftyp') return false;
  const boxSize = new DataView(head.buffer, head.byteOffset, head.byteLength).getUint32(0);
  const end = Math.min(boxSize, head.length);
  const brands = [ascii(head, 8, 12)];
  // Compatible brands follow the major brand and its minor version.
  for (let offset = 16; offset + 4 <= end; offset += 4) brands.push(ascii(head, offset, offset + 4));
  return brands.includes('avif') || brands.includes('avis');
}

/** An XML or SVG text: what is left after a byte-order mark and white space opens with `<svg` or names it. */
function looksLikeSvg(head: Uint8Array): boolean {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head.subarray(0, 4096)).replace(/^\uFEFF/, '');
  const start = text.trimStart().toLowerCase();
  if (start.startsWith('<svg')) return true;
  return (
    (start.startsWith('<?xml') || start.startsWith('<!doctype') || start.startsWith('<!--')) && start.includes('<svg')
  );
}

/**
 * A PDF by its bytes: `%PDF-` within the first 1,024 bytes, where the PDF standard lets readers
 * look for it (some writers put a few bytes before it).
 */
export function isPdf(head: Uint8Array): boolean {
  return ascii(head, 0, Math.min(head.length, 1024)).includes('%PDF-');
}
