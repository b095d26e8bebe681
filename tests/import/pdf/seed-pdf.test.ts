import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentsLine, pageMark } from '../../../src/import/line-kinds.ts';
import { readPdfLayout, type PdfLayout, type TextBlock } from '../../../src/import/pdf/read-pdf.ts';
import { parse } from 'yaml';

/**
 * The seed PDF is LibreOffice's export of the seed issue; its Markdown says what each block must
 * read. Everything expected here comes from that Markdown, so a change of either shows.
 */
// The seed's import fixture: its text, and its two photos as the PDF embeds them.
const folder = 'tests/fixtures/pdf-import/seed-2018-01/expected/2018';
const markdown = readFileSync(`${folder}/2018-01.md`, 'utf8');
const [, frontMatter = '', body = ''] = markdown.split(/^---$/m);
const meta = parse(frontMatter) as {
  series: string;
  publisher: string;
  year: number;
  number: number;
  cumulativeNumber: number;
};
const mdLines = body
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '');

const columns = mdLines.flatMap((line) => /^## (.+)$/.exec(line)?.[1] ?? []);
const articles = mdLines.flatMap((line) => {
  const match = /^### (.+?) \{(.*)\}$/.exec(line);
  if (!match) return [];
  const attributes = match[2] ?? '';
  return [
    {
      title: match[1] ?? '',
      page: Number(/page=(\d+)/.exec(attributes)?.[1]),
      contents: /contents="([^"]+)"/.exec(attributes)?.[1] ?? match[1] ?? '',
    },
  ];
});
const subHeadings = mdLines.flatMap((line) => /^#### (.+)$/.exec(line)?.[1] ?? []);
const pictures = mdLines.flatMap((line, index) => {
  const match = /^!\[(.+)\]\((.+)\)$/.exec(line);
  return match ? [{ alt: match[1] ?? '', src: match[2] ?? '', before: mdLines[index - 1] ?? '' }] : [];
});
const prose = mdLines.filter((line) => !line.startsWith('#') && !line.startsWith('!['));
const subtitles = prose.filter((line) => line.startsWith('——'));
const paragraphs = prose.filter((line) => !line.startsWith('——'));

const pdfBytes = new Uint8Array(readFileSync(`${folder}/2018-01.pdf`));
let layout: PdfLayout;
let texts: TextBlock[];
let seconds: number;

beforeAll(async () => {
  const started = performance.now();
  layout = await readPdfLayout(pdfBytes);
  seconds = (performance.now() - started) / 1000;
  texts = layout.blocks.filter((block): block is TextBlock => block.kind === 'text');
});

const withText = (text: string) => texts.filter((block) => block.text === text);

describe('the seed PDF, read against its Markdown', () => {
  it('has nine pages, no warnings, and reads in reasonable time', () => {
    expect(layout.pages).toBe(9);
    expect(layout.warnings).toEqual([]);
    expect(seconds).toBeLessThan(30);
  });

  it('gives the masthead lines as blocks of their own', () => {
    const [title, issue, editor] = texts;
    expect(title).toMatchObject({ text: meta.series, sizeRank: 'title', align: 'centre', page: 1 });
    expect(issue).toMatchObject({
      text: `${meta.year}年第${meta.number}期(总第${meta.cumulativeNumber}期)`,
      align: 'centre',
      family: 'kai',
    });
    expect(editor?.text.startsWith(`${meta.publisher} `)).toBe(true);
  });

  it('gives each contents line, wrapped or not, as one block with its page', () => {
    const entries = texts.flatMap((block) => {
      const entry = contentsLine(block.text);
      return entry ? [{ title: entry.title, page: entry.page }] : [];
    });
    for (const article of articles) expect(entries).toContainEqual({ title: article.contents, page: article.page });
    for (const column of columns) expect(entries.map((entry) => entry.title)).toContain(`【${column}】`);
    expect(entries).toHaveLength(articles.length + columns.length);
  });

  it('gives every article title as one centred bold title block on its page', () => {
    for (const article of articles) {
      const [block, ...more] = withText(article.title);
      expect(more, article.title).toEqual([]);
      expect(block, article.title).toMatchObject({
        sizeRank: 'title',
        align: 'centre',
        bold: true,
        page: article.page,
        printedPage: article.page,
      });
    }
  });

  it('gives subtitles centred in 楷体, column markers and sub-headings bold in 黑体', () => {
    expect(subtitles.length).toBeGreaterThan(0);
    for (const subtitle of subtitles)
      expect(withText(subtitle)[0], subtitle).toMatchObject({ align: 'centre', family: 'kai', sizeRank: 'body' });
    for (const column of columns)
      expect(withText(`【${column}】`)[0], column).toMatchObject({ family: 'hei', bold: true, indent: 0 });
    expect(subHeadings.length).toBeGreaterThan(0);
    for (const heading of subHeadings)
      expect(withText(heading)[0], heading).toMatchObject({ family: 'hei', bold: true, align: 'left', indent: 2 });
  });

  it('gives the body paragraphs as the Markdown has them, joined across lines and pages', () => {
    // A space the author typed at a line end is dropped by LibreOffice, so one paragraph can only
    // match with the spaces between Chinese and Latin folded; everything else matches exactly.
    const fold = (text: string) =>
      text.replace(/(?<=[\p{Script=Han}，。])\s+(?=[0-9A-Za-z])|(?<=[0-9A-Za-z])\s+(?=[\p{Script=Han}])/gu, '');
    const exact = paragraphs.filter((paragraph) => withText(paragraph).length === 1);
    const folded = paragraphs.filter((paragraph) => texts.some((block) => fold(block.text) === fold(paragraph)));
    expect(folded).toEqual(paragraphs);
    expect(exact.length).toBeGreaterThanOrEqual(paragraphs.length - 1);
    for (const paragraph of paragraphs) {
      const block = texts.find((candidate) => fold(candidate.text) === fold(paragraph));
      expect(block, paragraph).toMatchObject({ sizeRank: 'body', family: 'song', bold: false, indent: 2 });
    }
    // The first paragraph starts on page 1 and ends on page 2.
    expect(texts.find((block) => block.text === paragraphs[0])).toMatchObject({ page: 1, endPage: 2 });
  });

  it('drops the made-up spaces around digits but keeps the typed ones', () => {
    expect(texts.some((block) => block.text.startsWith('2018年2月5日，'))).toBe(true);
    // The masthead's title has a typed space, and its editor/date line a column gap.
    for (const block of texts.slice(3)) expect(block.text, block.text).not.toMatch(/\p{Script=Han} +\p{Script=Han}/u);
    expect(texts.some((block) => block.text.includes('前身为 1992 年成立'))).toBe(true);
  });

  it('removes the footers and keeps each page’s printed number', () => {
    expect(texts.filter((block) => pageMark(block.text) !== undefined)).toEqual([]);
    expect(layout.printedPages).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const block of layout.blocks) expect(block.printedPage).toBe(block.page);
  });

  it('extracts both photos as JPEGs, each above its caption, after the paragraph before it', async () => {
    const found = layout.blocks.flatMap((block, index) => (block.kind === 'picture' ? [{ block, index }] : []));
    expect(found).toHaveLength(pictures.length);
    for (const [at, { block, index }] of found.entries()) {
      const expected = pictures[at];
      const caption = layout.blocks[index + 1];
      const before = layout.blocks[index - 1];
      expect(caption?.kind === 'text' && caption.text).toBe(expected?.alt);
      expect(caption?.kind === 'text' && caption).toMatchObject({ page: block.page, align: 'centre', family: 'kai' });
      expect(before?.kind === 'text' && before.text).toBe(expected?.before);
      expect(block.bbox.bottom).toBeLessThanOrEqual(caption?.kind === 'text' ? caption.top : 0);
      expect(block.bbox.right - block.bbox.left).toBeGreaterThan(100);
      const info = await sharp(block.jpeg).metadata();
      expect(info).toMatchObject({ format: 'jpeg', width: block.width, height: block.height });
      // LibreOffice embeds the photos as they were: the JPEG file itself is handed over.
      expect(block.source).toBe('original');
      expect(Buffer.from(pdfBytes).includes(Buffer.from(block.jpeg))).toBe(true);
      // The expected issue's picture is the same file (taken out with pdfimages -all).
      expect(Buffer.from(block.jpeg).equals(readFileSync(`${folder}/${expected?.src ?? ''}`))).toBe(true);
    }
  });
});
