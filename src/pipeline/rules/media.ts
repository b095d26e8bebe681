import type { VFile } from 'vfile';
import { issueMediaFolder } from '../../core/content-format.ts';
import type { Place } from '../../core/diagnostics.ts';
import type { OriginalFact } from '../media/examine.ts';

/** A picture's path as messages quote it: as written, cut short when long (a data: URL). */
export function quoted(url: string): string {
  return url.length > 60 ? `${url.slice(0, 57)}…` : url;
}

/** The issue's picture folder as messages name it (`content/2018/2018-01/`) and as paths write it (`2018-01`). */
export function mediaFolderOf(file: VFile): { shown: string; written: string } {
  const shown = issueMediaFolder(file.path);
  return { shown: `${shown}/`, written: shown.split('/').at(-1) ?? shown };
}

/** How to write a picture the right way, for fix hints. */
export function pictureExample(file: VFile, caption = '说明'): string {
  return `![${caption}](${mediaFolderOf(file).written}/文件名.jpg)`;
}

/** Where messages about the original point: its `original:` line, else the file's start. */
export function originalPlace(original: OriginalFact): Place {
  return original.written?.place ?? { line: 1, column: 1 };
}

/** A count of pixels as Chinese writes large numbers: 1200 万、100 亿. */
export function pixelCount(pixels: number): string {
  return pixels >= 1e8 ? `${Math.round(pixels / 1e8)} 亿` : `${Math.round(pixels / 1e4)} 万`;
}

/** Bytes in MB with one decimal, as the site will show a download's size. */
export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
