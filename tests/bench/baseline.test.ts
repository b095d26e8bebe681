import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { articleMarkdown, baselineLayout, baselineProject, escapeMarkdown } from '../../src/bench/baseline.ts';
import { loadArchive } from '../../src/archive/load-archive.ts';
import { bundledContent } from '../helpers/content.ts';
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
      const files = baselineProject(issues);
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
    const [layout] = baselineProject([]);
    expect(layout?.content).toContain('<html lang="zh-CN">');
    expect(layout?.content).toContain('{{ content | safe }}');
  });

  it('renders an article without sub-headings as paragraphs only', () => {
    expect(articleMarkdown({ text: '——副标题\n\n第一段\n图：说明', headings: [] })).toBe(
      '——副标题\n\n第一段\n\n图：说明',
    );
  });
});
