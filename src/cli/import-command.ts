import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Diagnostic } from '../model.ts';
import { checkWrittenIssue } from '../import/check-written.ts';
import { countFigures, renamePictureFolder } from '../import/imported-markdown.ts';
import type { ImportedIssue } from '../import/imported-issue.ts';
import type { Importer } from '../import/importer.ts';
import type { PrintedPdf } from '../import/printed-pdf.ts';
import { detectInputKind, type InputKind } from '../import/input-kind.ts';
import { writeImportedIssue, type WriteProblem } from '../import/write-imported.ts';
import {
  conventionalOriginalPath,
  issueFileExtension,
  issueFilePath,
  issueId,
  issueMediaFolder,
} from '../core/content-format.ts';
import { formatDiagnostic, hasErrors } from '../core/diagnostics.ts';
import { InvariantError, PdfImportError, WordImportError } from '../core/errors.ts';
import { failureMessage } from '../core/failure-message.ts';
import { writeFailureReason } from '../core/write-reason.ts';
import { loadSectionTableFile } from '../pipeline/load.ts';
import { inputError, readInput } from './read-input.ts';

export const importUsage =
  '用法：npm run import -- <原刊.pdf、Word 原文.docx 或 原文.txt> [--pdf <原刊.pdf>] [--out <输出.md>] [--force]\n' +
  '  原刊 PDF：写出期刊文件、图片文件夹和原刊 PDF；Word 原文：写出期刊文件和图片文件夹；\n' +
  '  Word 原文由 --pdf 给出（或旁边有同名 .pdf）它印成的 PDF 时，按 PDF 定原刊页并复制原刊；\n' +
  '  原文 .txt：PDF 导出的文字（UTF-8 或 GB18030）。\n' +
  '  默认写入 content/年份/年份-期号.md（图片在同名文件夹，原刊为同名 .pdf）；已存在时须加 --force 才替换。\n';

export interface ImportCommandOptions {
  argv: readonly string[];
  /** The content folder: its column table is used, and the issue goes into it unless `--out` says otherwise. */
  contentDir: string;
  /** Where relative paths and the names in messages are taken from. */
  cwd: string;
  importers: Record<InputKind, Importer>;
  write: (text: string) => void;
  writeError: (text: string) => void;
  signal?: AbortSignal;
}

/**
 * `npm run import` without the process around it: the input's kind told from its bytes, its
 * importer run, every guess printed as `path:line:col`, the issue with its pictures and original
 * written all or nothing, then checked as `npm run check` would. Returns the exit code.
 */
export async function runImportCommand(options: ImportCommandOptions): Promise<number> {
  const { contentDir: dir, cwd, write, writeError } = options;
  const shown = (path: string) => relative(cwd, path) || path;
  const say = (d: Diagnostic) => writeError(`${formatDiagnostic(d)}\n`);
  let args;
  try {
    args = parseArgs({
      args: [...options.argv],
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        pdf: { type: 'string' },
        force: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    writeError(`参数有误：${(error as Error).message}\n${importUsage}`);
    return 2;
  }
  const [input, ...extra] = args.positionals;
  if (input === undefined || extra.length > 0) {
    writeError(importUsage);
    return 2;
  }
  const { table, diagnostics: tableDiagnostics } = await loadSectionTableFile(dir, shown(dir) || '.');
  if (hasErrors(tableDiagnostics)) {
    tableDiagnostics.forEach(say);
    writeError('栏目表有误，无法导入。请先修正栏目表。\n');
    return 1;
  }
  const bytes = await readInput(resolve(cwd, input), input);
  if (!Buffer.isBuffer(bytes)) {
    say(bytes);
    return 1;
  }
  const kind = detectInputKind(bytes);
  const out = args.values.out === undefined ? undefined : resolve(cwd, args.values.out);
  if (kind !== 'text' && out !== undefined && !out.endsWith(issueFileExtension)) {
    writeError(`--out 须是 .md 文件：图片文件夹（和原刊 PDF）按它的名字放在它旁边。\n${importUsage}`);
    return 2;
  }
  if (kind !== 'word' && args.values.pdf !== undefined) {
    writeError(`--pdf 只用于 Word 原文：给出它印成的 PDF。\n${importUsage}`);
    return 2;
  }
  const printed = kind === 'word' ? await printedPdfOf(cwd, input, args.values.pdf) : undefined;
  if (printed && 'severity' in printed) {
    say(printed);
    return 1;
  }

  let result: ImportedIssue;
  try {
    result = await options.importers[kind](input, bytes, table, {
      ...(options.signal ? { signal: options.signal } : {}),
      ...(printed ? { printedPdf: printed } : {}),
    });
  } catch (error) {
    if (options.signal?.aborted) return interrupted(writeError);
    if (error instanceof PdfImportError) say(inputError(input, 'import-pdf', error.message));
    else if (error instanceof WordImportError) say(inputError(input, 'import-word', error.message));
    else writeError(`${failureMessage(error)}\n`);
    return 1;
  }
  const { masthead, outline } = result;
  const issueFile = masthead && (out ?? join(dir, issueFilePath(masthead)));
  // A PDF or Word file has no lines: its findings point at the issue file written from it.
  const filed =
    result.linesIn === 'markdown' && issueFile !== undefined && result.markdown !== undefined
      ? result.diagnostics.map((d) => ({ ...d, path: shown(issueFile) }))
      : result.diagnostics;
  filed.forEach(say);
  if (
    result.markdown === undefined ||
    masthead === undefined ||
    issueFile === undefined ||
    hasErrors(result.diagnostics)
  ) {
    // The errors above say what went wrong; a masthead that could not be read is worth one line more.
    if (result.diagnostics.some((d) => d.severity === 'error' && /^import-(masthead|date)$/.test(d.rule)))
      writeError('\n导入失败：刊头信息不全，没有写出文件。请按上面的提示核对原文。\n');
    else if (!hasErrors(result.diagnostics))
      writeError(`${failureMessage(new InvariantError('the importer gave neither an issue nor an error'))}\n`);
    return 1;
  }
  if (outline === undefined)
    throw new InvariantError('the importer gave the Markdown without the outline it came from');

  if (options.signal?.aborted) return interrupted(writeError);
  const media = issueMediaFolder(issueFile);
  const markdown = renamePictureFolder(result.markdown, issueId(masthead), basename(media));
  const written = await writeImportedIssue(
    {
      issueFile,
      markdown,
      pictures: result.pictures,
      ...(result.original ? { original: result.original } : {}),
    },
    { replace: args.values.force },
  );
  if (!written.ok) {
    for (const problem of written.problems) writeError(`${problemLine(problem, shown, args.values.force)}\n`);
    writeError('没有写出任何文件。\n');
    return 1;
  }

  const articles = outline.sections.flatMap((s) => s.articles).length;
  const figures = countFigures(markdown);
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
  const printedName = kind === 'word' && printed ? `${printed.path} ` : '';
  const beside = [
    ...(result.pictures.length > 0 ? [`${result.pictures.length} 张图片写入 ${shown(media)}/`] : []),
    ...(result.original ? [`原刊 PDF ${printedName}复制为 ${shown(conventionalOriginalPath(issueFile))}`] : []),
  ];
  write(
    `已写入 ${shown(issueFile)}${result.encoding ? `（原文编码 ${result.encoding}）` : ''}：` +
      `${outline.sections.length} 个栏目，${articles} 篇文章，` +
      `${figures.withPictures} 幅插图有图片，${figures.captionsOnly} 处图片待补` +
      `${beside.length > 0 ? `；${beside.join('，')}` : ''}；${warnings} 个导入警告。\n` +
      '文章标识按页码生成（p1、p2…）：发布前可改为有意义的英文标识，发布后请不要再改。\n',
  );
  const check = await checkWrittenIssue(issueFile, dir, cwd);
  check.forEach(say);
  if (hasErrors(check)) {
    write(`\n导入的文件未通过检查：请按上面的 error 提示修改 ${shown(issueFile)}，再运行 npm run check。\n`);
    return 1;
  }
  write(`检查通过。请对照原刊逐条核对上面的警告${figures.captionsOnly > 0 ? '，并补上图片' : ''}。\n`);
  return 0;
}

/**
 * The PDF a Word file was printed to: the one `--pdf` names (an error when it cannot be read), else
 * a `.pdf` of the same name beside the Word file, if there is one. Whether it is this issue's is
 * the importer's to tell.
 */
async function printedPdfOf(
  cwd: string,
  input: string,
  named: string | undefined,
): Promise<PrintedPdf | Diagnostic | undefined> {
  if (named !== undefined) {
    const bytes = await readInput(resolve(cwd, named), named);
    return Buffer.isBuffer(bytes) ? { path: named, bytes } : bytes;
  }
  const beside = join(dirname(input), `${basename(input, extname(input))}.pdf`);
  if (beside === input) return undefined;
  const bytes = await readInput(resolve(cwd, beside), beside);
  return Buffer.isBuffer(bytes) ? { path: beside, bytes } : undefined;
}

/** Ctrl-C while reading: nothing has been written yet, and nothing will be. (Once writing, it runs to its end.) */
function interrupted(writeError: (text: string) => void): number {
  writeError('导入已中断，没有写出任何文件。\n');
  return 130;
}

function problemLine(problem: WriteProblem, shown: (path: string) => string, force: boolean): string {
  const at = `${shown(problem.path)}:1:1  error  `;
  switch (problem.kind) {
    case 'exists':
      return (
        `${at}文件已存在，没有覆盖。如确要用导入结果替换它，请加 --force（只替换导入写出的文件）；` +
        '或用 --out 写到别处比较。  (output-exists)'
      );
    case 'in-the-way':
      return `${at}这里已有同名的文件夹或文件，导入的文件放不进去（--force 也不替换它）。请移走它，或用 --out 写到别处。  (output-exists)`;
    case 'failed': {
      const kept = problem.kept ? `被替换的原有文件保存在 ${shown(problem.kept)}，请手工放回。` : '';
      const unchanged = force && !problem.kept ? '原有的文件保持不变。' : '';
      return `${at}无法写入这个文件：${writeFailureReason(problem.error)}。已撤回这次导入写出的全部文件。${unchanged}${kept}  (output-write)`;
    }
  }
}
