import matter from 'gray-matter';
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Document } from 'yaml';
import type { Diagnostic } from '../model.ts';
import { diagnostic, fileStart } from '../core/diagnostics.ts';
import { parseYamlText, yamlSyntaxDiagnostics, type ParsedYaml, type YamlLines } from '../core/yaml.ts';

export interface ParsedSource {
  path: string;
  /** The front matter as a YAML document; its ranges index into `frontMatterText`. */
  frontMatter: Document;
  frontMatterLines: YamlLines;
  /** The Markdown body; node positions are positions in the whole file. */
  tree: Root;
}

export type Parsed = { ok: true; source: ParsedSource } | { ok: false; diagnostics: Diagnostic[] };

const markdown = unified().use(remarkParse);

/** Splits front matter from body (gray-matter) and parses both, keeping positions in the file. */
export function parseSource(path: string, text: string): Parsed {
  if (text.trim() === '') {
    return failed(diagnostic(path, fileStart, 'error', 'empty-file', '文件是空的。新建一期请用 npm run new-issue，它会写好刊头和栏目框架。'));
  }
  // gray-matter's yaml engine is swapped for one that keeps source positions for messages.
  const file = matter(text, { engines: { yaml: (source: string) => parseYaml(source) as object } });
  if (file.matter === undefined || file.matter === '' || !text.startsWith('---')) {
    return failed(
      diagnostic(path, fileStart, 'error', 'front-matter-missing', '缺少刊头信息（front matter）：文件须以 --- 开头，写明 series、publisher、year、number、cumulativeNumber、date，再以 --- 结束。'),
    );
  }
  if (file.content === '' && !/\n---/.test(text)) {
    return failed(diagnostic(path, fileStart, 'error', 'front-matter-unclosed', '刊头信息（front matter）没有结束：请在最后一个字段后另起一行写 ---。'));
  }
  // gray-matter skips its engine for a block with nothing but comments and hands back {}.
  const yaml = 'document' in file.data ? (file.data as unknown as ParsedYaml) : parseYaml('');
  const errors = yamlSyntaxDiagnostics(path, yaml, 'front-matter-syntax', '刊头信息');
  if (errors.length > 0) return { ok: false, diagnostics: errors };
  const { document, lines } = yaml;

  // Blank lines stand in for the front matter so that body positions are file positions.
  const bodyStart = text.length - file.content.length;
  const linesBefore = text.slice(0, bodyStart).split('\n').length - 1;
  const tree = markdown.parse('\n'.repeat(linesBefore) + file.content);
  return { ok: true, source: { path, frontMatter: document, frontMatterLines: lines, tree } };
}

/** gray-matter hands over the text after the opening `---`, so its line 1 is the file's line 1. */
function parseYaml(source: string): ParsedYaml {
  return parseYamlText(source);
}

function failed(d: Diagnostic): Parsed {
  return { ok: false, diagnostics: [d] };
}
