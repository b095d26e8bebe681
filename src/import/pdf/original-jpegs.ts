import sharp from 'sharp';

/**
 * The JPEG files a PDF carries as they are: an image XObject whose only filter is /DCTDecode *is*
 * a JPEG file, so handing it over keeps the photo's original quality and saves re-encoding.
 * pdf.js cannot give those bytes (it decodes them), so pdf-lib reads the stream by the object
 * reference pdf.js reports (`ref`, "7R"). Anything unusual (CMYK, masks, a /Decode array, an
 * ICC profile of other than 1 or 3 components, encryption, a reference that does not resolve)
 * returns undefined and the caller re-encodes.
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

/** A JFIF APP0 segment right after the start-of-image marker. */
function isJfif(bytes: Uint8Array): boolean {
  return bytes[2] === 0xff && bytes[3] === 0xe0 && Buffer.from(bytes.subarray(6, 11)).toString('latin1') === 'JFIF\0';
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
  /** RGB or gray as the page shows it: the device spaces, or an ICC profile of 3 or 1 components (Chromium's sRGB). */
  const isRgbOrGray = (space: unknown): boolean => {
    const name = nameOf(space);
    if (name !== undefined) return name === '/DeviceRGB' || name === '/DeviceGray';
    if (!(space instanceof PDFArray) || space.size() !== 2 || nameOf(space.get(0)) !== '/ICCBased') return false;
    const profile = document.context.lookup(space.get(1));
    const components = profile instanceof PDFRawStream ? profile.dict.get(PDFName.of('N')) : undefined;
    return components instanceof PDFNumber && [1, 3].includes(components.asNumber());
  };
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
    if (!isRgbOrGray(get('ColorSpace'))) return undefined;
    if (number('Width') !== width || number('Height') !== height || number('BitsPerComponent') !== 8) return undefined;
    // /ColorTransform 0 says "not YCbCr"; a JFIF file is YCbCr by definition, and pdf.js decodes it
    // so (Chromium writes JFIF with 0): only elsewhere would a viewer show other colours than the page.
    const transform = number('ColorTransform');
    if (transform === 0 && !isJfif(stream.contents)) return undefined;
    return stream.contents;
  };
}
