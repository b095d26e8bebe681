import type { RootContent } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { renderArticleBody } from '../../src/pipeline/render.ts';
import { articleHtml } from '../../src/site/article-html.ts';
import { readSettings } from '../../src/site/settings.ts';

const blocks = (markdown: string): RootContent[] => unified().use(remarkParse).parse(markdown).children;
/** The body as the model holds it, and as the article page shows it (the output the old single `html` field had). */
const render = (markdown: string, subtitle?: string) => {
  const rendered = renderArticleBody(blocks(markdown), subtitle);
  return { ...rendered, html: articleHtml({ id: 'a', ...rendered }, 'page', readSettings({})) };
};

describe('renderArticleBody', () => {
  it('renders paragraphs and gives plain text one block a line, subtitle first', () => {
    const body = render('第一段。\n\n第二段，有**强调**。\n', '副标题');
    expect(body.html).toBe('<p>第一段。</p>\n<p>第二段，有<strong>强调</strong>。</p>');
    expect(body.text).toBe('——副标题\n第一段。\n第二段，有强调。');
  });

  it('joins lines broken inside a Chinese paragraph without a gap, Latin words with a space', () => {
    const body = render('纳入污染防治攻坚战\n计划，and some\nwords 与\n中文。\n');
    expect(body.text).toBe('纳入污染防治攻坚战计划，and some words 与中文。');
    expect(body.html).toBe('<p>纳入污染防治攻坚战计划，and some words 与中文。</p>');
  });

  it('turns caption-only lines and lone images into figures', () => {
    const body = render('正文。\n\n图：调研现场\n\n![会议现场](images/meeting.jpg)\n\n图:半角冒号\n');
    expect(body.figures).toEqual([
      { caption: '调研现场', pictures: [] },
      { caption: '会议现场', pictures: [{ src: 'images/meeting.jpg' }] },
      { caption: '半角冒号', pictures: [] },
    ]);
    expect(body.html).toContain(
      '<figure class="figure figure-caption-only"><figcaption>调研现场</figcaption></figure>',
    );
    expect(body.html).toContain(
      '<figure class="figure"><img src="images/meeting.jpg" alt="会议现场" loading="lazy" decoding="async">' +
        '<figcaption>会议现场</figcaption></figure>',
    );
    expect(body.text).toBe('正文。\n调研现场\n会议现场\n半角冒号');
  });

  it('makes a paragraph of several images one figure: pictures in order, one caption, later texts their own', () => {
    const body = render('正文。\n\n![两位代表交流经验](2018-01/a.jpg) ![](2018-01/b.jpg)\n![握手](2018-01/c.jpg)\n');
    expect(body.figures).toEqual([
      {
        caption: '两位代表交流经验',
        pictures: [{ src: '2018-01/a.jpg' }, { src: '2018-01/b.jpg' }, { src: '2018-01/c.jpg', alt: '握手' }],
      },
    ]);
    // The model's body: an <img> per picture, then the one caption.
    const [, figure] = body.body.children.filter((node) => node.type === 'element');
    expect(
      figure?.type === 'element' && figure.children.map((c) => (c.type === 'element' ? c.tagName : c.type)),
    ).toEqual(['img', 'img', 'img', 'figcaption']);
    expect(body.text).toBe('正文。\n两位代表交流经验');
  });

  it('keeps the caption of a figure whose first address is unsafe, and the pictures that are safe', () => {
    const body = render('![会场](javascript:alert(1)) ![](2018-01/b.jpg)\n');
    expect(body.figures).toEqual([{ caption: '会场', pictures: [{ src: '2018-01/b.jpg' }] }]);
    expect(body.html).not.toContain('javascript:');
  });

  it('leaves images among text in their paragraph, as no figure (the check says so: picture-in-text)', () => {
    const body = render('会议现场 ![会场](2018-01/a.jpg) 如图。\n');
    expect(body.figures).toEqual([]);
    expect(body.text).toBe('会议现场 会场 如图。');
  });

  it('anchors sub-headings and ranks them below the page title', () => {
    const body = render('#### （一）做优顶层设计\n\n正文。\n\n##### 细目\n\n#### （一）做优顶层设计\n');
    expect(body.headings).toEqual([
      { text: '（一）做优顶层设计', depth: 4, id: '一做优顶层设计' },
      { text: '细目', depth: 5, id: '细目' },
      { text: '（一）做优顶层设计', depth: 4, id: '一做优顶层设计-1' },
    ]);
    expect(body.html).toContain('<h2 id="一做优顶层设计">（一）做优顶层设计</h2>');
    expect(body.html).toContain('<h3 id="细目">细目</h3>');
  });

  it('shows raw HTML as text and never as markup', () => {
    const body = render(
      '<script>alert(1)</script>\n\n正文<img src=x onerror=alert(1)>。\n\n<iframe src="https://example.com"></iframe>\n',
    );
    expect(body.html).not.toMatch(/<(script|img|iframe)/);
    expect(body.html).toContain('&#x3C;script>alert(1)&#x3C;/script>');
    expect(body.html).toContain('正文&#x3C;img src=x onerror=alert(1)>。');
    expect(body.text).toContain('<script>alert(1)</script>');
  });

  it('drops script URLs from links and images, in the HTML and in the model', () => {
    const body = render(
      '[点我](javascript:alert(1)) 与 [数据](data:text/html,<script>alert(1)</script>)\n\n' +
        '![图](javascript:alert(1))\n\n![图二](JavaScript:alert(1))\n',
    );
    expect(body.html).not.toMatch(/javascript:|data:|<img/);
    expect(body.html).toContain('点我');
    expect(body.figures).toEqual([
      { caption: '图', pictures: [] },
      { caption: '图二', pictures: [] },
    ]);
  });

  it('keeps ordinary links and lists', () => {
    const body = render('- 一项\n- 二项\n\n见[官网](https://www.mee.gov.cn/)。\n');
    expect(body.html).toContain('<li>一项</li>');
    expect(body.html).toContain('<a href="https://www.mee.gov.cn/">官网</a>');
    expect(body.text).toBe('一项\n二项\n见官网。');
  });
});
