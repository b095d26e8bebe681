import { describe, expect, it } from 'vitest';
import {
  articleJsonLd,
  bibtexEntry,
  citationMeta,
  gbtOnlineReference,
  gbtReference,
  risRecord,
} from '../../src/site/citation.ts';
import { scanBibtex, scanRis } from '../hostile/scan.ts';
import { issue } from './fixtures.ts';

const settings = { baseUrl: 'https://example.org', pathPrefix: '/b/' };
const theIssue = {
  ...issue(2018, 1, 10),
  series: '国家生态工业园区 工作动态',
  publisher: '领导小组办公室',
  date: '2018-06-29',
};
const theArticle = { title: '规划论证会在苏召开', page: 3, url: '/2018/01/x/' };

describe('gbtReference', () => {
  it('follows GB/T 7714-2015 for a journal article with the publisher as author', () => {
    expect(gbtReference(theArticle, theIssue)).toBe(
      '领导小组办公室. 规划论证会在苏召开[J]. 国家生态工业园区 工作动态, 2018(1): 3.',
    );
  });
  it('leaves out the page when the contents gives none', () => {
    expect(gbtReference({ title: 'T', url: '/' }, theIssue)).toBe(
      '领导小组办公室. T[J]. 国家生态工业园区 工作动态, 2018(1).',
    );
  });
});

describe('citationMeta', () => {
  it('gives the Highwire tags Google Scholar reads', () => {
    const tags = Object.fromEntries(citationMeta(theArticle, theIssue, settings).map((t) => [t.name, t.content]));
    expect(tags).toMatchObject({
      citation_title: '规划论证会在苏召开',
      citation_journal_title: '国家生态工业园区 工作动态',
      citation_issue: '1',
      citation_firstpage: '3',
      citation_publication_date: '2018/06/29',
      citation_publisher: '领导小组办公室',
      citation_abstract_html_url: 'https://example.org/b/2018/01/x/',
    });
  });
  it('has no first page tag without a page', () => {
    expect(citationMeta({ title: 'T', url: '/' }, theIssue, settings).map((t) => t.name)).not.toContain(
      'citation_firstpage',
    );
  });
});

describe('articleJsonLd', () => {
  it('nests Article in PublicationIssue in Periodical with absolute URLs', () => {
    const ld = articleJsonLd(theArticle, theIssue, settings);
    expect(ld).toMatchObject({
      '@type': 'Article',
      headline: '规划论证会在苏召开',
      url: 'https://example.org/b/2018/01/x/',
      pageStart: '3',
      isPartOf: {
        '@type': 'PublicationIssue',
        issueNumber: '1',
        url: 'https://example.org/b/2018/01/',
        isPartOf: { '@type': 'Periodical', name: '国家生态工业园区 工作动态' },
      },
    });
  });
});

describe('optional author, 供稿单位 and last page', () => {
  const ranged = { ...theArticle, id: 'p3', lastPage: 4 };
  it('names the author first, else the office that sent the article in, with a page range', () => {
    expect(gbtReference({ ...ranged, author: '王明', source: '某市生态环境局' }, theIssue)).toBe(
      '王明. 规划论证会在苏召开[J]. 国家生态工业园区 工作动态, 2018(1): 3-4.',
    );
    expect(gbtReference({ ...ranged, source: '某市生态环境局' }, theIssue)).toMatch(/^某市生态环境局\. /);
    const tags = citationMeta(ranged, theIssue, settings).map((t) => `${t.name}=${t.content}`);
    expect(tags).toContain('citation_lastpage=4');
  });

  it('gives the online form [J/OL] with the URL and a place for the date read', () => {
    const online = gbtOnlineReference(ranged, theIssue, settings);
    expect(`${online.before}${online.citedDate}${online.after}`).toBe(
      '领导小组办公室. 规划论证会在苏召开[J/OL]. 国家生态工业园区 工作动态, 2018(1): 3-4[引用日期]. https://example.org/b/2018/01/x/.',
    );
  });
});

describe('RIS and BibTeX', () => {
  const ranged = { ...theArticle, id: 'p3', lastPage: 4, author: '王明' };
  it('writes an RIS record, CRLF line ends, one tag a line', () => {
    const ris = risRecord(ranged, theIssue, settings);
    expect(ris.split('\r\n')).toEqual([
      'TY  - JOUR',
      'TI  - 规划论证会在苏召开',
      'AU  - 王明',
      'JO  - 国家生态工业园区 工作动态',
      'PB  - 领导小组办公室',
      'PY  - 2018',
      'DA  - 2018/06/29',
      'IS  - 1',
      'SP  - 3',
      'EP  - 4',
      'LA  - zh',
      'UR  - https://example.org/b/2018/01/x/',
      'ER  - ',
      '',
    ]);
    expect(scanRis(ris, 'x.ris')).toEqual([]);
  });

  it('keeps a title with line breaks on one RIS line, so it starts no tag of its own', () => {
    const ris = risRecord({ ...ranged, title: '标题\r\nTY  - JOUR\nER  - ' }, theIssue, settings);
    expect(scanRis(ris, 'x.ris')).toEqual([]);
    expect(ris.match(/^TY {2}- /gm)).toHaveLength(1);
  });

  it('writes a BibTeX entry with the office braced whole and a page range', () => {
    const { author: _author, ...unsigned } = ranged;
    const bib = bibtexEntry(unsigned, theIssue, settings);
    expect(bib).toContain('@article{2018-01-p3,');
    expect(bib).toContain('author = {{领导小组办公室}}');
    expect(bib).toContain('pages = {3--4}');
    expect(bib).toContain('url = {https://example.org/b/2018/01/x/}');
    expect(scanBibtex(bib, 'x.bib')).toEqual([]);
  });

  it('escapes TeX specials, so a brace in a title cannot end its field', () => {
    const bib = bibtexEntry({ ...ranged, title: '}, author = {x} 100% & $5 #1 a_b ~ ^ \\' }, theIssue, settings);
    expect(scanBibtex(bib, 'x.bib')).toEqual([]);
    const title =
      String.raw`\}, author = \{x\} 100\% \& \$5 \#1 a\_b ` +
      String.raw`\textasciitilde{} \textasciicircum{} \textbackslash{}`;
    expect(bib).toContain(`title = {${title}}`);
    expect(scanBibtex('@article{k,\n  title = {}}}\n}\n', 'x.bib')).not.toEqual([]);
  });
});

describe('special issues (增刊)', () => {
  const special = {
    ...theIssue,
    year: 2019,
    number: 1,
    special: { name: '增刊', ordinal: 1 },
    date: '2019-06-29',
    url: '/2019/s1/',
  };
  const article = { ...theArticle, id: 'p3', url: '/2019/s1/p3/' };

  it('cites the supplement as GB/T 7714 does: 2019(增刊1)', () => {
    expect(gbtReference(article, special)).toBe(
      '领导小组办公室. 规划论证会在苏召开[J]. 国家生态工业园区 工作动态, 2019(增刊1): 3.',
    );
    expect(gbtOnlineReference(article, special, settings).before).toContain('2019(增刊1): 3[');
  });

  it('writes 增刊1 as the issue in RIS, BibTeX, Highwire tags and JSON-LD', () => {
    expect(risRecord(article, special, settings)).toContain('IS  - 增刊1\r\n');
    const bib = bibtexEntry(article, special, settings);
    expect(bib).toContain('number = {增刊1}');
    expect(bib).toMatch(/^@article\{2019-s1-p3,/);
    const tags = Object.fromEntries(citationMeta(article, special, settings).map((t) => [t.name, t.content]));
    expect(tags.citation_issue).toBe('增刊1');
    expect(articleJsonLd(article, special, settings)).toMatchObject({ isPartOf: { issueNumber: '增刊1' } });
  });

  it('keeps a number above 99 as it is', () => {
    const weekly = { ...theIssue, number: 100, url: '/2018/100/' };
    expect(gbtReference(theArticle, weekly)).toContain('2018(100): 3.');
    expect(bibtexEntry({ ...theArticle, id: 'x' }, weekly, settings)).toMatch(/^@article\{2018-100-x,/);
  });
});
