/**
 * What the page said about a line, where the source had a page (a PDF): the structure steps read
 * these where geometry decides better than text, and fall back on the text rules without them.
 * Plain types only, so the text steps need nothing from the PDF reader.
 */
export interface LineLayout {
  /** Physical page, 1-based, where the source has pages (a PDF; a Word file has none). */
  page?: number;
  align: 'left' | 'centre' | 'right' | 'justified';
  /** Type size against the body text's. */
  sizeRank: 'title' | 'larger' | 'body' | 'smaller';
  /** The typeface's class: a 黑体 or 楷体 line among 宋体 or 仿宋 body text stands out. */
  face: 'heading' | 'body' | 'other';
  bold: boolean;
  /** Lines the block was set in. */
  lines: number;
  /**
   * The block continues the line above it: same page, same face and size, same left edge, no
   * gap (a contents title that wrapped after its page number).
   */
  continuesAbove: boolean;
  /** When this block is a picture's caption: the pictures it describes, as the Markdown refers to them. */
  caption?: { pictures: string[]; distant: boolean };
}
