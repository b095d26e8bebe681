import type { Image, Paragraph } from 'mdast';
import { visit } from 'unist-util-visit';
import { captionOnlyText, figureParagraphImages } from '../core/content-format.ts';
import { parseSource } from '../pipeline/parse.ts';

export interface FigureCount {
  /** Figures with at least one picture (`![说明](…)`, side by side pictures counting once). */
  withPictures: number;
  /** Caption-only figures (`图：说明`): the picture is still to be added. */
  captionsOnly: number;
}

/** The figures of an imported issue file, counted as the checker will read them. */
export function countFigures(markdown: string): FigureCount {
  const count: FigureCount = { withPictures: 0, captionsOnly: 0 };
  const parsed = parseSource('imported.md', markdown);
  if (!parsed.ok) return count;
  visit(parsed.source.tree, 'paragraph', (paragraph: Paragraph) => {
    if (figureParagraphImages(paragraph)) count.withPictures++;
    else if (isCaptionOnly(paragraph)) count.captionsOnly++;
  });
  return count;
}

function isCaptionOnly(paragraph: Paragraph): boolean {
  const [only, ...rest] = paragraph.children;
  return rest.length === 0 && only?.type === 'text' && captionOnlyText(only.value) !== undefined;
}

/**
 * The issue file with its pictures' folder renamed: an importer refers to pictures as
 * `<issue id>/<name>` (the folder beside `2018-01.md`), and `--out 草稿/试导入.md` puts them in
 * `草稿/试导入/`. Only the destinations of images whose path starts with `from/` change; every
 * other character of the file stays.
 */
export function renamePictureFolder(markdown: string, from: string, to: string): string {
  if (from === to) return markdown;
  const parsed = parseSource('imported.md', markdown);
  if (!parsed.ok) return markdown;
  const written = [from, encodeURI(from)];
  const edits: { at: number; length: number }[] = [];
  visit(parsed.source.tree, 'image', (image: Image) => {
    const start = image.position?.start.offset;
    const end = image.position?.end.offset;
    if (start === undefined || end === undefined || !safeDecode(image.url).startsWith(`${from}/`)) return;
    const source = markdown.slice(start, end);
    for (const form of written) {
      const found = [`](${form}/`, `](<${form}/`].map((mark) => ({ mark, at: source.lastIndexOf(mark) }));
      const hit = found.find((f) => f.at >= 0);
      if (!hit) continue;
      const offset = hit.mark.length - form.length - 1;
      edits.push({ at: start + hit.at + offset, length: form.length });
      return;
    }
  });
  const folder = /^[\p{L}\p{N}._-]+$/u.test(to) ? to : encodeURIComponent(to);
  let text = markdown;
  for (const { at, length } of edits.sort((a, b) => b.at - a.at))
    text = text.slice(0, at) + folder + text.slice(at + length);
  return text;
}

function safeDecode(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
