import type { Paragraph } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import {
  captionOnlyText,
  figureParagraphImages,
  headingAttributesText,
  imageText,
  issueFileText,
  splitHeadingAttributes,
  subtitleText,
  writeIssue,
} from '../../src/core/content-format.ts';

describe('splitHeadingAttributes', () => {
  it('leaves a heading without a block alone', () => {
    expect(splitHeadingAttributes('紧扣国家需求，发展节能环保产业')).toEqual({
      text: '紧扣国家需求，发展节能环保产业',
    });
  });

  it('reads id, page and a quoted contents title', () => {
    const { text, attributes } = splitHeadingAttributes('标题 {#shanghai-review page=2 contents="目录 中的标题"}');
    expect(text).toBe('标题');
    expect(attributes).toEqual({
      id: 'shanghai-review',
      page: '2',
      contents: '目录 中的标题',
      unknown: [],
      malformed: [],
    });
  });

  it('accepts Chinese quotation marks around values', () => {
    expect(splitHeadingAttributes('标题 {contents=“目录标题”}').attributes?.contents).toBe('目录标题');
  });

  it('collects unknown keys and stray tokens for validation', () => {
    const { attributes } = splitHeadingAttributes('标题 {#a pages=3 oops}');
    expect(attributes).toMatchObject({ id: 'a', unknown: ['pages'], malformed: ['oops'] });
  });
});

describe('subtitleText', () => {
  it('reads the dashes the bulletin prints and the ones keyboards and input methods type', () => {
    for (const mark of ['——', '――', '--', '－－'])
      expect(subtitleText(`${mark}科技标准司党支部开展“大调研”活动`), mark).toBe('科技标准司党支部开展“大调研”活动');
  });

  it('needs text after exactly two dashes at the start', () => {
    expect(subtitleText('——')).toBeUndefined();
    expect(subtitleText('———三条')).toBeUndefined();
    expect(subtitleText('合肥——高新区')).toBeUndefined();
    expect(subtitleText('—一条')).toBeUndefined();
  });
});

describe('captionOnlyText', () => {
  it('reads 图： with a full-width or half-width colon', () => {
    expect(captionOnlyText('图：调研现场')).toBe('调研现场');
    expect(captionOnlyText('图: 半角冒号')).toBe('半角冒号');
    expect(captionOnlyText('图片：现场')).toBeUndefined();
  });
});

describe('headingAttributesText', () => {
  it('writes what splitHeadingAttributes reads back', () => {
    const written = headingAttributesText({ id: 'p3', page: 3, contents: '目录中的 "标题"' });
    expect(written).toBe('{#p3 page=3 contents=“目录中的 "标题"”}');
    expect(splitHeadingAttributes(`标题 ${written}`).attributes).toEqual({
      id: 'p3',
      page: '3',
      contents: '目录中的 "标题"',
      unknown: [],
      malformed: [],
    });
    expect(headingAttributesText({})).toBe('');
  });
});

describe('figure paragraphs', () => {
  const paragraph = (markdown: string): Paragraph => {
    const [first] = unified().use(remarkParse).parse(markdown).children;
    if (first?.type !== 'paragraph') throw new Error(`no paragraph in ${markdown}`);
    return first;
  };
  const urls = (markdown: string) => figureParagraphImages(paragraph(markdown))?.map((image) => image.url);

  it('are paragraphs of images only, separated by spaces or line breaks', () => {
    expect(urls('![甲](a.jpg)')).toEqual(['a.jpg']);
    expect(urls('![甲](a.jpg) ![](b.jpg)')).toEqual(['a.jpg', 'b.jpg']);
    expect(urls('![甲](a.jpg)\n![](b.jpg)\n![丙](c.jpg)')).toEqual(['a.jpg', 'b.jpg', 'c.jpg']);
    expect(urls('![甲](a.jpg)\\\n![](b.jpg)')).toEqual(['a.jpg', 'b.jpg']);
  });

  it('are not paragraphs with text or links beside the images', () => {
    expect(urls('会场 ![甲](a.jpg)')).toBeUndefined();
    expect(urls('![甲](a.jpg)，![](b.jpg)')).toBeUndefined();
    expect(urls('[![甲](a.jpg)](https://example.com/)')).toBeUndefined();
    expect(urls('图：会场')).toBeUndefined();
  });

  it('are written as the pipeline reads them: the caption on the first image, a later one’s own text on it', () => {
    const written = writeIssue.figure('两位代表交流经验', [
      { src: '2018-01/a.jpg' },
      { src: '2018-01/b.jpg' },
      { src: '2018-01/c.jpg', alt: '握手' },
    ]);
    const text = issueFileText([written]);
    expect(text).toBe('![两位代表交流经验](2018-01/a.jpg) ![](2018-01/b.jpg) ![握手](2018-01/c.jpg)\n');
    const read = figureParagraphImages(paragraph(text));
    expect(read?.map((image) => [image.url, imageText(image)])).toEqual([
      ['2018-01/a.jpg', '两位代表交流经验'],
      ['2018-01/b.jpg', ''],
      ['2018-01/c.jpg', '握手'],
    ]);
  });
});
