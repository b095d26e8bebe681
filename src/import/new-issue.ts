import { issueFilePath, issueFileText, issueId, issueShortLabel, writeIssue } from '../core/content-format.ts';
import { specialName, specialOrdinalRange } from '../core/issue-numbering.ts';
import { isRealDate } from '../core/dates.ts';
import type { Masthead } from '../pipeline/masthead.ts';
import type { SectionTable } from '../pipeline/section-kinds.ts';
import type { IssueHead } from './issue-heads.ts';

/** What the editor gave on the command line; anything not given (undefined) is inferred. */
export interface NewIssueOptions {
  year?: number | undefined;
  number?: number | undefined;
  cumulativeNumber?: number | undefined;
  date?: string | undefined;
  series?: string | undefined;
  publisher?: string | undefined;
  /**
   * A special issue (增刊): `true` for the year's next supplement (or the one `number` names), a
   * number for that supplement. Its number stands outside the year's regular numbers.
   */
  special?: number | true | undefined;
}

/** The new issue's masthead; `date` stays a placeholder until the editor knows it. */
export type NewIssueMasthead = Omit<Masthead, 'date'> & { date?: string };

export type NewIssuePlan =
  { ok: true; masthead: NewIssueMasthead; relativePath: string; notes: string[] } | { ok: false; message: string };

type Numbered = IssueHead & { year: number; number: number };
type Counted = Numbered & { cumulativeNumber: number };

const byIssue = (a: Numbered, b: Numbered) => a.year - b.year || a.number - b.number;

/** Whether a file is a regular issue (numbered), not a supplement: only those count on the numbers. */
const isRegular = (h: IssueHead): h is Numbered => h.year !== undefined && h.number !== undefined && !h.special;

/**
 * Decides the new issue's masthead: what the editor gave, the rest from the issues already in
 * the archive (the next number in the year, the cumulative number counted on from the issue
 * before it, series and publisher as the latest issue has them). Every inferred value is noted
 * so the editor can check it.
 */
export function planNewIssue(heads: readonly IssueHead[], options: NewIssueOptions): NewIssuePlan {
  const notes: string[] = [];
  const numbered = heads.filter(isRegular).sort(byIssue);
  const latest = numbered.at(-1) ?? heads.filter((h) => h.year !== undefined).at(-1);
  if (options.date !== undefined && !isRealDate(options.date))
    return { ok: false, message: `--date ${options.date} 不是有效日期：请写成 YYYY-MM-DD，例如 --date 2018-06-29。` };
  const year = options.year ?? (options.date !== undefined ? Number(options.date.slice(0, 4)) : latest?.year);
  if (year === undefined)
    return { ok: false, message: '内容目录中还没有任何一期可供推算：请用 --year 指定年份，例如 --year 2018。' };
  // npm run check would refuse the file (date-year): an issue's date belongs to its year.
  if (options.date !== undefined && Number(options.date.slice(0, 4)) !== year)
    return {
      ok: false,
      message: `--date ${options.date} 不在 ${year} 年：一期刊物的出版日期在它的年份之内。请改正 --date 或 --year。`,
    };
  if (options.special !== undefined) return planSpecialIssue(heads, numbered, year, options);
  const sameYear = numbered.filter((h) => h.year === year).at(-1);
  const number = options.number ?? (sameYear ? sameYear.number + 1 : 1);
  if (options.number === undefined)
    notes.push(
      sameYear
        ? `当年期号 ${number}：${year} 年最近一期是 ${sameYear.path}（第${sameYear.number}期）。`
        : `当年期号 1：${year} 年还没有任何一期。`,
    );

  const relativePath = issueFilePath({ year, number });
  const taken =
    heads.find((h) => h.path === relativePath) ?? numbered.find((h) => h.year === year && h.number === number);
  if (taken)
    return {
      ok: false,
      message: `${year}年第${number}期已经存在（${taken.path}），不会覆盖。要修改这一期，请直接编辑该文件；要新建另一期，请用 --number 指定期号。`,
    };

  const previous = numbered
    .filter((h): h is Counted => byIssue(h, { path: '', year, number }) < 0 && h.cumulativeNumber !== undefined)
    .at(-1);
  let cumulativeNumber = options.cumulativeNumber;
  if (cumulativeNumber === undefined) {
    if (!previous)
      return {
        ok: false,
        message: `${year}年第${number}期之前没有可推算总期号的一期：请用 --cumulative-number 指定总期号，例如 --cumulative-number 10。`,
      };
    cumulativeNumber = previous.cumulativeNumber + (previous.year === year ? number - previous.number : number);
    notes.push(
      `总期号 ${cumulativeNumber}：由 ${previous.path}（${previous.year}年第${previous.number}期，` +
        `总第${previous.cumulativeNumber}期）推算${previous.year === year ? '' : '，假定它是该年最后一期'}。`,
    );
  }
  return finishPlan(heads, numbered, { year, number, cumulativeNumber }, options, relativePath, notes);
}

/**
 * A supplement (增刊): the year's next ordinal unless given; no running number unless given, since
 * many bulletins count supplements outside 总第N期 and it cannot be inferred.
 */
function planSpecialIssue(
  heads: readonly IssueHead[],
  numbered: readonly Numbered[],
  year: number,
  options: NewIssueOptions,
): NewIssuePlan {
  const notes: string[] = [];
  const [min, max] = specialOrdinalRange;
  const sameYear = heads
    .filter((h) => h.year === year && h.special)
    .sort((a, b) => (a.special?.ordinal ?? 0) - (b.special?.ordinal ?? 0))
    .at(-1);
  const given = options.special === true ? options.number : options.special;
  const ordinal = given ?? (sameYear?.special ? sameYear.special.ordinal + 1 : 1);
  if (ordinal < min || ordinal > max)
    return { ok: false, message: `增刊的序号须在 ${min} 到 ${max} 之间（现为 ${ordinal}）：请改正 --special。` };
  const special = { name: specialName, ordinal };
  const label = issueShortLabel({ year, number: ordinal, special });
  if (given === undefined)
    notes.push(
      sameYear
        ? `增刊序号 ${ordinal}：${year} 年最近一期增刊是 ${sameYear.path}。`
        : `增刊序号 1：${year} 年还没有增刊。`,
    );
  const relativePath = issueFilePath({ year, number: ordinal, special });
  const taken =
    heads.find((h) => h.path === relativePath) ?? heads.find((h) => h.year === year && h.special?.ordinal === ordinal);
  if (taken)
    return {
      ok: false,
      message: `${label}已经存在（${taken.path}），不会覆盖。要修改这一期，请直接编辑该文件；要新建另一期增刊，请用 --special 序号 指定。`,
    };
  if (options.cumulativeNumber === undefined)
    notes.push('增刊不推算总期号：原刊的增刊若有总期号，请在文件中加一行 cumulativeNumber。');
  return finishPlan(
    heads,
    numbered,
    { year, number: ordinal, special, cumulativeNumber: options.cumulativeNumber },
    options,
    relativePath,
    notes,
  );
}

/** Series and publisher as the latest issue has them, the running number checked, the date if given. */
function finishPlan(
  heads: readonly IssueHead[],
  numbered: readonly Numbered[],
  numbers: Pick<NewIssueMasthead, 'year' | 'number' | 'special'> & { cumulativeNumber?: number | undefined },
  options: NewIssueOptions,
  relativePath: string,
  notes: string[],
): NewIssuePlan {
  const { cumulativeNumber } = numbers;
  const latestNamed = (field: 'series' | 'publisher') =>
    [...numbered].reverse().find((h) => h[field])?.[field] ?? heads.find((h) => h[field])?.[field];
  const series = options.series ?? latestNamed('series');
  const publisher = options.publisher ?? latestNamed('publisher');
  if (series === undefined || publisher === undefined)
    return { ok: false, message: '没有已有的期刊可供沿用刊名和编发单位：请用 --series 和 --publisher 指定。' };
  const sameCumulative =
    cumulativeNumber === undefined ? undefined : heads.find((h) => h.cumulativeNumber === cumulativeNumber);
  if (sameCumulative)
    return {
      ok: false,
      message: `总第${cumulativeNumber}期已是 ${sameCumulative.path}：总期号不能重复。请用 --cumulative-number 指定正确的总期号。`,
    };
  return {
    ok: true,
    masthead: {
      series,
      publisher,
      year: numbers.year,
      number: numbers.number,
      ...(numbers.special ? { special: numbers.special } : {}),
      ...(cumulativeNumber !== undefined ? { cumulativeNumber } : {}),
      ...(options.date !== undefined ? { date: options.date } : {}),
    },
    relativePath,
    notes,
  };
}

/** Stands in for the date until the editor fills it in; the checker names the field until then. */
export const datePlaceholder = 'YYYY-MM-DD';

/** The new file: front matter and an empty `##` heading for every column in the section table. */
export function skeletonMarkdown(masthead: NewIssueMasthead, table: SectionTable): string {
  const comment =
    `${issueId(masthead)}：在各栏目下用 “### 文章标题 {#英文标识 page=页码}” 加文章，` +
    '删去本期没有的栏目。写法见 docs/content-format.md。';
  return issueFileText([
    writeIssue.frontMatter({ ...masthead, date: masthead.date ?? datePlaceholder }, comment),
    ...table.kinds.map((kind) => writeIssue.section(kind.title)),
  ]);
}
