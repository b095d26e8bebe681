/**
 * A small valid PDF standing in for a printed issue: A4 pages with one line of text each (Helvetica,
 * one of the fonts every PDF reader has, so nothing is embedded), a cross-reference table with
 * each object's exact byte offset, and a trailer. About 300 bytes a page.
 */
export function originalPdf(pages: number, label: string): Buffer {
  if (!Number.isInteger(pages) || pages < 1) throw new RangeError(`a PDF needs a whole number of pages, got ${pages}`);
  // Objects: 1 catalog, 2 page tree, 3 font, then a page and its content stream for each page.
  const pageObject = (page: number) => 4 + 2 * (page - 1);
  const kids = Array.from({ length: pages }, (_, k) => `${pageObject(k + 1)} 0 R`).join(' ');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ...Array.from({ length: pages }, (_, k) => {
      const line = `BT /F1 14 Tf 72 770 Td (${pdfString(`${label} - ${k + 1} / ${pages}`)}) Tj ET`;
      return [
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> ` +
          `/Contents ${pageObject(k + 1) + 1} 0 R >>`,
        `<< /Length ${line.length} >>\nstream\n${line}\nendstream`,
      ];
    }).flat(),
  ];
  // A binary comment after the header tells transfer tools the file is binary, as the standard advises.
  let text = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((body, k) => {
    offsets.push(Buffer.byteLength(text, 'latin1'));
    text += `${k + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(text, 'latin1');
  // Each entry is exactly 20 bytes: 10-digit offset, 5-digit generation, type, and a two-byte end of line.
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) text += `${String(offset).padStart(10, '0')} 00000 n \n`;
  text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(text, 'latin1');
}

/** Text for a PDF literal string: ASCII only (Helvetica's encoding), with `\`, `(` and `)` escaped. */
function pdfString(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?').replace(/[\\()]/g, '\\$&');
}
