import { diagnostic, type Place } from '../core/diagnostics.ts';
import type { Diagnostic } from '../model.ts';
import { blockLines } from './block-lines.ts';

/**
 * What an issue file may ask of the Markdown parser. An issue is some hundreds of lines with
 * hardly any markup; each limit is far beyond that and keeps the parser (micromark) out of its
 * slow paths, so that any file under the 5 MB size limit is checked in seconds and none overflows
 * the stack. The figures behind them (docs/performance.md): nesting recurses, one call per level,
 * in the parser and in every tree walk after it; each line costs some 0.1 ms; each block quote or
 * list that ends, and each `===`/`---` heading, copies the parser's whole event list (a few ms at
 * 5 MB); emphasis and link delimiters in one paragraph are matched pairwise.
 */
export const parseLimits = {
  /** Block quotes and list items inside one another. */
  nestingDepth: 32,
  /**
   * `*`, `_`, `` ` ``, `[` and `]` in one paragraph or heading: each character, for a run of
   * stars is matched against the others character by character (a run of 24,000 takes 90 s).
   */
  paragraphDelimiters: 500,
  lines: 40_000,
  /** Characters the inline parser stops at: `\ ` * _ [ ] ! < &`. */
  markup: 50_000,
  /** Block quotes and lists that end, and `===`/`---` headings. */
  blockEnds: 200,
  /** Lines inside block quotes and list items, each counted once per level it is inside. */
  nestedLines: 100_000,
  frontMatterLines: 200,
  frontMatterCharacters: 20_000,
} as const;

const markupCharacters = new Set(['\\', '`', '*', '_', '[', ']', '!', '<', '&']);
const stop = '这一期不再往下检查。';

/**
 * The first place where the text goes beyond `parseLimits`, as an error; undefined when it stays
 * within them. Runs before the parser, in time linear in the text.
 */
export function checkParseBounds(path: string, text: string): Diagnostic | undefined {
  const fail = (place: Place, rule: string, message: string) => diagnostic(path, place, 'error', rule, message);
  const frontMatter = frontMatterExtent(text);
  if (
    frontMatter &&
    (frontMatter.lines > parseLimits.frontMatterLines || frontMatter.characters > parseLimits.frontMatterCharacters)
  ) {
    return fail(
      { line: 1, column: 1 },
      'file-too-complex',
      `刊头信息（front matter）超过 ${parseLimits.frontMatterLines} 行或 ${parseLimits.frontMatterCharacters} 个字符，${stop}` +
        '刊头只需 series、publisher、year、number、cumulativeNumber、date 六个字段：请检查结束刊头的 --- 是否写在了正确的位置。',
    );
  }
  let markup = 0;
  let blockEnds = 0;
  let nestedLines = 0;
  let delimiters = 0;
  for (const line of blockLines(text, (frontMatter?.closingLine ?? 0) + 1, parseLimits.nestingDepth)) {
    if (line.line > parseLimits.lines) {
      return fail(
        { line: line.line, column: 1 },
        'file-too-complex',
        `文件超过 ${parseLimits.lines} 行，远超一期刊物的篇幅，${stop}请确认这是一期的内容（每期一个文件）。`,
      );
    }
    for (const { column, depth } of line.opened) {
      if (depth > parseLimits.nestingDepth) {
        return fail(
          { line: line.line, column },
          'nesting-depth',
          `引用（>）和列表在这里嵌套到第 ${depth} 层，超过上限 ${parseLimits.nestingDepth} 层，${stop}` +
            '请删去多余的 > 或列表符号（- * + 1.）；原文中的这些符号可在前面加 \\ 转义。',
        );
      }
    }
    nestedLines += line.depth;
    if (nestedLines > parseLimits.nestedLines) {
      return fail(
        { line: line.line, column: 1 },
        'file-too-complex',
        `引用（>）和列表中的行按所在层数累计超过 ${parseLimits.nestedLines}（一行在三层之中计 3），` +
          `超出检查能处理的上限，${stop}请减少嵌套的层数，或确认文件内容是否正确。`,
      );
    }
    blockEnds += line.closes + (line.kind === 'setext' ? 1 : 0);
    if (blockEnds > parseLimits.blockEnds) {
      return fail(
        { line: line.line, column: 1 },
        'file-too-complex',
        `文件中结束的引用块和列表、以及下一行写 === 或 --- 的标题合计超过 ${parseLimits.blockEnds} 个，` +
          `超出检查能处理的上限，${stop}栏目和文章标题请用 ## 和 ###；请确认文件内容是否正确。`,
      );
    }
    if (line.kind !== 'text') delimiters = 0;
    if (line.kind !== 'text' && line.kind !== 'heading') continue;
    const source = line.text;
    for (let i = line.content; i < source.length; i++) {
      const char = source.charAt(i);
      if (!markupCharacters.has(char)) continue;
      markup += 1;
      if (markup > parseLimits.markup) {
        return fail(
          { line: line.line, column: i + 1 },
          'file-too-complex',
          `文件中的 Markdown 标记符号（\\ \` * _ [ ] ! < &）超过 ${parseLimits.markup} 个，` +
            `超出检查能处理的上限，${stop}请确认文件内容是否正确。`,
        );
      }
      if (char === '\\') {
        // An escaped character is text, not a delimiter.
        i += 1;
        continue;
      }
      if (!'*_`[]'.includes(char)) continue;
      delimiters += 1;
      if (delimiters > parseLimits.paragraphDelimiters) {
        return fail(
          { line: line.line, column: i + 1 },
          'inline-markup',
          `这一段的强调、代码和链接标记（* _ \` [ ]）超过 ${parseLimits.paragraphDelimiters} 个，` +
            `超出检查能处理的上限，${stop}请把段落拆开；原文中的这些符号可在前面加 \\ 转义。`,
        );
      }
    }
    if (line.kind === 'heading') delimiters = 0;
  }
  return undefined;
}

/**
 * The front matter opened by `---` on line 1: its lines and characters between the fences, and
 * the line of the `---` that closes it. Undefined when none closes it (the parser says so).
 */
function frontMatterExtent(text: string): { lines: number; characters: number; closingLine: number } | undefined {
  if (!/^---[ \t]*(?:\n|$)/.test(text)) return undefined;
  const first = text.indexOf('\n') + 1;
  const match = /^---[ \t]*$/m.exec(text.slice(first));
  if (!match) return undefined;
  let lines = 0;
  for (let i = text.indexOf('\n', first); i !== -1 && i < first + match.index; i = text.indexOf('\n', i + 1))
    lines += 1;
  return { lines, characters: match.index, closingLine: lines + 2 };
}
