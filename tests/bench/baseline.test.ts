import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  articleMarkdown,
  baselineFormats,
  baselineLayout,
  baselineProject,
  escapeMarkdown,
} from '../../src/bench/baseline.ts';
import { loadArchive } from '../../src/archive/load-archive.ts';
import { bundledContent, mediaArchive } from '../helpers/content.ts';
import { defined } from '../helpers/defined.ts';

// CommonMark, as Eleventy's default engine (markdown-it) reads it.
/** A page's front matter as data, and the Markdown after its closing ---. */
function matter(page: string): { data: unknown; content: string } {
  const [first] = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).parse(page).children;
  if (first?.type !== 'yaml') return { data: undefined, content: page };
  return { data: parse(first.value), content: page.slice(first.position?.end.offset ?? 0) };
}

const blocks = (markdown: string) => {
  const { children } = unified().use(remarkParse).parse(markdown);
  return children.map((node) => ({
    type: node.type,
    depth: 'depth' in node ? node.depth : undefined,
    text: toString(node),
  }));
};

describe('escapeMarkdown', () => {
  it.each([
    '1. 不是列表',
    '2) 也不是',
    '- 不是列表项',
    '+ 也不是',
    '# 不是标题',
    '> 不是引用',
    '*不是强调* 和 _这个_',
    '[不是链接](https://example.org) `不是代码`',
    '<b>不是 HTML</b> &amp; 不是实体',
    '= 不是标题下划线',
    '普通句子，2018年第1期。',
  ])('keeps %s as the text of one paragraph', (line) => {
    expect(blocks(escapeMarkdown(line))).toEqual([{ type: 'paragraph', depth: undefined, text: line }]);
  });
});

describe('baselineProject', () => {
  it(
    'writes every article of the bundled archive as a Markdown page at its URL, ' + 'with the same title and lines',
    async () => {
      const { issues } = await loadArchive(bundledContent);
      const articles = issues.flatMap((issue) => issue.sections.flatMap((section) => section.articles));
      const { files, copies } = baselineProject(issues);
      expect(copies).toEqual([]);
      expect(files.map((file) => file.path)).toEqual([
        `_includes/${baselineLayout}`,
        ...articles.map((article) => `${article.url.slice(1, -1)}.md`),
      ]);
      for (const [i, article] of articles.entries()) {
        const page = matter(defined(files[i + 1], `the page of ${article.url}`).content);
        expect(page.data).toEqual({ title: article.title, layout: baselineLayout });
        const headings = article.headings.map((heading) => heading.text);
        expect(blocks(page.content)).toEqual(
          article.text
            .split('\n')
            .filter((line) => line.trim() !== '')
            .map((line) =>
              headings.includes(line)
                ? { type: 'heading', depth: 2, text: line }
                : { type: 'paragraph', depth: undefined, text: line },
            ),
        );
      }
    },
  );

  it('gives each page a layout declaring the language', () => {
    const [layout] = baselineProject([]).files;
    expect(layout?.content).toContain('<html lang="zh-CN">');
    expect(layout?.content).toContain('{{ content | safe }}');
  });

  it('renders an article without sub-headings as paragraphs only', () => {
    expect(articleMarkdown({ text: '——副标题\n\n第一段\n图：说明', headings: [], figures: [] })).toBe(
      '——副标题\n\n第一段\n\n图：说明',
    );
  });

  it('copies every picture and original PDF as it is, at its path in the content folder', async () => {
    const { issues } = await loadArchive(mediaArchive);
    const project = baselineProject(issues);
    expect(project.copies.map((copy) => copy.path).sort()).toEqual([
      '2018/2018-01.pdf',
      '2018/2018-01/factory.jpg',
      '2018/2018-01/forum.jpg',
      '2018/2018-01/meeting.jpg',
    ]);
    for (const copy of project.copies) expect(copy.from).toBe(join(mediaArchive, copy.path));
    expect(baselineFormats(project)).toEqual(['md', 'jpg', 'pdf']);
  });

  it('shows a picture as a Markdown image of the copied file, above its caption', async () => {
    const { issues } = await loadArchive(mediaArchive);
    const article = defined(
      issues[0]?.sections[0]?.articles.find((a) => a.id === 'p1'),
      'the article with the meeting photo',
    );
    const page = defined(
      baselineProject(issues).files.find((file) => file.path === `${article.url.slice(1, -1)}.md`),
      'its page',
    );
    const caption = '泰州医药高新技术产业开发区国家生态工业园区建设规划会';
    const image = `![${caption}](/2018/2018-01/meeting.jpg)`;
    expect(page.content).toContain(`\n\n${image}\n\n${caption}\n\n`);
    const { children } = unified().use(remarkParse).parse(matter(page.content).content);
    const pictures = children.flatMap((node) =>
      node.type === 'paragraph' ? node.children.filter((child) => child.type === 'image') : [],
    );
    expect(pictures.map((picture) => [picture.url, picture.alt])).toEqual([['/2018/2018-01/meeting.jpg', caption]]);
  });

  it('shows each picture of a figure with several, above its one caption', async () => {
    const { issues } = await loadArchive(mediaArchive);
    const article = defined(
      issues[0]?.sections[0]?.articles.find((a) => a.id === 'p3'),
      'the article with two photos side by side',
    );
    const page = defined(
      baselineProject(issues).files.find((file) => file.path === `${article.url.slice(1, -1)}.md`),
      'its page',
    );
    expect(page.content).toContain(
      '\n\n![调研现场](/2018/2018-01/factory.jpg)\n\n![座谈会现场](/2018/2018-01/forum.jpg)\n\n调研现场\n',
    );
  });

  it('escapes what Markdown would read in a caption and in a path', () => {
    const markdown = articleMarkdown({
      text: '第一段\n*说明* [1]',
      headings: [],
      figures: [
        {
          caption: '*说明* [1]',
          pictures: [
            {
              src: 'a (1).jpg',
              image: {
                sourcePath: '/content/2019/2019-01/照片 (1).jpg',
                relativePath: '2019/2019-01/照片 (1).jpg',
                digest: '0'.repeat(64),
                format: 'jpeg',
                width: 800,
                height: 600,
                bytes: 1,
              },
            },
          ],
        },
      ],
    });
    const [, picture] = unified().use(remarkParse).parse(markdown).children;
    const image = picture?.type === 'paragraph' ? picture.children[0] : undefined;
    expect(image?.type === 'image' && [image.url, image.alt]).toEqual([
      `/2019/2019-01/${encodeURIComponent('照片')}%20%281%29.jpg`,
      '*说明* [1]',
    ]);
  });
});
