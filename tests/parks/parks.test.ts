import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { articleHtml } from '../../src/site/article-html.ts';
import { readSettings } from '../../src/site/settings.ts';
import type { Park } from '../../src/model.ts';
import { parkLikeNames } from '../../src/parks/candidates.ts';
import { datesIn } from '../../src/parks/dates.ts';
import { gazetteer, parseGazetteer } from '../../src/parks/gazetteer.ts';
import { parkMatcher } from '../../src/parks/matcher.ts';
import { extractMilestones } from '../../src/parks/milestones.ts';
import { milestoneSteps } from '../../src/parks/steps.ts';
import { loadArchive, type Archive } from '../../src/archive/load-archive.ts';
import { bundledContent, makeContentDir, masthead } from '../helpers/content.ts';
import { defined } from '../helpers/defined.ts';

const hefei = { id: 'hefei-hightech', name: '合肥高新技术产业开发区', aliases: ['合肥高新区'] };
const shortName = { id: 'short', name: '高新技术产业开发区', aliases: [] };

describe('parkMatcher', () => {
  const matcher = parkMatcher([hefei, shortName]);

  it('takes the longest name, never a shorter name inside it', () => {
    expect(matcher.find('合肥高新技术产业开发区是国家级高新区').map((m) => [m.id, m.written])).toEqual([
      ['hefei-hightech', '合肥高新技术产业开发区'],
    ]);
  });

  it('finds aliases and reports the canonical name', () => {
    expect(matcher.find('（简称“合肥高新区”）')).toEqual([
      { id: 'hefei-hightech', name: '合肥高新技术产业开发区', written: '合肥高新区', start: 4, end: 9 },
    ]);
  });

  it('finds a shorter park where it stands alone', () => {
    expect(matcher.find('各地高新技术产业开发区与合肥高新区').map((m) => m.id)).toEqual(['short', 'hefei-hightech']);
  });
});

describe('datesIn', () => {
  it.each([
    ['2018年2月5日，由', ['2018-02-05']],
    ['2018年2月6日、7日，由', ['2018-02-06', '2018-02-07']],
    ['2018年3月26日至28日', ['2018-03-26']],
    ['2010年9月合肥高新区开始', ['2010-09']],
    ['前身为 1992 年成立的', ['1992']],
    ['规划2014-2020', []],
  ])('%s → %j', (clause, dates) => {
    expect(datesIn(clause)).toEqual(dates);
  });
});

describe('parkLikeNames', () => {
  const matcher = parkMatcher([hefei]);
  const unknown = (text: string) => parkLikeNames(text, matcher.find(text)).map((n) => n.name);

  it('finds names that look like parks and are not in the gazetteer', () => {
    expect(unknown('带队前往苏州工业园区和天津经济技术开发区调研')).toEqual(['苏州工业园区', '天津经济技术开发区']);
    expect(unknown('与昆山高新区、宁波保税区交流')).toEqual(['昆山高新区', '宁波保税区']);
  });

  it('keeps quiet about known parks, the programme and generic talk', () => {
    expect(unknown('合肥高新技术产业开发区国家生态工业园区建设')).toEqual([]);
    expect(unknown('目前大部分工业园区达不到国家生态工业园区的水平')).toEqual([]);
    expect(unknown('2009 年经国务院批准为国家级高新技术产业开发区，成立高新区节能环保产业推进领导小组')).toEqual([]);
  });
});

describe('parseGazetteer', () => {
  it('reads the bundled gazetteer with the eight parks of the 2018 issue', () => {
    const { parks, diagnostics } = parseGazetteer(
      'parks.yaml',
      readFileSync(join(bundledContent, 'parks.yaml'), 'utf8'),
    );
    expect(diagnostics).toEqual([]);
    expect(parks.map((p) => p.name)).toEqual([
      '泰州医药高新技术产业开发区',
      '上海市工业综合开发区',
      '上海青浦工业园区',
      '贵阳经济技术开发区',
      '贵阳高新技术产业开发区',
      '南通经济技术开发区',
      '张家港保税区暨扬子江国际化学工业园',
      '合肥高新技术产业开发区',
    ]);
  });

  const park = (fields: string) => `- id: a\n  name: 甲园区\n  province: 江苏省\n  city: 南京市\n${fields}`;
  it.each([
    ['a missing field', '- id: a\n  name: 甲园区\n  city: 南京市\n', 1, 'province'],
    ['a bad id', '- id: A 园\n  name: 甲园区\n  province: 江苏省\n  city: 南京市\n', 1, '小写英文字母'],
    ['a duplicate id', park('') + park(''), 5, '重复'],
    // Each problem at the value that has it: the second park's alias or name, the type, the step, the date.
    [
      'an alias shared by two parks',
      park('  aliases: [甲区]\n') + park('  aliases: [甲区]\n').replace('id: a', 'id: b').replace('甲园区', '乙园区'),
      10,
      '已属于',
    ],
    [
      "an alias that is another park's name",
      park('') + park('  aliases: [甲园区]\n').replace('id: a', 'id: b').replace('name: 甲园区', 'name: 乙园区'),
      9,
      '已属于',
    ],
    ['a full name shared by two parks', park('') + park('').replace('id: a', 'id: b'), 6, '已属于'],
    ['an unknown type', park('  type: 高新类\n'), 5, '综合类'],
    ['an unknown milestone step', park('  milestones:\n    - step: 挂牌\n      date: 2019\n'), 6, '通过验收'],
    ['a bad milestone date', park('  milestones:\n    - step: 通过验收\n      date: 2019-13\n'), 7, '2018-02'],
    // At the bracket left open, not past the end of the file.
    ['YAML syntax', '- id: [a\n', 1, 'YAML'],
  ])('rejects %s', (_name, text, line, mention) => {
    const { diagnostics } = parseGazetteer('parks.yaml', text);
    expect(diagnostics).toContainEqual(
      expect.objectContaining({
        rule: 'gazetteer',
        severity: 'error',
        line,
        message: expect.stringContaining(mention),
      }),
    );
  });

  it('warns about a name written twice for the same park, at the second one, and keeps the park', () => {
    const { parks, diagnostics } = parseGazetteer('parks.yaml', park('  aliases: [甲区, 甲区]\n'));
    expect(parks.map((p) => p.id)).toEqual(['a']);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        rule: 'gazetteer',
        severity: 'warning',
        line: 5,
        column: 17,
        message: expect.stringContaining('写了两次'),
      }),
    ]);
  });

  it('reads a year-only milestone date that YAML takes for a number, and an empty type as none', () => {
    const { parks, diagnostics } = parseGazetteer(
      'parks.yaml',
      park('  type:\n  milestones:\n    - step: 通过验收\n      date: 2019\n      note: 依据\n'),
    );
    expect(diagnostics).toEqual([]);
    expect(parks[0]).toMatchObject({ milestones: [{ step: 'acceptance-passed', date: '2019', note: '依据' }] });
    expect(parks[0]?.type).toBeUndefined();
  });

  it('keeps the sound parks when one is broken', () => {
    const { parks, diagnostics } = parseGazetteer('parks.yaml', park('') + '- id: b\n  name: 乙园区\n');
    expect(parks.map((p) => p.id)).toEqual(['a']);
    expect(diagnostics.map((d) => [d.line, d.message])).toEqual([
      [5, '园区 “乙园区” 缺少 province（省份），例如 province: 安徽省。'],
      [5, '园区 “乙园区” 缺少 city（城市），例如 city: 合肥市。'],
    ]);
  });

  it.each([
    ['an empty file', ''],
    ['comments only', '# 园区名录\n'],
  ])('takes %s for an empty gazetteer', (_name, text) => {
    expect(parseGazetteer('parks.yaml', text)).toEqual({ parks: [], unreadNames: [], diagnostics: [] });
  });
});

describe('extractMilestones', () => {
  const matcher = gazetteer([{ ...hefei, province: '安徽省', city: '合肥市', milestones: [] }]).matcher;
  const extract = (text: string, title = '标题') =>
    extractMilestones(
      { issueId: '2018-01', issueDate: '2018-06-29', articleUrl: '/2018/01/a/', articleTitle: title, text },
      matcher,
      milestoneSteps,
    ).map((m) => [m.step, m.date, m.dateSource]);

  it('reads the date of the sentence, or an earlier one of the article, or the issue', () => {
    expect(extract('2019年5月，合肥高新区通过验收。')).toEqual([['acceptance-passed', '2019-05', 'sentence']]);
    expect(extract('2019年5月10日召开会议。专家组同意合肥高新区通过验收。')).toEqual([
      ['acceptance-passed', '2019-05-10', 'article'],
    ]);
    expect(extract('专家组同意合肥高新区通过验收。')).toEqual([['acceptance-passed', '2018-06-29', 'issue']]);
  });

  it('does not take intentions for steps', () => {
    expect(extract('合肥高新区积极创建国家生态工业园区，建议对园区组织验收。')).toEqual([]);
  });
});

describe('the parks of the bundled archive', () => {
  let archive: Archive;
  const park = (name: string): Park =>
    defined(
      archive.parks.find((p) => p.name === name),
      `the park ${name}`,
    );
  const timeline = (name: string) => park(name).milestones.map((m) => [m.step, m.date]);

  beforeAll(async () => {
    archive = await loadArchive(bundledContent);
  });

  it('finds the expected parks in each article', () => {
    const articles = defined(archive.issues[0], 'the bundled issue').sections.flatMap((s) => s.articles);
    expect(articles.map((a) => a.parks.map((p) => p.name))).toEqual([
      ['泰州医药高新技术产业开发区'],
      ['上海市工业综合开发区', '上海青浦工业园区'],
      ['贵阳经济技术开发区', '贵阳高新技术产业开发区', '南通经济技术开发区', '张家港保税区暨扬子江国际化学工业园'],
      ['泰州医药高新技术产业开发区'],
      ['合肥高新技术产业开发区'],
    ]);
  });

  it('reads the milestones the issue reports', () => {
    expect(timeline('泰州医药高新技术产业开发区')).toEqual([['planning-approved', '2018-02-05']]);
    expect(timeline('上海市工业综合开发区')).toEqual([['technical-review-passed', '2018-02-06']]);
    expect(timeline('上海青浦工业园区')).toEqual([['technical-review-passed', '2018-02-07']]);
    expect(timeline('合肥高新技术产业开发区')).toEqual([
      ['creation-started', '2010-09'],
      ['title-granted', '2014-09'],
    ]);
    expect(park('贵阳经济技术开发区').milestones).toEqual([]);
    expect(park('合肥高新技术产业开发区').milestones[0]?.source).toEqual({
      issueId: '2018-01',
      articleUrl: '/2018/01/p6/',
      articleTitle: '紧扣国家需求，发展节能环保产业',
      page: 6,
    });
  });

  it('lists the articles that mention each park', () => {
    expect(park('泰州医药高新技术产业开发区').mentions.map((m) => m.articleUrl)).toEqual([
      '/2018/01/p1/',
      '/2018/01/p5/',
    ]);
  });

  it('links the first mention of each park in the article body, once', () => {
    const article = defined(archive.issues[0]?.sections[1]?.articles[0], 'the first article of the second section');
    const overview = { html: articleHtml(article, 'page', readSettings({})) };
    expect(overview.html.match(/<a href="\/parks\/taizhou-pharma-hightech\/">/g)).toHaveLength(1);
    expect(overview.html).toContain('<h2 id="泰州医药高新技术产业开发区">泰州医药高新技术产业开发区</h2>');
    expect(overview.html).toContain(
      '<p><a href="/parks/taizhou-pharma-hightech/">泰州医药高新技术产业开发区</a>（简称“泰州医药高新区”）',
    );
  });
});

describe('gazetteer and check together', () => {
  const body =
    '## 工作动态\n\n### 赴苏州调研 {#a page=1}\n\n2019年3月，工作组前往苏州工业园区调研。\n\n合肥高新区通过验收。\n';
  const gazetteerYaml =
    '- id: hefei-hightech\n  name: 合肥高新技术产业开发区\n  aliases: [合肥高新区]\n  province: 安徽省\n  city: 合肥市\n' +
    '  milestones:\n    - step: 通过验收\n      date: 2019-01\n      note: 手工更正\n';

  it('warns about a park-like name missing from the gazetteer, with its line and column', async () => {
    const dir = makeContentDir({
      'parks.yaml': gazetteerYaml,
      '2019/2019-01.md': masthead({ year: 2019, date: '2019-04-01' }) + body,
    });
    const archive = await loadArchive(dir);
    expect(archive.diagnostics).toEqual([
      expect.objectContaining({
        rule: 'unknown-park',
        severity: 'warning',
        line: 13,
        column: 14,
        message: expect.stringContaining('苏州工业园区'),
      }),
    ]);
    // The gazetteer named where it is, not as content/parks.yaml.
    expect(archive.diagnostics[0]?.message).toContain(`加到 ${dir}/parks.yaml。`);
  });

  it('lets a hand entry win over the text for the same step', async () => {
    const dir = makeContentDir({
      'parks.yaml': gazetteerYaml,
      '2019/2019-01.md': masthead({ year: 2019, date: '2019-04-01' }) + body,
    });
    const archive = await loadArchive(dir);
    expect(archive.parks[0]?.milestones).toEqual([
      { step: 'acceptance-passed', date: '2019-01', dateSource: 'editor', evidence: '手工更正' },
    ]);
  });
});

describe('an archive without a gazetteer', () => {
  it('tracks no parks and asks for none', async () => {
    const dir = makeContentDir({
      '2019/2019-01.md':
        masthead({ year: 2019, date: '2019-04-01' }) + '## 工作动态\n\n### 甲\n\n前往苏州工业园区调研。\n',
    });
    const archive = await loadArchive(dir);
    expect(archive.diagnostics).toEqual([]);
    expect(archive.parks).toEqual([]);
  });
});
