import { mkdir } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir } from '../core/content-dir.ts';
import type { Diagnostic } from '../model.ts';
import { checkWrittenIssue } from '../import/check-written.ts';
import { importBulletin } from '../import/import-bulletin.ts';
import { issueFilePath } from '../core/content-format.ts';
import { formatDiagnostic, hasErrors } from '../core/diagnostics.ts';
import { InvariantError } from '../core/errors.ts';
import { writeFileAtomically } from '../core/write-atomically.ts';
import { writeFailureReason } from '../core/write-reason.ts';
import { loadSectionTableFile } from '../pipeline/load.ts';
import { readInputFile } from './read-input.ts';

const usage =
  '用法：npm run import -- <原文.txt> [--out <输出.md>] [--force]\n' +
  '  原文为 PDF 导出的文字（UTF-8 或 GB18030）；默认写入 content/年份/年份-期号.md，已存在时须加 --force 才覆盖。\n';

/** `npm run import`: PDF text of one bulletin → an issue file, with every guess reported. */
async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { out: { type: 'string' }, force: { type: 'boolean', default: false } },
    });
  } catch (error) {
    process.stderr.write(`参数有误：${(error as Error).message}\n${usage}`);
    return 2;
  }
  const [input, ...extra] = args.positionals;
  if (input === undefined || extra.length > 0) {
    process.stderr.write(usage);
    return 2;
  }
  const dir = contentDir();
  const { table, diagnostics: tableDiagnostics } = await loadSectionTableFile(dir, relative(process.cwd(), dir) || '.');
  if (hasErrors(tableDiagnostics)) return report(tableDiagnostics, '栏目表有误，无法导入。请先修正栏目表。');
  const bytes = await readInputFile(input);
  if (!bytes) return 1;
  const result = importBulletin(input, bytes, table);
  for (const d of result.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
  const { markdown, masthead, outline } = result;
  if (markdown === undefined || masthead === undefined) {
    process.stderr.write('\n导入失败：刊头信息不全，没有写出文件。请按上面的提示核对原文。\n');
    return 1;
  }
  if (outline === undefined)
    throw new InvariantError('importBulletin gave the Markdown without the outline it came from');
  const out = resolve(args.values.out ?? join(dir, issueFilePath(masthead)));
  const shownOut = relative(process.cwd(), out) || out;
  try {
    await mkdir(dirname(out), { recursive: true });
    await writeFileAtomically(out, markdown, { replace: args.values.force });
  } catch (error) {
    const exists = (error as NodeJS.ErrnoException).code === 'EEXIST';
    const problem = exists
      ? '文件已存在，没有覆盖。如确要用导入结果替换它，请加 --force；或用 --out 写到别处比较。'
      : `无法写入这个文件：${writeFailureReason(error)}。${args.values.force ? '原有的文件保持不变。' : ''}`;
    process.stderr.write(`${shownOut}:1:1  error  ${problem}  (${exists ? 'output-exists' : 'output-write'})\n`);
    return 1;
  }
  const articles = outline.sections.flatMap((s) => s.articles);
  const figures = articles.flatMap((a) => a.blocks).filter((b) => b.kind === 'figure').length;
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
  process.stdout.write(
    `已写入 ${shownOut}（原文编码 ${result.encoding}）：` +
      `${outline.sections.length} 个栏目，${articles.length} 篇文章，${figures} 处图片待补，${warnings} 个导入警告。\n` +
      '文章标识按页码生成（p1、p2…）：发布前可改为有意义的英文标识，发布后请不要再改。\n',
  );
  const check = await checkWrittenIssue(out, dir);
  for (const d of check) process.stderr.write(`${formatDiagnostic(d)}\n`);
  if (hasErrors(check)) {
    process.stdout.write(`\n导入的文件未通过检查：请按上面的 error 提示修改 ${shownOut}，再运行 npm run check。\n`);
    return 1;
  }
  process.stdout.write(`检查通过。请对照原刊逐条核对上面的警告${figures > 0 ? '，并补上图片' : ''}。\n`);
  return 0;
}

function report(diagnostics: readonly Diagnostic[], summary: string): number {
  for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
  process.stderr.write(`${summary}\n`);
  return 1;
}

process.exitCode = await main(process.argv.slice(2));
