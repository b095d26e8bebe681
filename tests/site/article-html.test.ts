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

  it('marks a caption that numbers itself, so the site prints no second 图 before it', () => {
    const classOf = (markdown: string) =>
      /<figure class="([^"]+)"/.exec(articleHtml(article(markdown), 'page', deployment))?.[1];
    expect(classOf('图：图1 调研现场\n')).toBe('figure figure-caption-only figure-labelled');
    expect(classOf('![图 2 会场](/i.png)\n')).toBe('figure figure-labelled');
    expect(classOf('![图三 会场](/i.png)\n')).toBe('figure figure-labelled');
    for (const plain of ['![图书馆外景](/i.png)\n', '![调研现场](/i.png)\n', '图：图一览表\n'])
      expect(classOf(plain), plain).not.toContain('figure-labelled');
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
    const html = articleHtml({ id: 'a', body, figures: [{ caption: '泰州', pictures: [] }] }, 'page', deployment);
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

describe('articleHtml: pictures', () => {
  const set = {
    width: 900,
    height: 560,
    sources: [
      { type: 'image/avif', srcset: '/pictures/k-480.avif 480w, /pictures/k-900.avif 900w' },
      { type: 'image/webp', srcset: '/pictures/k-480.webp 480w, /pictures/k-900.webp 900w' },
    ],
    fallback: {
      type: 'image/jpeg',
      src: '/pictures/k-900.jpg',
      srcset: '/pictures/k-480.jpg 480w, /pictures/k-900.jpg 900w',
    },
    full: '/pictures/k-900.jpg',
    thumbnail: '/pictures/k-480.jpg',
    files: [],
  };
  const image = {
    sourcePath: '/c/2018/2018-01/a.jpg',
    relativePath: '2018/2018-01/a.jpg',
    format: 'jpeg' as const,
    width: 900,
    height: 560,
    bytes: 1,
    digest: 'd',
  };
  /** A second picture, 640 × 480, for figures with two. */
  const other = {
    width: 640,
    height: 480,
    sources: [
      { type: 'image/avif', srcset: '/pictures/m-480.avif 480w, /pictures/m-640.avif 640w' },
      { type: 'image/webp', srcset: '/pictures/m-480.webp 480w, /pictures/m-640.webp 640w' },
    ],
    fallback: {
      type: 'image/jpeg',
      src: '/pictures/m-640.jpg',
      srcset: '/pictures/m-480.jpg 480w, /pictures/m-640.jpg 640w',
    },
    full: '/pictures/m-640.jpg',
    thumbnail: '/pictures/m-480.jpg',
    files: [],
  };
  const otherImage = { ...image, relativePath: '2018/2018-01/b.jpg', width: 640, height: 480, digest: 'e' };
  const pictures = new Map([
    ['d', set],
    ['e', other],
  ]);
  /** The article with its pictures in hand: `b.jpg` is the second picture, any other the first. */
  const withPicture = (markdown: string) => {
    const subject = article(markdown);
    return {
      ...subject,
      figures: subject.figures.map((figure) => ({
        ...figure,
        pictures: figure.pictures.map((picture) => ({
          ...picture,
          image: picture.src.endsWith('b.jpg') ? otherImage : image,
        })),
      })),
    };
  };
  const sizes = 'sizes="(min-width: 40rem) 38rem, calc(100vw - 2rem)"';

  it('shows a picture at its sizes, its size reserved, linked to the full-size file', () => {
    const html = articleHtml(withPicture('![会场](2018-01/a.jpg)\n'), 'page', deployment, pictures);
    expect(html).toBe(
      '<figure class="figure"><a class="figure-link" href="/pictures/k-900.jpg"><picture>' +
        `<source type="image/avif" srcset="/pictures/k-480.avif 480w, /pictures/k-900.avif 900w" ${sizes}>` +
        `<source type="image/webp" srcset="/pictures/k-480.webp 480w, /pictures/k-900.webp 900w" ${sizes}>` +
        `<img src="/pictures/k-900.jpg" srcset="/pictures/k-480.jpg 480w, /pictures/k-900.jpg 900w" ${sizes}` +
        ' width="900" height="560" alt="会场" decoding="async"></picture></a><figcaption>会场</figcaption></figure>',
    );
  });

  it('loads pictures below the first screen, and all of them on the issue page, as the reader scrolls', () => {
    const markdown = '![会场](2018-01/a.jpg)\n\n一。\n\n二。\n\n三。\n\n![会场](2018-01/a.jpg)\n';
    const page = articleHtml(withPicture(markdown), 'page', deployment, pictures);
    expect(page.match(/<img [^>]*>/g)?.map((tag) => tag.includes('loading="lazy"'))).toEqual([false, true]);
    const issue = articleHtml(withPicture(markdown), 'issue', deployment, pictures);
    expect(issue.match(/<img [^>]*>/g)?.map((tag) => tag.includes('loading="lazy"'))).toEqual([true, true]);
  });

  it('gives feeds and open data one full-size picture with an absolute address', () => {
    for (const output of ['feed', 'data'] as const)
      expect(articleHtml(withPicture('![会场](2018-01/a.jpg)\n'), output, deployment, pictures)).toBe(
        '<figure class="figure"><img src="https://s.example/p/pictures/k-900.jpg" width="900" height="560"' +
          ' alt="会场"><figcaption>会场</figcaption></figure>',
      );
  });

  it('matches each figure to its picture in order, caption-only ones included', () => {
    const html = articleHtml(withPicture('图：甲\n\n![乙](2018-01/a.jpg)\n'), 'issue', deployment, pictures);
    expect(html).toMatch(
      /^<figure class="figure figure-caption-only"><figcaption>甲<\/figcaption><\/figure>\n<figure class="figure"><a /,
    );
  });

  describe('a figure with two pictures', () => {
    const two = '![两位代表交流经验](2018-01/a.jpg) ![](2018-01/b.jpg)\n';
    const tags = (html: string, name: string) => html.match(new RegExp(`<${name}[ >][^>]*>`, 'g')) ?? [];

    it('shows both side by side in one row above one caption, each sized and linked to its full size', () => {
      const html = articleHtml(withPicture(two), 'page', deployment, pictures);
      const link = '<a [^>]*><picture>.*?</picture></a>';
      expect(html).toMatch(
        new RegExp(
          `^<figure class="figure"><div class="figure-pictures">${link}${link}</div>` +
            '<figcaption>两位代表交流经验</figcaption></figure>$',
        ),
      );
      expect(tags(html, 'figcaption')).toHaveLength(1);
      expect(tags(html, 'a').map((tag) => /href="([^"]+)"/.exec(tag)?.[1])).toEqual([
        '/pictures/k-900.jpg',
        '/pictures/m-640.jpg',
      ]);
      expect(tags(html, 'img').map((tag) => [/width="(\d+)"/.exec(tag)?.[1], /height="(\d+)"/.exec(tag)?.[1]])).toEqual(
        [
          ['900', '560'],
          ['640', '480'],
        ],
      );
      // Each takes the share of the row its shape asks, so both stand equally tall.
      expect(tags(html, 'a').map((tag) => /style="([^"]+)"/.exec(tag)?.[1])).toEqual([
        '--aspect: 1.6071',
        '--aspect: 1.3333',
      ]);
    });

    it('describes the first by the caption and a later one by its own text, or names its link by the caption', () => {
      const html = articleHtml(withPicture(two), 'page', deployment, pictures);
      expect(tags(html, 'img').map((tag) => /alt="([^"]*)"/.exec(tag)?.[1])).toEqual(['两位代表交流经验', '']);
      expect(tags(html, 'a').map((tag) => /aria-label="([^"]*)"/.exec(tag)?.[1])).toEqual([
        undefined,
        '两位代表交流经验（第 2 张）',
      ]);
      const described = articleHtml(
        withPicture('![两位代表交流经验](2018-01/a.jpg) ![握手](2018-01/b.jpg)\n'),
        'page',
        deployment,
        pictures,
      );
      expect(tags(described, 'img').map((tag) => /alt="([^"]*)"/.exec(tag)?.[1])).toEqual(['两位代表交流经验', '握手']);
      expect(described).not.toContain('aria-label');
    });

    it('asks for each picture at the width its share of the column takes', () => {
      const html = articleHtml(withPicture(two), 'page', deployment, pictures);
      // 900/560 and 640/480: 54.7 % and 45.3 % of the row; stacked at full width on a phone.
      expect(tags(html, 'img').map((tag) => /sizes="([^"]+)"/.exec(tag)?.[1])).toEqual([
        '(min-width: 40rem) 20.79rem, (min-width: 30em) calc((100vw - 2rem) * 0.547), calc(100vw - 2rem)',
        '(min-width: 40rem) 17.22rem, (min-width: 30em) calc((100vw - 2rem) * 0.453), calc(100vw - 2rem)',
      ]);
    });

    it('loads both at once on the first screen, and as the reader scrolls elsewhere', () => {
      const page = articleHtml(withPicture(two), 'page', deployment, pictures);
      expect(tags(page, 'img').map((tag) => tag.includes('loading="lazy"'))).toEqual([false, false]);
      const issue = articleHtml(withPicture(two), 'issue', deployment, pictures);
      expect(tags(issue, 'img').map((tag) => tag.includes('loading="lazy"'))).toEqual([true, true]);
    });

    it('gives feeds and open data each picture as one full-size <img>, in order, above the caption', () => {
      for (const output of ['feed', 'data'] as const)
        expect(articleHtml(withPicture(two), output, deployment, pictures)).toBe(
          '<figure class="figure"><img src="https://s.example/p/pictures/k-900.jpg" width="900" height="560"' +
            ' alt="两位代表交流经验"><img src="https://s.example/p/pictures/m-640.jpg" width="640" height="480"' +
            ' alt=""><figcaption>两位代表交流经验</figcaption></figure>',
        );
    });

    it('matches figures and pictures in order around it', () => {
      const html = articleHtml(withPicture(`图：甲\n\n${two}\n![乙](2018-01/b.jpg)\n`), 'issue', deployment, pictures);
      expect(tags(html, 'a').map((tag) => /href="([^"]+)"/.exec(tag)?.[1])).toEqual([
        '/pictures/k-900.jpg',
        '/pictures/m-640.jpg',
        '/pictures/m-640.jpg',
      ]);
      expect(tags(html, 'figcaption')).toHaveLength(3);
    });
  });
});
