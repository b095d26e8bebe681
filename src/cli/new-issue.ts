import { mkdir } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { conventionalOriginalPath, issueMediaFolder, issueShortLabel } from '../core/content-format.ts';
import { contentDir } from '../core/content-dir.ts';
import { checkWrittenIssue } from '../import/check-written.ts';
import { readIssueHeads } from '../import/issue-heads.ts';
import { datePlaceholder, planNewIssue, skeletonMarkdown, type NewIssueOptions } from '../import/new-issue.ts';
import { formatDiagnostic, hasErrors } from '../core/diagnostics.ts';
import { writeFileAtomically } from '../core/write-atomically.ts';
import { writeFailureReason } from '../core/write-reason.ts';
import { loadSectionTableFile } from '../pipeline/load.ts';

const usage =
  '用法：npm run new-issue -- [--year 2018] [--number 2] [--cumulative-number 11] ' +
  '[--date 2018-09-30] [--series 刊名] [--publisher 编发单位] [--special [序号]]\n' +
  '  省略的期号、总期号、年份、刊名和编发单位按内容目录中最近的一期推算；出版日期可以之后再填。\n' +
  '  --special 新建增刊（如 2019/2019-s1.md）：不写序号时取该年下一个增刊序号；增刊不推算总期号。\n';

/**
 * `--special` takes an optional ordinal (`--special`, `--special 2`), which parseArgs cannot say:
 * the ordinal right after it is joined to it, and a bare `--special` asks for the next one.
 */
function joinSpecialOrdinal(argv: readonly string[]): string[] {
  return argv.flatMap((arg, index) => {
    if (arg !== '--special') return index > 0 && argv[index - 1] === '--special' && isOrdinal(arg) ? [] : [arg];
    const next = argv[index + 1];
    return [next !== undefined && isOrdinal(next) ? `--special=${next}` : '--special=next'];
  });
}

const isOrdinal = (text: string) => /^\d+$/.test(text);

const integerOptions = ['year', 'number', 'cumulative-number'] as const;

/** `npm run new-issue`: writes the next issue's file with its masthead and an empty frame of columns. */
async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: joinSpecialOrdinal(argv),
      options: {
        year: { type: 'string' },
        number: { type: 'string' },
        'cumulative-number': { type: 'string' },
        date: { type: 'string' },
        series: { type: 'string' },
        publisher: { type: 'string' },
        special: { type: 'string' },
      },
    }));
  } catch (error) {
    process.stderr.write(`参数有误：${(error as Error).message}\n${usage}`);
    return 2;
  }
  const badInteger = integerOptions.find((name) => values[name] !== undefined && !/^[1-9]\d*$/.test(values[name]));
  if (badInteger) {
    process.stderr.write(`参数有误：--${badInteger} 须是正整数（现为 “${values[badInteger]}”）。\n${usage}`);
    return 2;
  }
  const special = values.special;
  if (special !== undefined && special !== 'next' && !/^[1-9]\d*$/.test(special)) {
    process.stderr.write(`参数有误：--special 后的增刊序号须是正整数（现为 “${special}”）。\n${usage}`);
    return 2;
  }
  const integer = (name: (typeof integerOptions)[number]) =>
    values[name] === undefined ? undefined : Number(values[name]);
  const options: NewIssueOptions = {
    year: integer('year'),
    number: integer('number'),
    cumulativeNumber: integer('cumulative-number'),
    date: values.date,
    series: values.series,
    publisher: values.publisher,
    special: special === undefined ? undefined : special === 'next' ? true : Number(special),
  };

  const dir = contentDir();
  const shownDir = relative(process.cwd(), dir) || '.';
  const { table, diagnostics: tableDiagnostics } = await loadSectionTableFile(dir, shownDir);
  if (hasErrors(tableDiagnostics)) {
    for (const d of tableDiagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
    process.stderr.write('栏目表有误，无法新建。请先修正栏目表。\n');
    return 1;
  }
  const plan = planNewIssue(await readIssueHeads(dir).catch(() => []), options);
  if (!plan.ok) {
    process.stderr.write(`没有新建文件：${plan.message}\n`);
    return 1;
  }
  const file = join(dir, plan.relativePath);
  const shown = join(shownDir, plan.relativePath);
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFileAtomically(file, skeletonMarkdown(plan.masthead, table));
  } catch (error) {
    const exists = (error as NodeJS.ErrnoException).code === 'EEXIST';
    process.stderr.write(
      `没有新建文件：${exists ? `${shown} 已经存在，不会覆盖。要修改这一期，请直接编辑该文件。` : `无法写入 ${shown}：${writeFailureReason(error)}`}\n`,
    );
    return 1;
  }
  // The issue's pictures go beside it; made here so the editor sees where (an empty folder harms nothing).
  const mediaFolder = issueMediaFolder(plan.relativePath);
  const mediaShown = `${join(shownDir, mediaFolder)}/`;
  let mediaNote = '';
  try {
    await mkdir(join(dir, mediaFolder), { recursive: true });
  } catch (error) {
    mediaNote = `（注意：无法建立图片文件夹 ${mediaShown}：${writeFailureReason(error)}，请自行建立）\n`;
  }
  const { cumulativeNumber, date } = plan.masthead;
  const steps = [
    ...(date === undefined
      ? [`把出版日期 date: ${datePlaceholder} 改为原刊的出版日期（如 2018年6月29日 写作 2018-06-29）；`]
      : []),
    '在各栏目（##）下加文章：“### 文章标题 {#英文标识 page=页码}”，下面一段一行写正文；',
    '删去本期没有文章的栏目；',
    `照片放进 ${mediaShown}，文中写 ![说明](${mediaFolder.split('/').at(-1) ?? mediaFolder}/文件名.jpg)；` +
      `印刷版原刊的 PDF 存为 ${join(shownDir, conventionalOriginalPath(plan.relativePath))}（可选）；`,
    '运行 npm run check，直到没有错误。',
  ];
  process.stdout.write(
    `已新建 ${shown}：${issueShortLabel(plan.masthead)}` +
      `${cumulativeNumber === undefined ? '' : `（总第${cumulativeNumber}期）`}。\n` +
      mediaNote +
      plan.notes.map((note) => `  ${note}\n`).join('') +
      `接下来请：\n${steps.map((step, i) => `  ${i + 1}. ${step}\n`).join('')}`,
  );
  const check = await checkWrittenIssue(file, dir);
  if (check.length > 0) {
    process.stdout.write('\n目前的检查结果（填写完成之前，下面的错误是正常的）：\n');
    for (const d of check) process.stdout.write(`${formatDiagnostic(d)}\n`);
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
