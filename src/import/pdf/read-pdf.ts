import { PdfImportError } from '../../core/errors.ts';
import { buildBlocks, type LayoutBlock } from './blocks.ts';
import { cleanPageRuns, type PdfWarning } from './chars.ts';
import { removeFurniture } from './furniture.ts';
import { readLines } from './lines.ts';
import { originalJpegs } from './original-jpegs.ts';
import { openPdf, pdfMessages, translateError, type PdfLimits } from './open-pdf.ts';
import { readPageImages, type PageImage, type SkippedImage } from './page-images.ts';
import { declaredImages } from './declared-images.ts';
import { countDrawnGlyphs, readPageRuns, type Ops, type TextRun } from './text-runs.ts';

export type { LayoutBlock, PictureBlock, TextBlock } from './blocks.ts';

export type { PdfWarning } from './chars.ts';

export interface PdfLayout {
  pages: number;
  blocks: LayoutBlock[];
  /** The number printed on each physical page (index 0 = page 1), where one was found. */
  printedPages: (number | undefined)[];
  warnings: PdfWarning[];
}

const skipMessages: Record<SkippedImage['reason'], (image: SkippedImage) => string | undefined> = {
  tiny: () => undefined, // icons and bullets are expected; saying so for each would bury real warnings
  rule: () => undefined,
  huge: (image) =>
    `第 ${image.page} 页有一张 ${image.width}×${image.height} 像素的图片超过了像素上限，已跳过。如需保留，请导出较低分辨率的 PDF，或另行提供该图片。`,
  unreadable: (image) => `第 ${image.page} 页有一张图片无法解码，已跳过。`,
};

/**
 * From PDF bytes to the layout the structure step reads: text blocks and pictures in reading
 * order, running headers and footers removed, printed page numbers kept, and warnings (in
 * Chinese, for the editor) for whatever looked wrong.
 */
export async function readPdfLayout(
  bytes: Uint8Array,
  options: { signal?: AbortSignal; limits?: Partial<PdfLimits> } = {},
): Promise<PdfLayout> {
  const pdf = await openPdf(bytes, options);
  const warnings: PdfWarning[] = [];
  try {
    const ops: Ops = pdf.pdfjs.OPS;
    const normalise = (text: string): string => String(pdf.pdfjs.normalizeUnicode(text));
    const runs: TextRun[][] = [];
    const heights: number[] = [];
    const images: PageImage[] = [];
    const originals = originalJpegs(bytes);
    const unmapped = new Set<number>();
    for (let pageNo = 1; pageNo <= pdf.pages; pageNo++) {
      options.signal?.throwIfAborted();
      const page = await pdf.guard(pdf.document.getPage(pageNo));
      const operators = await pdf.guard(page.getOperatorList());
      const pageRuns = await pdf.guard(readPageRuns(page, pageNo, operators, ops, normalise));
      const cleaned = cleanPageRuns(pageRuns, pageNo);
      runs.push(cleaned.runs);
      warnings.push(...cleaned.warnings);
      const drawn = countDrawnGlyphs(operators, ops);
      if (drawn > 0 && !hasText(cleaned.runs)) {
        unmapped.add(pageNo);
        warnings.push({
          page: pageNo,
          message: `第 ${pageNo} 页画出了 ${drawn} 个字形，但都没有字符映射，文字无法提取。`,
        });
      }
      heights.push(page.getViewport({ scale: 1 }).height);
      const found = await pdf.guard(readPageImages(page, pageNo, operators, ops, pdf.limits.maxImagePixels, originals));
      images.push(...found.images);
      for (const image of found.skipped) {
        const message = skipMessages[image.reason](image);
        if (message) warnings.push({ page: pageNo, message });
      }
      page.cleanup();
    }
    if (!runs.some(hasText)) throw new PdfImportError(unmapped.size > 0 ? pdfMessages.noMapping : pdfMessages.noText);
    const { lines, frame } = readLines(runs);
    lines.forEach((page, index) => {
      const pageNo = index + 1;
      if (page.length === 0 && !unmapped.has(pageNo) && !images.some((image) => image.page === pageNo))
        warnings.push({ page: pageNo, message: `第 ${pageNo} 页没有文字（可能是扫描页或空白页），已跳过。` });
    });
    // Above pdf.js's own cap the image never reached readPageImages: pdf.js dropped it unread.
    for (const image of declaredImages(bytes))
      if (image.width * image.height > pdf.limits.maxImagePixels * 2)
        warnings.push({ message: pdfMessages.hugeImage(image.width, image.height) });
    const furniture = removeFurniture(lines, heights);
    return {
      pages: pdf.pages,
      blocks: buildBlocks(furniture.pages, images, frame, furniture.printedPages),
      printedPages: furniture.printedPages,
      warnings,
    };
  } catch (error) {
    throw translateError(error);
  } finally {
    await pdf.close();
  }
}

function hasText(runs: readonly TextRun[]): boolean {
  return runs.some((run) => !run.synthetic && run.text.trim() !== '');
}
