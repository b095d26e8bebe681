import sharp from 'sharp';

/**
 * The JPEG files a PDF carries as they are: an image XObject whose only filter is /DCTDecode *is*
 * a JPEG file, so handing it over keeps the photo's original quality and saves re-encoding.
 * pdf.js cannot give those bytes (it decodes them), so pdf-lib reads the stream by the object
 * reference pdf.js reports (`ref`, "7R"). Anything unusual (CMYK, masks, a /Decode array,
 * encryption, a reference that does not resolve) returns undefined and the caller re-encodes.
 */
export interface OriginalJpegs {
  jpeg: (ref: string, width: number, height: number) => Promise<Uint8Array | undefined>;
}

/** Opened on the first picture only: pdf-lib parses the whole file, which a text-only PDF never needs. */
export function originalJpegs(bytes: Uint8Array): OriginalJpegs {
  let opened: Promise<Lookup | undefined> | undefined;
  return {
    jpeg: async (ref, width, height) => {
      opened ??= openLookup(bytes).catch(() => undefined);
      const contents = (await opened)?.(ref, width, height);
      if (!contents || contents[0] !== 0xff || contents[1] !== 0xd8) return undefined;
      try {
        // The header must agree with the dictionary, and CMYK JPEGs (inverted by Adobe) are left out.
        const info = await sharp(contents).metadata();
        if (info.format !== 'jpeg' || info.width !== width || info.height !== height) return undefined;
        if (info.space !== 'srgb' && info.space !== 'b-w') return undefined;
      } catch {
        return undefined;
      }
      return contents.slice();
    },
  };
}

/** The stream's bytes when it is a plain JPEG of that size, else undefined. */
type Lookup = (ref: string, width: number, height: number) => Uint8Array | undefined;

async function openLookup(bytes: Uint8Array): Promise<Lookup | undefined> {
  const { PDFArray, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef } = await import('pdf-lib');
  const document = await PDFDocument.load(bytes, {
    ignoreEncryption: true,
    updateMetadata: false,
    throwOnInvalidObject: false,
  });
  // The streams of an encrypted file are encrypted, and pdf-lib does not decrypt them.
  if (document.isEncrypted) return undefined;

  const nameOf = (value: unknown) => (value instanceof PDFName ? value.asString() : undefined);
  return (ref, width, height) => {
    const match = /^(\d+)R(\d*)$/.exec(ref);
    if (!match) return undefined;
    const stream = document.context.lookup(PDFRef.of(Number(match[1]), Number(match[2] || 0)));
    if (!(stream instanceof PDFRawStream)) return undefined;
    const get = (key: string) => stream.dict.get(PDFName.of(key));
    const number = (key: string) => {
      const value = get(key);
      return value instanceof PDFNumber ? value.asNumber() : undefined;
    };
    // Exactly /DCTDecode, and nothing that changes the samples on their way to the page.
    const filter = get('Filter');
    const filters = filter instanceof PDFArray ? filter.asArray() : [filter];
    if (filters.length !== 1 || nameOf(filters[0]) !== '/DCTDecode') return undefined;
    if (['SMask', 'Mask', 'Decode', 'DecodeParms', 'ImageMask'].some((key) => get(key) !== undefined)) return undefined;
    if (!['/DeviceRGB', '/DeviceGray'].includes(nameOf(get('ColorSpace')) ?? '')) return undefined;
    if (number('Width') !== width || number('Height') !== height || number('BitsPerComponent') !== 8) return undefined;
    return stream.contents;
  };
}
