import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Article, Issue } from '../../src/model.ts';
import { loadArchive } from '../../src/archive/load-archive.ts';
import { bundledContent, seedTextPath } from '../helpers/content.ts';
import { defined } from '../helpers/defined.ts';

const squeeze = (text: string) => text.replace(/\s+/g, '');

describe('the bundled 2018 No.1 issue, end to end', () => {
  let issue: Issue;
  let articles: Article[];

  beforeAll(async () => {
    const archive = await loadArchive(bundledContent);
    expect(archive.diagnostics).toEqual([]);
    expect(archive.issues).toHaveLength(1);
    issue = defined(archive.issues[0], 'the bundled issue');
    articles = issue.sections.flatMap((s) => s.articles);
  });

  it('carries the masthead', () => {
    expect(issue).toMatchObject({
      id: '2018-01',
      series: '国家生态工业园区 工作动态',
      publisher: '国家生态工业园区建设协调领导小组办公室',
      year: 2018,
      number: 1,
      cumulativeNumber: 10,
      date: '2018-06-29',
      url: '/2018/01/',
      sourcePath: '2018/2018-01.md',
    });
  });

  it('has three sections with 3, 1 and 1 articles, titles, subtitles and pages from the printed contents', () => {
    expect(issue.sections.map((s) => [s.kind, s.title, s.articles.length])).toEqual([
      ['work-updates', '工作动态', 3],
      ['park-profiles', '园区掠影', 1],
      ['experience-sharing', '经验交流', 1],
    ]);
    expect(articles.map((a) => [a.title, a.subtitle, a.page])).toEqual([
      ['泰州医药高新技术产业开发区国家生态工业园区建设规划论证会在苏召开', undefined, 1],
      ['上海市工业综合开发区和上海青浦工业园区通过国家生态工业示范园区技术核查', undefined, 2],
      ['开展国家生态工业园区建设专题调研', '科技标准司党支部开展“大调研”活动', 3],
      ['本期论证的园区概况', undefined, 5],
      ['紧扣国家需求，发展节能环保产业', '合肥高新技术产业开发区建设节能环保产业园', 6],
    ]);
  });

  it('keeps the contents list title where it differs from the printed title', () => {
    expect(articles[1]?.contentsTitle).toBe('上海市工业综合开发区和上海青浦工业园区通过国家生态工业园区技术核查');
    expect(articles.filter((a) => a.contentsTitle !== undefined)).toHaveLength(1);
  });

  it('gives every article a stable URL under its issue', () => {
    expect(articles.map((a) => a.url)).toEqual([
      '/2018/01/p1/',
      '/2018/01/p2/',
      '/2018/01/p3/',
      '/2018/01/p5/',
      '/2018/01/p6/',
    ]);
  });

  it('has the sub-headings and the photo captions', () => {
    expect(articles[3]?.headings).toEqual([
      { text: '泰州医药高新技术产业开发区', depth: 4, id: '泰州医药高新技术产业开发区' },
    ]);
    expect(articles[4]?.headings.map((h) => h.text)).toEqual([
      '（一）做优顶层设计',
      '（二）强化政策引导',
      '（三）优产业服务平台',
      '（四）做靓“环保管家”服务',
      '（五）创新院产学研合作模式',
    ]);
    expect(articles.flatMap((a) => a.figures)).toEqual([
      { caption: '泰州医药高新技术产业开发区国家生态工业园区建设规划会', pictures: [] },
      { caption: '调研现场', pictures: [] },
    ]);
  });

  it('joins the paragraphs the PDF split at page breaks', () => {
    const paragraphs = articles.flatMap((a) => a.text.split('\n'));
    expect(paragraphs).toContainEqual(expect.stringContaining('纳入污染防治攻坚战计划，强化生态工业园区建设力度'));
    expect(paragraphs).toContainEqual(expect.stringContaining('抢抓供给侧改革机遇'));
    expect(paragraphs).toContainEqual(expect.stringContaining('为园区 40 余家企业提供环保服务'));
  });

  describe('faithfulness to the seed text', () => {
    const seed = readFileSync(seedTextPath, 'utf8').split('\n');
    // The body starts at the first 【section】 marker after the contents list (line 22).
    const bodyStart = seed.findIndex((line, i) => i > 12 && /^【.+】$/.test(line.trim()));
    const bodyLines = seed
      .slice(bodyStart)
      .map((l) => l.trim())
      .filter((l) => l !== '' && !/^【.+】$/.test(l));

    it('has every sentence of the seed body in some article text, title or subtitle', () => {
      const places = articles.map((a) => squeeze([a.title, a.contentsTitle ?? '', a.text].join('\n')));
      const missing = bodyLines
        .flatMap((line) => line.split(/(?<=[。！？；])/))
        .map(squeeze)
        .filter((sentence) => sentence !== '' && !places.some((p) => p.includes(sentence)));
      expect(bodyStart).toBe(21);
      expect(bodyLines).toHaveLength(36);
      expect(missing).toEqual([]);
    });

    it('adds no text the seed does not have', () => {
      const seedBody = squeeze(bodyLines.join(''));
      const invented = articles
        .flatMap((a) => [a.title, ...a.text.split('\n')].map((line) => line.replace(/^——/, '')))
        .filter((line) => !seedBody.includes(squeeze(line)));
      expect(invented).toEqual([]);
    });

    it('keeps the seed body whole: its characters in order equal the articles read in order', () => {
      const read = articles.map((a) => [a.title, a.text].join('')).join('');
      expect(squeeze(read)).toBe(squeeze(bodyLines.join('')));
    });
  });
});
