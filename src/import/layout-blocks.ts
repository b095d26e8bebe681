import type { Block } from './article-body.ts';
import type { BodyLine } from './body-lines.ts';
import type { LineLayout } from './layout-hints.ts';
import { isEnumeratedHeading, isTopHeading } from './line-kinds.ts';
import { endsSentence } from './text.ts';

/** A sub-heading is one short line, two at most when the page is narrow. */
const maxHeadingLength = 40;
const maxHeadingLines = 2;

type Warn = (line: number, rule: string, message: string) => void;

function opening(text: string): string {
  return [...text].slice(0, 12).join('');
}

/**
 * What one block of a PDF page is, below an article's title: the page decides where text rules
 * only guess. A caption was paired with its pictures by position; a sub-heading is set in a
 * heading face (黑体, 楷体 or bold) or opens with `一、` / `（一）`, and when face and text
 * disagree it is a guess the editor is told about. Everything else is a paragraph.
 */
export function layoutBlock(line: BodyLine, layout: LineLayout, warn: Warn): Block {
  const { text, no } = line;
  if (layout.caption) {
    const { pictures, distant } = layout.caption;
    if (distant)
      warn(
        no,
        'import-figure-distant',
        `“${opening(text)}” 离图片较远，仍按图片说明导入。请核对它是否确是这幅图的说明。`,
      );
    return { kind: 'figure', caption: text, line: no, pictures };
  }
  const enumerated = isEnumeratedHeading(text) || isTopHeading(text);
  const headingFace = layout.face === 'heading' || layout.bold;
  const short = [...text].length <= maxHeadingLength && layout.lines <= maxHeadingLines && !endsSentence(text);
  if (enumerated && headingFace) return { kind: 'heading', text, line: no };
  if (enumerated) {
    warn(
      no,
      'import-heading-guess',
      `“${opening(text)}” 以序号开头，导入为小标题（####），但它用的是正文字体。如它是正文段落，请去掉 ####。`,
    );
    return { kind: 'heading', text, line: no };
  }
  if (headingFace && short && layout.align !== 'justified') return { kind: 'heading', text, line: no };
  if (headingFace || (short && layout.align === 'centre')) {
    warn(
      no,
      'import-heading-guess',
      `“${opening(text)}” 的字体或位置像小标题，但按正文段落导入。如它是小标题，请在前面加上 ####。`,
    );
  }
  return { kind: 'paragraph', text, line: no };
}
