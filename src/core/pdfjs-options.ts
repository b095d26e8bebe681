import { createRequire } from 'node:module';
import path from 'node:path';

/** pdf.js reads cMaps and fonts from its own package through file-system paths, with a trailing slash. */
function packageFolder(sub: string): string {
  const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return path.join(root, sub) + path.sep;
}

/** pdf.js's `VerbosityLevel.ERRORS`: what is wrong with a PDF is ours to say, in the editor's terms. */
const errorsOnly = 0;

/**
 * How every PDF is opened with pdf.js (the importer's reader and the cover renderer): from the
 * bytes in memory, nothing fetched, evaluated or handed to the system's fonts. Plain values only,
 * so that a worker thread can be given them; pdf.js itself is not loaded here.
 */
export function pdfjsDocumentOptions(maxImageSize: number) {
  return {
    cMapUrl: packageFolder('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: packageFolder('standard_fonts'),
    wasmUrl: packageFolder('wasm'),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    disableRange: true,
    disableStream: true,
    disableAutoFetch: true,
    // Decoded pixels as plain arrays (not ImageBitmaps): what the importer encodes and the canvas draws.
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    maxImageSize,
    verbosity: errorsOnly,
  };
}
