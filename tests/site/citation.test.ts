import { describe, expect, it } from 'vitest';
import { articleJsonLd, citationMeta, gbtReference } from '../../src/site/citation.ts';
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
