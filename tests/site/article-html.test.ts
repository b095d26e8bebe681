import type { RootContent } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { entityMarkElement } from '../../src/core/entity-mark.ts';
import type { Article } from '../../src/model.ts';
import { renderArticleBody } from '../../src/pipeline/render.ts';
import { articleHtml } from '../../src/site/article-html.ts';

const deployment = { baseUrl: 'https://s.example', pathPrefix: '/p/' };
const blocks = (markdown: string): RootContent[] => unified().use(remarkParse).parse(markdown).children;
const article = (markdown: string): Pick<Article, 'id' | 'body' | 'figures'> => {
  const { body, figures } = renderArticleBody(blocks(markdown));
  return { id: 'art', body, figures };
};

describe('articleHtml: one body, rendered for each place it is shown', () => {
  it('ranks sub-headings under the page title on the article page, keeping their ids', () => {
    const html = articleHtml(article('#### （一）\n\nx <h2 id="t">\n\n###### b\n'), 'page', deployment);
    expect(html).toBe('<h2 id="一">（一）</h2>\n<p>x &#x3C;h2 id="t"></p>\n<h4 id="b">b</h4>');
  });

  it('keeps sub-headings below the article title on the issue page and scopes their ids by the article', () => {
    const html = articleHtml(article('#### （一）\n\nx <h2 id="t">\n\n###### b\n'), 'issue', deployment);
    expect(html).toBe('<h4 id="art--一">（一）</h4>\n<p>x &#x3C;h2 id="t"></p>\n<h6 id="art--b">b</h6>');
  });

  it('never goes below h6 nor above h2', () => {
    expect(articleHtml(article('###### x\n'), 'issue', deployment)).toBe('<h6 id="art--x">x</h6>');
    expect(articleHtml(article('#### x\n'), 'page', deployment)).toBe('<h2 id="x">x</h2>');
  });

  it('makes site paths absolute for feed readers and open data, and leaves other URLs alone', () => {
    const markdown = '[甲](/parks/a/)[x](https://x.example/)[y](//cdn.example/y)\n\n![i](/i.png)\n';
    const expected =
      '<p><a href="https://s.example/p/parks/a/">甲</a>' +
      '<a href="https://x.example/">x</a><a href="//cdn.example/y">y</a></p>\n' +
      '<figure class="figure"><img src="https://s.example/p/i.png" alt="i" loading="lazy" decoding="async">' +
      '<figcaption>i</figcaption></figure>';
    expect(articleHtml(article(markdown), 'feed', deployment)).toBe(expected);
    // Pages keep site paths: the build adds the path prefix to every URL of an HTML page.
    expect(articleHtml(article(markdown), 'page', deployment)).toContain('<a href="/parks/a/">甲</a>');
  });

  it('shows a figure without its picture as its caption alone, never as an empty box', () => {
    for (const output of ['page', 'issue', 'feed', 'data'] as const)
      expect(articleHtml(article('图：现场\n'), output, deployment)).toBe(
        '<figure class="figure figure-caption-only"><figcaption>现场</figcaption></figure>',
      );
  });

  it('links the first mention of each entity in running text, and only there', () => {
    const body = renderArticleBody(blocks('#### 泰州\n\n泰州与泰州\n\n图：泰州\n')).body;
    const mark = () => entityMarkElement({ entity: 'park', id: 'taizhou' }, [{ type: 'text', value: '泰州' }]);
    const [heading, , paragraph, , figure] = body.children;
    if (heading?.type !== 'element' || paragraph?.type !== 'element' || figure?.type !== 'element')
      throw new Error('unexpected body');
    heading.children = [mark()];
    paragraph.children = [mark(), { type: 'text', value: '与' }, mark()];
    const caption = figure.children.find((child) => child.type === 'element' && child.tagName === 'figcaption');
    if (caption?.type === 'element') caption.children = [mark()];
    const html = articleHtml({ id: 'a', body, figures: [{ caption: '泰州' }] }, 'page', deployment);
    expect(html).toBe(
      '<h2 id="泰州">泰州</h2>\n<p><a href="/parks/taizhou/">泰州</a>与泰州</p>\n' +
        '<figure class="figure figure-caption-only"><figcaption>泰州</figcaption></figure>',
    );
  });

  it('leaves the model untouched', () => {
    const subject = article('#### x\n\n[甲](/parks/a/)\n\n图：y\n\n![z](/z.png)\n');
    const before = structuredClone(subject.body);
    for (const output of ['page', 'issue', 'feed', 'data'] as const) articleHtml(subject, output, deployment);
    expect(subject.body).toEqual(before);
  });
});
