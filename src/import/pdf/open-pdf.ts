import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PdfImportError } from '../../core/errors.ts';
import { pdfjsDocumentOptions } from '../../core/pdfjs-options.ts';
import { isPdf } from '../../pipeline/media/sniff.ts';

/** How much one import may take. A bulletin is 4–40 pages of text and a few photos. */
export interface PdfLimits {
  maxBytes: number;
  maxPages: number;
  /** Pixels of one image above which it is skipped with a warning (a 50 MP photo is ~200 MB as RGBA). */
  maxImagePixels: number;
  /** Wall-clock time for the whole read, loading included. */
  timeBudgetMs: number;
}

export const defaultPdfLimits: PdfLimits = {
  maxBytes: 200 * 1024 * 1024,
  maxPages: 500,
  maxImagePixels: 50_000_000,
  timeBudgetMs: 120_000,
};

type PdfJs = typeof PdfJsModule;

export interface OpenedPdf {
  pdfjs: PdfJs;
  document: PDFDocumentProxy;
  pages: number;
  limits: PdfLimits;
  /** Rejects with PdfImportError once the time budget is spent, or with the signal's reason. */
  guard: <T>(work: Promise<T>) => Promise<T>;
  close: () => Promise<void>;
}

function megabytes(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(1).replace(/\.0$/, '');
}

export const pdfMessages = {
  notPdf: '这不是 PDF 文件（文件开头没有 %PDF- 标记）。请确认选择的是期刊的 PDF 原件。',
  tooBig: (mb: string, limit: string) =>
    `PDF 文件有 ${mb} MB，超过了 ${limit} MB 的上限。请导出不含高分辨率图片的 PDF（如“最小文件大小”）后再导入。`,
  damaged: (why: string) => `PDF 文件已损坏或不完整，无法读取（${why}）。请重新导出或重新下载该 PDF 后再试。`,
  encrypted: 'PDF 文件设有密码或加密保护，无法读取。请在原软件中去掉密码保护后重新导出 PDF 再导入。',
  tooManyPages: (pages: number, limit: number) =>
    `PDF 有 ${pages} 页，超过了 ${limit} 页的上限。一期简报通常不超过几十页，请确认文件无误，或把它拆分后分别导入。`,
  noText:
    'PDF 里没有任何可读取的文字，可能是扫描件或图片。本工具不做文字识别（OCR），请使用由 Word/WPS 直接导出的 PDF，或先用 OCR 软件生成带文字层的 PDF。',
  hugeImage: (width: number, height: number) =>
    `PDF 中有一张 ${width}×${height} 像素的图片远超像素上限，没有解码，已跳过（不知道它在哪一页）。如需保留，请导出较低分辨率的 PDF，或另行提供该图片。`,
  noMapping:
    'PDF 里的文字没有 Unicode 字符映射（字体缺少 ToUnicode），无法提取。请用 Word/WPS 重新导出 PDF（嵌入字体），或改用 .docx 原稿导入。',
  timeout: (seconds: number) =>
    `读取 PDF 超过了 ${seconds} 秒的时间上限，已停止。文件可能过大或结构异常，请重新导出后再试。`,
};

/**
 * Opens a PDF with pdf.js for reading only: nothing in it is executed or fetched. Scripts are
 * never run by pdf.js's core (only its viewer has scripting, which we do not load), `isEvalSupported`
 * stops font programs being compiled with `new Function`, XFA forms are off, and ranges/streaming
 * are off because the bytes are all here already.
 */
export async function openPdf(
  bytes: Uint8Array,
  options: { signal?: AbortSignal; limits?: Partial<PdfLimits> } = {},
): Promise<OpenedPdf> {
  const limits = { ...defaultPdfLimits, ...options.limits };
  const deadline = Date.now() + limits.timeBudgetMs;
  if (bytes.byteLength > limits.maxBytes)
    throw new PdfImportError(pdfMessages.tooBig(megabytes(bytes.byteLength), megabytes(limits.maxBytes)));
  if (!isPdf(bytes)) throw new PdfImportError(pdfMessages.notPdf);

  // Loaded here, not at the top: pdf.js is large and only an import from PDF needs it.
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js transfers (detaches) the buffer it is given, and Node's Buffer pool must not be handed over.
  const data = new Uint8Array(bytes.byteLength);
  data.set(bytes);
  const task = pdfjs.getDocument({
    data,
    // pdf.js drops images above this silently; ours (maxImagePixels) warns first, this only caps memory.
    ...pdfjsDocumentOptions(limits.maxImagePixels * 2),
  });

  let timer: NodeJS.Timeout | undefined;
  const stop = new Promise<never>((_, reject) => {
    const onAbort = () => {
      const reason: unknown = options.signal?.reason;
      reject(reason instanceof Error ? reason : new Error('aborted'));
    };
    if (options.signal?.aborted) onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    timer = setTimeout(
      () => reject(new PdfImportError(pdfMessages.timeout(Math.ceil(limits.timeBudgetMs / 1000)))),
      Math.max(0, deadline - Date.now()),
    );
  });
  stop.catch(() => undefined); // a rejection nobody awaits yet must not crash the process
  const guard = <T>(work: Promise<T>): Promise<T> => Promise.race([work, stop]);
  const close = async () => {
    clearTimeout(timer);
    await task.destroy();
  };

  try {
    const document = await guard(task.promise);
    if (document.numPages > limits.maxPages)
      throw new PdfImportError(pdfMessages.tooManyPages(document.numPages, limits.maxPages));
    return { pdfjs, document, pages: document.numPages, limits, guard, close };
  } catch (error) {
    await close();
    throw translateError(error);
  }
}

/** pdf.js names its exceptions; anything else it throws while parsing means a damaged file. */
export function translateError(error: unknown): unknown {
  if (error instanceof PdfImportError) return error;
  if (!(error instanceof Error)) return new PdfImportError(pdfMessages.damaged(String(error)));
  if (error.name === 'PasswordException') return new PdfImportError(pdfMessages.encrypted);
  if (error.name === 'AbortError') return error;
  if (['InvalidPDFException', 'UnknownErrorException', 'FormatError', 'MissingPDFException'].includes(error.name))
    return new PdfImportError(pdfMessages.damaged(error.message));
  return error;
}
