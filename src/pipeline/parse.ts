import type { Root, Yaml } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Document } from 'yaml';
import type { Diagnostic } from '../model.ts';
import { diagnostic, fileStart } from '../core/diagnostics.ts';
import { parseYamlText, yamlSyntaxDiagnostics, type YamlLines } from '../core/yaml.ts';

export interface ParsedSource {
  path: string;
  /** The front matter as a YAML document; `frontMatterLines` turns its ranges into file places. */
  frontMatter: Document;
  frontMatterLines: YamlLines;
  /** The Markdown body, without the front matter node; positions are positions in the whole file. */
  tree: Root;
}

export type Parsed = { ok: true; source: ParsedSource } | { ok: false; diagnostics: Diagnostic[] };

/** An issue file as Markdown: CommonMark with YAML front matter (a tool reading a written file back uses it too). */
export const issueFileReader = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze();

/** A line of three dashes alone: what opens front matter. */
const fence = /^---[ \t]*(?:\n|$)/;

/** Parses the whole file as Markdown with front matter, and the front matter as YAML, keeping file positions. */
export function parseSource(path: string, text: string): Parsed {
  if (text.trim() === '') {
    return failed(
      diagnostic(
        path,
        fileStart,
        'error',
        'empty-file',
        '文件是空的。新建一期请用 npm run new-issue，它会写好刊头和栏目框架。',
      ),
    );
  }
  const tree = issueFileReader.parse(text);
  const [first, ...body] = tree.children;
  if (first?.type !== 'yaml') {
    // remark-frontmatter takes front matter only with its closing ---; without it the opening
    // --- is a thematic break, and the fields a paragraph.
    if (fence.test(text)) {
      return failed(
        diagnostic(
          path,
          fileStart,
          'error',
          'front-matter-unclosed',
          '刊头信息（front matter）没有结束：请在最后一个字段后另起一行写 ---。',
        ),
      );
    }
    return failed(missing(path));
  }
  if (first.value.trim() === '') return failed(missing(path));

  const yaml = parseYamlText(first.value, { firstLine: firstLineOf(first) });
  const errors = yamlSyntaxDiagnostics(path, yaml, 'front-matter-syntax', '刊头信息');
  if (errors.length > 0) return { ok: false, diagnostics: errors };
  return {
    ok: true,
    source: { path, frontMatter: yaml.document, frontMatterLines: yaml.lines, tree: { ...tree, children: body } },
  };
}

/** The YAML starts on the line after the opening ---, at its first column. */
function firstLineOf(node: Yaml): number {
  return (node.position?.start.line ?? 1) + 1;
}

function missing(path: string): Diagnostic {
  return diagnostic(
    path,
    fileStart,
    'error',
    'front-matter-missing',
    '缺少刊头信息（front matter）：文件须以 --- 开头，写明 series、publisher、year、number、cumulativeNumber、date，再以 --- 结束。',
  );
}

function failed(d: Diagnostic): Parsed {
  return { ok: false, diagnostics: [d] };
}
