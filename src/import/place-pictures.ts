import type { Diagnostic } from '../model.ts';
import type { Block } from './article-body.ts';
import type { ImportedPicture } from './imported-issue.ts';
import type { ImportedArticle, Outline } from './outline.ts';
import { lineDiagnostic } from './text.ts';

/** A group of pictures where it stands among the source lines: a blank line of its own. */
export interface PictureGroupLine {
  line: number;
  pictures: ImportedPicture[];
}

/**
 * The pictures into the outline: a captioned group is already a figure (its caption's line knew
 * it) and gets its folder; a group without a caption becomes a figure without one, in the
 * article it stands in. A group outside every article (on the masthead page, before the first
 * title) is not imported, and said so, with where it can still be seen (`droppedHint`). Only pictures the file
 * refers to are written.
 */
export function placePictures(
  path: string,
  outline: Outline,
  articles: readonly ImportedArticle[],
  groups: readonly PictureGroupLine[],
  folder: string,
  droppedHint: string,
): { pictures: ImportedPicture[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const address = (name: string) => `${folder}/${name}`;
  const allBlocks = [
    ...outline.lead,
    ...outline.sections.flatMap((section) => [...section.lead, ...section.articles.flatMap((a) => a.blocks)]),
  ];
  for (const block of allBlocks)
    if (block.kind === 'figure' && block.pictures) block.pictures = block.pictures.map(address);
  const referenced = new Set(allBlocks.flatMap((block) => (block.kind === 'figure' ? (block.pictures ?? []) : [])));
  for (const group of groups) {
    const addresses = group.pictures.map((picture) => address(picture.name));
    if (addresses.every((a) => referenced.has(a))) continue;
    const article = [...articles].reverse().find((candidate) => candidate.line < group.line);
    if (!article) {
      diagnostics.push(
        lineDiagnostic(
          path,
          group.line,
          'warning',
          'import-picture-dropped',
          `这里的 ${group.pictures.length} 张图片不在任何文章之中（在刊头、目录或第一篇文章之前），没有导入；${droppedHint}如需要，请把图片另存后写入文章。`,
        ),
      );
      continue;
    }
    insertBlock(article.blocks, { kind: 'figure', caption: '', line: group.line, pictures: addresses });
    addresses.forEach((a) => referenced.add(a));
    diagnostics.push(
      lineDiagnostic(
        path,
        group.line,
        'warning',
        'import-picture-caption',
        '这幅图片的上下没有找到图片说明（紧挨图片、居中的短行），已导入为没有说明的图片。请对照原刊，在 ![] 的方括号中写上说明。',
      ),
    );
  }
  const pictures = groups.flatMap((group) => group.pictures).filter((picture) => referenced.has(address(picture.name)));
  return { pictures, diagnostics };
}

function insertBlock(blocks: Block[], block: Block): void {
  const at = blocks.findIndex((other) => other.line > block.line);
  blocks.splice(at === -1 ? blocks.length : at, 0, block);
}
