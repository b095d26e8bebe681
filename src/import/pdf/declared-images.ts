/**
 * Image sizes as the file declares them, read from the raw bytes. pdf.js removes an image above
 * its size cap without a word (that is what keeps a gigapixel image from being decoded), so the
 * importer finds such images here to say that they were left out. An image is a stream, and a
 * stream's dictionary is never compressed or encrypted, so a scan of the bytes sees every one
 * (inline images are capped by pdf.js alike, but sit in compressed content streams: not seen).
 */
export interface DeclaredImage {
  width: number;
  height: number;
}

/** Enough bytes either side of `/Image` to hold the rest of its dictionary. */
const window = 2048;

export function declaredImages(bytes: Uint8Array): DeclaredImage[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found: DeclaredImage[] = [];
  for (let at = buffer.indexOf('/Image'); at !== -1; at = buffer.indexOf('/Image', at + 6)) {
    const before = buffer.toString('latin1', Math.max(0, at - window), at);
    const after = buffer.toString('latin1', at, Math.min(buffer.length, at + window));
    // The dictionary around this `/Image`: from its object's `N 0 obj` to the first `stream` after.
    const start = before.lastIndexOf('obj');
    const end = after.indexOf('stream');
    if (start === -1 || end === -1 || !/^\/Image(?![A-Za-z])/.test(after)) continue;
    const dictionary = before.slice(start) + after.slice(0, end);
    if (!/\/Subtype\s*\/Image(?![A-Za-z])/.test(dictionary)) continue;
    const width = /\/Width\s+(\d+)(?![\d.])/.exec(dictionary)?.[1];
    const height = /\/Height\s+(\d+)(?![\d.])/.exec(dictionary)?.[1];
    if (width !== undefined && height !== undefined) found.push({ width: Number(width), height: Number(height) });
  }
  return found;
}
