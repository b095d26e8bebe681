import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { pdfjsDocumentOptions } from '../../core/pdfjs-options.ts';

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

/**
 * Runs in a worker thread of its own, as the page counter does (src/pipeline/media/pdf-pages.ts):
 * pdf.js's legacy build installs core-js polyfills over the built-ins when loaded, which in the
 * build's own thread slow everything after it several times over. Plain JavaScript, so the thread
 * needs no TypeScript loader. Answers `{ jpeg, width, height }` or `{ error, name }`.
 */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const loaded = import(workerData.pdfjs);
parentPort.on('message', async ({ id, data }) => {
  const pdfjs = await loaded;
  const task = pdfjs.getDocument({ data, ...workerData.documentOptions });
  try {
    const document = await task.promise;
    const page = await document.getPage(1);
    const unit = page.getViewport({ scale: 1 });
    const most = workerData.maxPagePoints;
    if (!(unit.width > 0 && unit.height > 0) || unit.width > most || unit.height > most)
      throw Object.assign(new Error(Math.round(unit.width) + ' × ' + Math.round(unit.height)), { name: 'PageSize' });
    const viewport = page.getViewport({ scale: workerData.width / unit.width });
    const width = Math.round(viewport.width);
    const height = Math.round(viewport.height);
    // pdf.js's own factory: in Node a @napi-rs/canvas (Skia) canvas.
    const { canvas } = document.canvasFactory.create(width, height);
    await page.render({ canvas, viewport, background: '#ffffff' }).promise;
    const jpeg = await canvas.encode('jpeg', workerData.quality);
    const bytes = new Uint8Array(jpeg.buffer, jpeg.byteOffset, jpeg.byteLength).slice();
    parentPort.postMessage({ id, result: { jpeg: bytes, width, height } }, [bytes.buffer]);
  } catch (error) {
    const message = String((error && error.message) || error);
    parentPort.postMessage({ id, result: { error: message, name: error && error.name } });
  } finally {
    await task.destroy().catch(() => {});
  }
});
`;

/** Memory the rendering thread may use: one page at 960 px is some 5 MB of pixels. */
const workerHeapMb = 768;

type WorkerAnswer = RenderedCover | { error: string; name?: string };

/** Renders covers one at a time in one worker thread; `close` ends the thread. */
export interface CoverRenderer {
  /**
   * The first page of `bytes` as a JPEG `coverRenderWidth` pixels wide. Rejects with
   * CoverRenderError for a damaged, encrypted or implausible PDF, or after `timeoutMs` (the
   * thread is then stopped, and the next call starts another).
   */
  render(bytes: Uint8Array, timeoutMs?: number): Promise<RenderedCover>;
  close(): Promise<void>;
}

export function openCoverRenderer(): CoverRenderer {
  let worker: Worker | undefined;
  let nextId = 0;
  const start = (): Worker => {
    const resolve = (specifier: string) => createRequire(import.meta.url).resolve(specifier);
    const started = new Worker(workerSource, {
      eval: true,
      workerData: {
        pdfjs: pathToFileURL(resolve('pdfjs-dist/legacy/build/pdf.mjs')).href,
        // A photo on the cover above 40 MP is not drawn (memory); the rest of the page is.
        documentOptions: pdfjsDocumentOptions(40_000_000),
        width: coverRenderWidth,
        quality: 90,
        maxPagePoints,
      },
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: workerHeapMb },
    });
    started.unref();
    return started;
  };
  return {
    async render(bytes, timeoutMs = 30_000) {
      worker ??= start();
      const current = worker;
      const id = nextId++;
      const copy = bytes.slice();
      let timer: NodeJS.Timeout | undefined;
      const cleanup: (() => void)[] = [];
      let answer: WorkerAnswer;
      try {
        answer = await new Promise<WorkerAnswer>((resolve, reject) => {
          const onMessage = (message: { id: number; result: WorkerAnswer }) => {
            if (message.id === id) resolve(message.result);
          };
          const onError = (error: Error) => reject(error);
          const onExit = (code: number) => reject(new CoverRenderError(`渲染线程意外退出（${code}）`));
          current.on('message', onMessage);
          current.on('error', onError);
          current.on('exit', onExit);
          cleanup.push(() => {
            current.off('message', onMessage);
            current.off('error', onError);
            current.off('exit', onExit);
          });
          timer = setTimeout(
            () => reject(new CoverRenderError(`超过 ${Math.round(timeoutMs / 1000)} 秒仍未画完第一页`)),
            timeoutMs,
          );
          current.ref();
          current.postMessage({ id, data: copy }, [copy.buffer]);
        });
      } catch (error) {
        // A thread that timed out, ran out of memory or died is not used again.
        if (worker === current) worker = undefined;
        await current.terminate();
        throw reason(error);
      } finally {
        clearTimeout(timer);
        for (const undo of cleanup) undo();
        current.unref();
      }
      if ('error' in answer) throw answerError(answer);
      return answer;
    },
    async close() {
      const current = worker;
      worker = undefined;
      await current?.terminate();
    },
  };
}

function answerError({ error, name }: { error: string; name?: string }): CoverRenderError {
  if (name === 'PasswordException') return new CoverRenderError('PDF 设有密码保护');
  if (name === 'PageSize') return new CoverRenderError(`第一页的尺寸异常（${error} 点）`);
  return new CoverRenderError(`PDF 无法读取：${error.replace(/\s+/g, ' ').trim()}`);
}

/** One cover, in a thread of its own that ends with it: for a single render (tests, tools). */
export async function renderCover(bytes: Uint8Array, timeoutMs?: number): Promise<RenderedCover> {
  const renderer = openCoverRenderer();
  try {
    return await renderer.render(bytes, timeoutMs);
  } finally {
    await renderer.close();
  }
}

/** Whatever stopped the thread (out of memory, a crash), in the editor's terms. */
function reason(error: unknown): CoverRenderError {
  if (error instanceof CoverRenderError) return error;
  if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY')
    return new CoverRenderError('第一页太复杂，渲染时超出内存上限');
  const message = error instanceof Error ? error.message : String(error);
  return new CoverRenderError(`渲染失败：${message.replace(/\s+/g, ' ').trim()}`);
}
