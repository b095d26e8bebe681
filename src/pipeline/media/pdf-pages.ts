import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** A PDF's page count, or why it cannot be had. */
export type PdfPages = { pages: number } | { unreadable: 'password' | 'damaged' };

/**
 * Runs in a worker thread of its own: pdf.js's legacy build (the modern one needs browser APIs
 * Node 20 lacks) installs core-js polyfills over the built-ins when loaded, and in the build's
 * own thread they made `JSON.stringify` about 9× and `Array.prototype.push` about 3× slower for
 * everything after — Pagefind's messages, the open data, every page's data — which cost a
 * 1,000-issue build more time than all its picture work. It reads the cross-reference table and
 * the page tree, not the pages; font evaluation and font loading are off, as nothing is rendered.
 */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const loaded = import(workerData.pdfjs);
parentPort.on('message', async ({ id, data }) => {
  const pdfjs = await loaded;
  const task = pdfjs.getDocument({
    data,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
  });
  let result;
  try {
    const document = await task.promise;
    result = { pages: document.numPages };
  } catch (error) {
    result = { unreadable: error instanceof Error && error.name === 'PasswordException' ? 'password' : 'damaged' };
  } finally {
    await task.destroy().catch(() => {});
  }
  parentPort.postMessage({ id, result });
});
`;

/** Memory the counting thread may use: a hostile PDF's page tree cannot take the build's memory with it. */
const workerHeapMb = 512;

interface Pending {
  resolve: (pages: PdfPages) => void;
  reject: (error: Error) => void;
}

let counter: { worker: Worker; pending: Map<number, Pending> } | undefined;
let nextId = 0;

function startCounter(): NonNullable<typeof counter> {
  const pdfjs = pathToFileURL(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.mjs')).href;
  const worker = new Worker(workerSource, {
    eval: true,
    workerData: { pdfjs },
    // The thread runs plain JavaScript: no TypeScript loader or test hooks of the parent's.
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: workerHeapMb },
  });
  const started = { worker, pending: new Map<number, Pending>() };
  worker.on('message', ({ id, result }: { id: number; result: PdfPages }) => {
    started.pending.get(id)?.resolve(result);
    started.pending.delete(id);
    if (started.pending.size === 0) worker.unref();
  });
  const fail = (error: Error) => {
    if (counter === started) counter = undefined;
    for (const waiting of started.pending.values()) waiting.reject(error);
    started.pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`PDF page counter stopped (exit code ${code})`)));
  return started;
}

/**
 * Counts a PDF's pages with pdf.js in a worker thread started at the first call and kept, idle,
 * without holding the process open. The bytes are copied over, so `data` stays usable. A PDF
 * that makes the thread run out of memory counts as damaged.
 */
export async function countPdfPages(data: Uint8Array): Promise<PdfPages> {
  counter ??= startCounter();
  const { worker, pending } = counter;
  const id = nextId++;
  const copy = data.slice();
  const answer = new Promise<PdfPages>((resolve, reject) => pending.set(id, { resolve, reject }));
  worker.ref();
  worker.postMessage({ id, data: copy }, [copy.buffer]);
  return answer.catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') return { unreadable: 'damaged' };
    throw error;
  });
}
