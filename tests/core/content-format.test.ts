import { describe, expect, it } from 'vitest';
import {
  captionOnlyText,
  headingAttributesText,
  splitHeadingAttributes,
  subtitleText,
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
