import { createRequire } from 'node:module';
import path from 'node:path';
import type { PDFDocumentLoadingTask } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * Renders the first page of an issue's printed PDF to a JPEG: the cover, as periodical
 * archives show it. pdf.js (legacy build, for Node) draws into a @napi-rs/canvas canvas (Skia,
 * a prebuilt binary from the registry); nothing in the PDF is executed or fetched.
 */

/** Pixels across the rendered cover: twice the widest cover box on the site (site.css: 15rem). */
export const coverRenderWidth = 960;

/** Bump when the rendering changes the pictures it makes (their cache names carry it). */
export const coverRecipe = `pdfjs-5.6.205/${coverRenderWidth}/jpeg-90/v1`;

/** A page larger than this (in PDF points, 1/72 in) is not a bulletin's: A3 is 842 × 1191. */
const maxPagePoints = 3000;

export interface RenderedCover {
  jpeg: Uint8Array;
  width: number;
  height: number;
}

/** Why a cover could not be rendered, in the editor's terms. */
export class CoverRenderError extends Error {
  override name = 'CoverRenderError';
}

/** pdf.js reads cMaps and fonts from its own package through file-system paths, with a trailing slash. */
function packageFolder(sub: string): string {
  const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return path.join(root, sub) + path.sep;
}

/**
 * The first page of `bytes` as a JPEG `coverRenderWidth` pixels wide. Rejects with
 * CoverRenderError for a damaged, encrypted or implausible PDF, or after `timeoutMs`.
 */
export async function renderCover(bytes: Uint8Array, timeoutMs = 30_000): Promise<RenderedCover> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js transfers (detaches) the buffer it is given: never a Buffer from Node's shared pool.
  const data = new Uint8Array(bytes.byteLength);
  data.set(bytes);
  const task = pdfjs.getDocument({
    data,
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
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    // A cover is one page: a photo on it above 40 MP is not drawn (memory), the rest is.
    maxImageSize: 40_000_000,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new CoverRenderError(`超过 ${Math.round(timeoutMs / 1000)} 秒仍未画完第一页`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([draw(task), timeout]);
  } catch (error) {
    throw reason(error);
  } finally {
    clearTimeout(timer);
    await task.destroy().catch(() => undefined);
  }
}

async function draw(task: PDFDocumentLoadingTask): Promise<RenderedCover> {
  const document = await task.promise;
  const page = await document.getPage(1);
  const unit = page.getViewport({ scale: 1 });
  if (!(unit.width > 0 && unit.height > 0) || unit.width > maxPagePoints || unit.height > maxPagePoints)
    throw new CoverRenderError(`第一页的尺寸异常（${Math.round(unit.width)} × ${Math.round(unit.height)} 点）`);
  const viewport = page.getViewport({ scale: coverRenderWidth / unit.width });
  const width = Math.round(viewport.width);
  const height = Math.round(viewport.height);
  // pdf.js's own factory: in Node it makes a @napi-rs/canvas canvas (typed here as the DOM's).
  const factory = document.canvasFactory as { create(width: number, height: number): { canvas: unknown } };
  const canvas = factory.create(width, height).canvas as HTMLCanvasElement & {
    encode(format: 'jpeg', quality: number): Promise<Uint8Array>;
  };
  // White paper behind the page: a PDF page is transparent where nothing is printed.
  await page.render({ canvas, viewport, background: '#ffffff' }).promise;
  const jpeg = await canvas.encode('jpeg', 90);
  page.cleanup();
  return { jpeg, width, height };
}

/** pdf.js names its exceptions; any of them means the file could not be read. */
function reason(error: unknown): CoverRenderError {
  if (error instanceof CoverRenderError) return error;
  if (error instanceof Error && error.name === 'PasswordException') return new CoverRenderError('PDF 设有密码保护');
  const message = error instanceof Error ? error.message : String(error);
  return new CoverRenderError(`PDF 无法读取：${message.replace(/\s+/g, ' ').trim()}`);
}
