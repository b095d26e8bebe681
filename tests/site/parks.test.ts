import { describe, expect, it } from 'vitest';
import type { Park } from '../../src/model.ts';
import { partialChineseDate } from '../../src/core/dates.ts';
import { parkPages, parksByProvince } from '../../src/site/parks.ts';
import { issue } from './fixtures.ts';

const park = (id: string, name: string, province: string, mentions: Park['mentions'] = []): Park => ({
  id,
  name,
  aliases: [],
  province,
  city: province,
  url: `/parks/${id}/`,
  milestones: [],
  mentions,
});

describe('parksByProvince', () => {
  it('groups by province in Chinese order', () => {
    const groups = parksByProvince([
      park('b', '上海乙', '上海市'),
      park('a', '泰州', '江苏省'),
      park('c', '上海甲', '上海市'),
    ]);
    expect(groups.map((g) => [g.province, g.parks.map((p) => p.id)])).toEqual([
      ['江苏省', ['a']],
      ['上海市', ['c', 'b']],
    ]);
  });
});

describe('parkPages', () => {
  it('names and links the issue of each mention', () => {
    const [page] = parkPages(
      [park('a', '甲', '江苏省', [{ issueId: '2018-01', articleUrl: '/2018/01/a/', articleTitle: 'T' }])],
      [issue(2018, 1, 10)],
    );
    expect(page?.mentions).toEqual([
      {
        issueId: '2018-01',
        articleUrl: '/2018/01/a/',
        articleTitle: 'T',
        issueLabel: '2018年第1期',
        issueUrl: '/2018/01/',
      },
    ]);
  });
});

describe('partialChineseDate', () => {
  it('keeps the precision of the source', () => {
    expect(['2018-02-05', '2019-01', '2019'].map(partialChineseDate)).toEqual(['2018年2月5日', '2019年1月', '2019年']);
  });
});
