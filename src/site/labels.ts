import { issueShortLabel } from '../core/content-format.ts';
import type { Issue } from '../model.ts';

type IssueNumbers = Pick<Issue, 'year' | 'number' | 'special' | 'cumulativeNumber'>;

/** 2018年第1期(总第10期), as the masthead prints it; 2018年第1期 for a bulletin without running numbers. */
export function issueLabel(issue: IssueNumbers): string {
  return issue.cumulativeNumber === undefined
    ? issueShortLabel(issue)
    : `${issueShortLabel(issue)}(总第${issue.cumulativeNumber}期)`;
}

/** The printed contents' page marker: - 3 - */
export function pageLabel(page: number): string {
  return `- ${page} -`;
}

export function articleCount(issue: Pick<Issue, 'sections'>): number {
  return issue.sections.reduce((n, section) => n + section.articles.length, 0);
}

/** A file's size as readers read it: 360 KB, 1.2 MB (binary units, as file managers show them). */
export function fileSizeLabel(bytes: number): string {
  const kb = bytes / 1024;
  if (kb < 1) return `${bytes} B`;
  if (kb < 1024) return `${Math.round(kb)} KB`;
  const mb = kb / 1024;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

/** 下载原刊（PDF，1.2 MB，9 页） */
export function originalDownloadLabel(original: { bytes: number; pages: number }): string {
  return `下载原刊（PDF，${fileSizeLabel(original.bytes)}，${original.pages} 页）`;
}

/**
 * What a later picture of a figure is called where it needs a name (its link to the full size)
 * and the editor gave it no text of its own: 调研现场（第 2 张）.
 */
export function laterPictureLabel(caption: string, ordinal: number): string {
  return caption === '' ? `第 ${ordinal} 张图片` : `${caption}（第 ${ordinal} 张）`;
}

/**
 * Words the templates print that are the site's, not the bulletin's: one place, so another
 * bulletin changes none of them and a translation would change only these.
 */
export const siteStrings = {
  siteCode: '网站标识码',
  print: '打印本页',
  holdings: '各期一览',
  holdingsMissing: '未收录',
  holdingsMissingCertain: '缺期',
  holdingsUncertain: '只是期号不连续（可能缺期，也可能原刊没有这一期号）',
  about: '关于本刊',
  citeDownload: '下载引用',
  citeOnline: '网络版（[J/OL]，附网址与引用日期）：',
} as const;
