import type { ErrorCode } from 'yaml';

/**
 * What each error of the `yaml` package means, in Chinese, with the fix. Keyed by every code the
 * package defines (node_modules/yaml/dist/errors.d.ts), so that a code added by an upgrade fails
 * the type check here instead of reaching an editor in English.
 */
const byCode: Record<ErrorCode, string> = {
  ALIAS_PROPS: '引用（*名称）前面不能再写标签（!）或锚点（&）：请删去引用前的 ! 或 & 部分。',
  BAD_ALIAS:
    '锚点（&）或引用（*）后面缺少名称，或名称以冒号结尾。这些表格用不到 & 和 *；如果它们是文字的一部分，请给整个值加上引号。',
  BAD_COLLECTION_TYPE: '标签（!!map、!!seq 等）与后面写的内容不符：这些表格用不到标签，请删去以 ! 开头的部分。',
  BAD_DIRECTIVE: '以 % 开头的行被当成了 YAML 指令：如果是文字，请给整个值加上引号。',
  BAD_DQ_ESCAPE: '双引号里的反斜杠 \\ 后面跟了无法识别的字符：要写反斜杠本身请写成 \\\\，或改用单引号。',
  BAD_INDENT: '缩进不对：同一层的字段要左端对齐，下一层比上一层多缩进两个空格。',
  BAD_PROP_ORDER: '锚点（&）或标签（!）要写在 “- ”“? ”“: ” 之后：这些表格用不到它们，请删去。',
  BAD_SCALAR_START: '值不能以 @、`、%、|、>、逗号等 YAML 的特殊字符开头：请给整个值加上引号，例如 note: "@某某"。',
  BLOCK_AS_IMPLICIT_KEY:
    '这一行的冒号或 “- ” 位置不对：一行只写一个 “字段: 值”；如果冒号是值的一部分，请给整个值加上引号。',
  BLOCK_IN_FLOW:
    '方括号 [ ] 或花括号 { } 里不能再写 “- ” 列表或 “字段: 值” 换行：请写成 [甲, 乙]，或改用每行一个 “- ” 的列表。',
  DUPLICATE_KEY: '同一个字段写了两次：请删去其中一行，或改正字段名。',
  IMPOSSIBLE: 'YAML 解析器遇到了无法处理的写法：请检查这一行附近的冒号、缩进和引号。',
  KEY_OVER_1024_CHARS: '冒号前的字段名超过 1024 个字符，多半是少了冒号或换行：每行写成 “字段: 值”。',
  MISSING_CHAR: '缺少必要的符号（冒号、引号、括号或 “- ”）：请检查这一行。',
  MULTILINE_IMPLICIT_KEY:
    '这一行不是 “字段: 值” 的形式：冒号后面要有一个空格（写成 year: 2018），冒号须是英文半角 “:”，不是中文 “：”。',
  MULTIPLE_ANCHORS: '一个值只能有一个锚点（&名称）：请删去多余的 &。',
  MULTIPLE_DOCS: '文件里有多个 YAML 文档（中间有一行 ---）：请删去这一行 ---，所有内容写在同一个列表里。',
  MULTIPLE_TAGS: '一个值只能有一个标签（!）：这些表格用不到标签，请删去以 ! 开头的部分。',
  NON_STRING_KEY: '字段名须是文字：请不要用列表或 { } 作字段名。',
  // The yaml package reports both an alias bomb and a stack overflow (nesting too deep) so.
  RESOURCE_EXHAUSTION:
    '嵌套得太多（层次太深，或锚点 & 和引用 * 展开后过大）：这些表格用不到深层嵌套和 & *，请按示例的格式把值直接写出来。',
  TAB_AS_INDENT: '缩进请用空格，不要用 Tab：把行首的 Tab 换成空格（每层两个空格）。',
  TAG_RESOLVE_FAILED:
    '无法识别以 ! 开头的标签：这些表格用不到标签，请删去它；如果 ! 是文字的一部分，请给整个值加上引号。',
  UNEXPECTED_TOKEN:
    '这里出现了多余的符号（逗号、括号、冒号等）：请检查这一行，文字中含有这些符号时请给整个值加上引号。',
};

/** Some codes cover several mistakes; the library's English message tells them apart. */
const refinements: { code: ErrorCode; pattern: RegExp; text: string }[] = [
  { code: 'MISSING_CHAR', pattern: /closing "quote/, text: '双引号没有闭合：请在值的末尾补上 "，或删去多余的 "。' },
  { code: 'MISSING_CHAR', pattern: /closing 'quote/, text: "单引号没有闭合：请在值的末尾补上 '，或删去多余的 '。" },
  {
    code: 'MISSING_CHAR',
    pattern: /end with a \]/,
    text: '方括号没有闭合：请在列表末尾补上 ]，例如 aliases: [甲, 乙]。',
  },
  { code: 'MISSING_CHAR', pattern: /end with a \}/, text: '花括号没有闭合：请在末尾补上 }。' },
  {
    code: 'MISSING_CHAR',
    pattern: /followed by map values/,
    text: '这一行缺少冒号：每行写成 “字段: 值”（英文冒号，冒号后面要有一个空格）。',
  },
  { code: 'MISSING_CHAR', pattern: /Missing space after :/, text: '冒号后面要有一个空格：写成 “字段: 值”。' },
  {
    code: 'MISSING_CHAR',
    pattern: /Missing , /,
    text: '方括号或花括号里的各项之间要用英文逗号 “,” 隔开，例如 [甲, 乙]。',
  },
  {
    code: 'MISSING_CHAR',
    pattern: /without - indicator/,
    text: '这一行缺少开头的 “- ”，或者它的缩进与上一项的字段不一致。',
  },
  {
    code: 'MISSING_CHAR',
    pattern: /Comments must be separated/,
    text: '# 注释前面要有一个空格；如果 # 是文字的一部分，请给整个值加上引号。',
  },
  {
    code: 'MISSING_CHAR',
    pattern: /separated from the next token/,
    text: '锚点（&）或标签（!）后面要有一个空格：这些表格用不到它们，请删去。',
  },
  {
    code: 'BAD_INDENT',
    pattern: /end with a \]/,
    text: '方括号没有闭合：请在列表末尾补上 ]，例如 aliases: [甲, 乙]。',
  },
  { code: 'BAD_INDENT', pattern: /end with a \}/, text: '花括号没有闭合：请在末尾补上 }。' },
  {
    code: 'BAD_INDENT',
    pattern: /sequence items must start at the same column/,
    text: '同一个列表的各项 “- ” 要左端对齐：请调整这一行的缩进。',
  },
  {
    code: 'BAD_INDENT',
    pattern: /mapping items must start at the same column/,
    text: '同一层的字段要左端对齐：请调整这一行的缩进，使它与上面的字段对齐。',
  },
  {
    code: 'BLOCK_AS_IMPLICIT_KEY',
    pattern: /Nested mappings/,
    text: '一行里有两个 “: ”（例如 a: b: c）：如果冒号是值的一部分，请给整个值加上引号；如果是下一层的字段，请另起一行并缩进。',
  },
  {
    code: 'BLOCK_AS_IMPLICIT_KEY',
    pattern: /block sequence/,
    text: '“- ” 的缩进与上面的列表项不一致：同一个列表的各项 “- ” 要左端对齐。',
  },
  {
    code: 'UNEXPECTED_TOKEN',
    pattern: /map-value-ind/,
    text:
      '这里多了一个冒号，或 “字段: 值” 与 “- ” 列表项混写在同一层：每行写成 “字段: 值”，列表的各项以 “- ” 开头并左端对齐；' +
      '冒号是文字的一部分时，请给整个值加上引号。',
  },
  {
    code: 'UNEXPECTED_TOKEN',
    pattern: /Unexpected , /,
    text: '方括号或花括号里多了一个逗号（两个逗号之间没有内容）：请删去多余的逗号。',
  },
];

/** Codes the parser gives when a line is not `key: value`, whatever the reason. */
const notKeyValue = new Set<ErrorCode>([
  'MULTILINE_IMPLICIT_KEY',
  'MISSING_CHAR',
  'BLOCK_AS_IMPLICIT_KEY',
  'UNEXPECTED_TOKEN',
  'BAD_INDENT',
  'TAB_AS_INDENT',
]);

/** The column (from 1) of a Tab in a line's indent: YAML indents with spaces only. */
function tabInIndent(line: string): number | undefined {
  const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
  const tab = indent.indexOf('\t');
  return tab === -1 ? undefined : tab + 1;
}

/**
 * The parser says what it could not read, not what the editor typed; the line itself often
 * shows the usual mistakes: a Tab in the indent, a full-width colon, no space after the colon.
 */
function fromLine(code: ErrorCode, line: string): YamlErrorHint | undefined {
  if (!notKeyValue.has(code)) return undefined;
  const tab = tabInIndent(line);
  if (tab !== undefined) return { text: byCode.TAB_AS_INDENT, column: tab };
  if (code === 'UNEXPECTED_TOKEN' || code === 'BAD_INDENT') return undefined;
  const written = line.trim().replace(/^- /, '');
  if (/^[^"'#:]+：/.test(written))
    return { text: `冒号须是英文半角 “:”，不是中文 “：”：请写成 “${corrected(written, '：')}”。` };
  if (/^[^\s"'#:]+:\S/.test(written) && !written.includes(': '))
    return { text: `冒号后面要有一个空格：请写成 “${corrected(written, ':')}”。` };
  return undefined;
}

/** The line as it should be, for the message; a long line is cut, the fix is at its start. */
function corrected(written: string, colon: string): string {
  const at = written.indexOf(colon);
  const fixed = `${written.slice(0, at)}: ${written.slice(at + 1).trimStart()}`;
  return fixed.length > 40 ? `${fixed.slice(0, 40)}…` : fixed;
}

export interface YamlErrorHint {
  text: string;
  /** Where on its line the mistake is, when the line shows it better than the parser's offset. */
  column?: number;
}

/** The Chinese explanation and fix for a `yaml` parse error, by its code and the line it is on. */
export function explainYamlError(error: { code: ErrorCode; message: string }, line: string): YamlErrorHint {
  return fromLine(error.code, line) ?? { text: yamlErrorText(error) };
}

/**
 * The Chinese explanation and fix for a `yaml` error, by its code (and message, where one code
 * covers several mistakes).
 */
export function yamlErrorText(error: { code: ErrorCode; message: string }): string {
  return refinements.find((r) => r.code === error.code && r.pattern.test(error.message))?.text ?? byCode[error.code];
}
