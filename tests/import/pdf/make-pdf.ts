/**
 * Tiny hand-made PDFs for the reading layer's tests: one object per string, the cross-reference
 * table computed. Enough for Helvetica and a non-embedded GB1 font (UniGB-UCS2-H, so pdf.js needs
 * its cMaps), the cases LibreOffice fixtures never show (GBK font names, `2 Tr`, overprint).
 */

export interface PageSpec {
  /** The page's content stream. Fonts: /F1 Helvetica, /F2 a Chinese font named `cjkName`. */
  content: string;
  width?: number;
  height?: number;
  /** Extra page-dictionary entries, e.g. `/Rotate 90`. */
  extra?: string;
  /** Entries of the page's /XObject resources, e.g. `/Im1 6 0 R`. */
  xobjects?: string;
}

export interface PdfSpec {
  pages: PageSpec[];
  /** The BaseFont of /F2, written as in the file (`/#BA#DA#CC#E5,Bold` is GBK 黑体,Bold). */
  cjkName?: string;
  /** Extra trailer entries, e.g. an /Encrypt dictionary. */
  trailer?: string;
  /** Extra objects, numbered after the fixed ones (see `firstExtra`). */
  objects?: string[];
  /** Extra entries of every page's /Font resources, e.g. `/F3 6 0 R`. */
  fonts?: string;
  /** Extra catalog entries, e.g. an `/OpenAction` with JavaScript. */
  catalog?: string;
}

/** Objects 1–5 are fixed (catalog, pages, fonts, descriptor); extras start here, then the pages. */
export const firstExtra = 6;

/** UTF-16BE hex of the text, which UniGB-UCS2-H takes as character codes. */
export function ucs2(text: string): string {
  return `<${[...text].map((char) => (char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')).join('')}>`;
}

export function makePdf(spec: PdfSpec): Uint8Array {
  const cjk = spec.cjkName ?? '/SimSun';
  const extras = spec.objects ?? [];
  const pageStart = firstExtra + extras.length;
  const pageIds = spec.pages.map((_, index) => pageStart + index * 2);
  const objects: string[] = [
    `<< /Type /Catalog /Pages 2 0 R ${spec.catalog ?? ''}>>`,
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${spec.pages.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Type /Font /Subtype /Type0 /BaseFont ${cjk} /Encoding /UniGB-UCS2-H /DescendantFonts [<< /Type /Font ` +
      `/Subtype /CIDFontType0 /BaseFont ${cjk} /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> ` +
      '/FontDescriptor 5 0 R /DW 1000 >>] >>',
    `<< /Type /FontDescriptor /FontName ${cjk} /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 ` +
      '/Descent -120 /CapHeight 700 /StemV 80 >>',
    ...extras,
  ];
  spec.pages.forEach((page, index) => {
    const content = Buffer.from(page.content, 'latin1');
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${page.width ?? 595} ${page.height ?? 842}] ` +
        `/Resources << /Font << /F1 3 0 R /F2 4 0 R ${spec.fonts ?? ''}>> /XObject << ${page.xobjects ?? ''} >> >> ` +
        `/Contents ${pageStart + index * 2 + 1} 0 R ${page.extra ?? ''}>>`,
      `<< /Length ${content.length} >>\nstream\n${page.content}\nendstream`,
    );
  });
  let body = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${spec.trailer ?? ''}>>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, 'latin1'));
}

/** A text object: font, size, position, then raw operators (`(Hello) Tj`, `<...> Tj`). */
export function text(font: 'F1' | 'F2', size: number, x: number, y: number, show: string): string {
  return `BT /${font} ${size} Tf 1 0 0 1 ${x} ${y} Tm ${show} ET\n`;
}

/** An image XObject of raw samples, hex-encoded so the file stays text. */
export function imageObject(width: number, height: number, colourSpace: string, bits: number, hex: string): string {
  return (
    `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace ${colourSpace} ` +
    `/BitsPerComponent ${bits} /Filter /ASCIIHexDecode /Length ${hex.length + 1} >>\nstream\n${hex}>\nendstream`
  );
}
