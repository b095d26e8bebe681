import type { Article, Issue } from '../../src/model.ts';

/** A tiny article; fields not given get plain defaults (fields the site never reads may be left out). */
export function article(id: string, overrides: Partial<Article> = {}): Article {
  return {
    id,
    title: `标题${id}`,
    url: `/x/${id}/`,
    headings: [],
    figures: [],
    body: {
      type: 'root',
      children: [{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: '正文' }] }],
    },
    text: '正文',
    ...overrides,
  } as Article;
}

/** A tiny issue: `sections` maps column kind to article ids. */
export function issue(
  year: number,
  number: number,
  cumulativeNumber: number,
  sections: Record<string, string[]> = { news: ['a'] },
): Issue {
  const id = `${year}-${String(number).padStart(2, '0')}`;
  const url = `/${year}/${String(number).padStart(2, '0')}/`;
  return {
    id,
    series: '测试刊',
    publisher: '编辑部',
    year,
    number,
    cumulativeNumber,
    date: `${year}-0${Math.min(number, 9)}-01`,
    url,
    sourcePath: `${year}/${id}.md`,
    sections: Object.entries(sections).map(([kind, ids]) => ({
      kind,
      title: `栏目${kind}`,
      articles: ids.map((articleId) => article(articleId, { url: `${url}${articleId}/` })),
    })),
  };
}
