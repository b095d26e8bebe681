import { describe, expect, it } from 'vitest';
import { splitHeadingAttributes } from '../../src/pipeline/heading-attributes.ts';

describe('splitHeadingAttributes', () => {
  it('leaves a heading without a block alone', () => {
    expect(splitHeadingAttributes('紧扣国家需求，发展节能环保产业')).toEqual({ text: '紧扣国家需求，发展节能环保产业' });
  });

  it('reads id, page and a quoted contents title', () => {
    const { text, attributes } = splitHeadingAttributes('标题 {#shanghai-review page=2 contents="目录 中的标题"}');
    expect(text).toBe('标题');
    expect(attributes).toEqual({ id: 'shanghai-review', page: '2', contents: '目录 中的标题', unknown: [], malformed: [] });
  });

  it('accepts Chinese quotation marks around values', () => {
    expect(splitHeadingAttributes('标题 {contents=“目录标题”}').attributes?.contents).toBe('目录标题');
  });

  it('collects unknown keys and stray tokens for validation', () => {
    const { attributes } = splitHeadingAttributes('标题 {#a pages=3 oops}');
    expect(attributes).toMatchObject({ id: 'a', unknown: ['pages'], malformed: ['oops'] });
  });
});
