/** A PDF's page count, or why it cannot be had. */
export type PdfPages = { pages: number } | { unreadable: 'password' | 'damaged' };

/**
 * Counts a PDF's pages with pdf.js (the legacy build: the modern one needs browser APIs Node 20
 * lacks), loaded only when an issue has an original. It reads the cross-reference table and the
 * page tree, not the pages; font evaluation and font loading are off, as nothing is rendered.
 */
export async function countPdfPages(data: Uint8Array): Promise<PdfPages> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
  });
  try {
    const document = await task.promise;
    return { pages: document.numPages };
  } catch (error) {
    return { unreadable: error instanceof Error && error.name === 'PasswordException' ? 'password' : 'damaged' };
  } finally {
    await task.destroy();
  }
}
