/**
 * Tiny media files made in the test, byte by byte, for the media rules: real PNGs (deflated rows,
 * CRCs), JPEG headers, PDFs with a given number of pages, and files that only pretend.
 */
import { crc32, deflateSync } from 'node:zlib';

const bytes = (...parts: (Uint8Array | number[] | string)[]): Uint8Array => {
  const arrays = parts.map((part) =>
    typeof part === 'string'
      ? new TextEncoder().encode(part)
      : part instanceof Uint8Array
        ? part
        : Uint8Array.from(part),
  );
  const out = new Uint8Array(arrays.reduce((sum, a) => sum + a.length, 0));
  let offset = 0;
  for (const a of arrays) {
    out.set(a, offset);
    offset += a.length;
  }
  return out;
};

const u32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
const u16 = (n: number) => [(n >>> 8) & 0xff, n & 0xff];

function chunk(type: string, data: Uint8Array): Uint8Array {
  const typed = bytes(type, data);
  return bytes(u32(data.length), typed, u32(crc32(typed)));
}

/**
 * A PNG of `width` × `height` grey pixels. With `declared`, the header claims that size while the
 * data holds one row of one pixel: a few bytes that a decoder would inflate to the claimed size.
 */
export function png(width: number, height: number, { declared = false } = {}): Uint8Array {
  const rows = declared ? 1 : height;
  const rowBytes = declared ? 1 : width;
  const raw = new Uint8Array(rows * (rowBytes + 1)).fill(0x80);
  for (let row = 0; row < rows; row++) raw[row * (rowBytes + 1)] = 0; // filter: none
  const header = bytes(u32(width), u32(height), [8, 0, 0, 0, 0]); // 8-bit greyscale
  return bytes(
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array()),
  );
}

/** A JPEG header (JFIF or EXIF, then the frame header) giving its size; `orientation` adds the EXIF tag. */
export function jpegHeader(width: number, height: number, { orientation }: { orientation?: number } = {}): Uint8Array {
  const app =
    orientation === undefined
      ? bytes([0xff, 0xe0], u16(16), 'JFIF\0', [1, 1, 0], u16(1), u16(1), [0, 0])
      : bytes(
          [0xff, 0xe1],
          u16(34),
          'Exif\0\0',
          'MM',
          [0, 0x2a],
          u32(8),
          u16(1),
          [0x01, 0x12],
          u16(3),
          u32(1),
          u16(orientation),
          [0, 0],
          u32(0),
        );
  const frame = bytes([0xff, 0xc0], u16(17), [8], u16(height), u16(width), [3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  return bytes([0xff, 0xd8], app, frame, [0xff, 0xd9]);
}

/** The first bytes of a GIF, a WebP and an AVIF, enough for their kind and size. */
export const gifHeader = (width: number, height: number) =>
  bytes('GIF89a', [width & 0xff, width >> 8, height & 0xff, height >> 8], [0, 0, 0]);

export const webpHeader = (width: number, height: number) =>
  bytes('RIFF', [30, 0, 0, 0], 'WEBPVP8X', [10, 0, 0, 0], [0, 0, 0, 0], le24(width - 1), le24(height - 1));

const le24 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff];

export function avifHeader(width: number, height: number): Uint8Array {
  const box = (type: string, ...content: Uint8Array[]) => {
    const body = bytes(...content);
    return bytes(u32(body.length + 8), type, body);
  };
  const ftyp = box('ftyp', bytes('avif', u32(0), 'mif1', 'miaf'));
  const ispe = box('ispe', bytes(u32(0), u32(width), u32(height)));
  const meta = box('meta', bytes(u32(0)), box('iprp', box('ipco', ispe)));
  return bytes(ftyp, meta);
}

/** An SVG that would run script in a page. */
export const svg = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>\n';

/** A PDF with `pages` blank A4 pages: catalog, page tree, pages, and a cross-reference table with true offsets. */
export function pdf(pages: number): Uint8Array {
  const kids = Array.from({ length: pages }, (_, i) => `${i + 3} 0 R`).join(' ');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    ...Array.from({ length: pages }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'),
  ];
  let text = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(text.length);
    text += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  text += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(text);
}
