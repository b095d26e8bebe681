import type { TextRun } from './text-runs.ts';

/** Characters a PDF's text layer gets wrong: radicals standing in for ideographs, and garbage. */

/**
 * CJK Radicals Supplement look-alikes (U+2E80–2EFF) that NFKC leaves alone, mapped as Unicode's
 * EquivalentUnifiedIdeograph.txt does (simplified forms only; the rest are true radicals).
 */
const radicalSupplement: Record<string, string> = {
  '\u2E8C': '小',
  '\u2E8D': '小',
  '\u2E9C': '日',
  '\u2EA9': '王',
  '\u2EAD': '礻',
  '\u2EC5': '见',
  '\u2EC6': '角',
  '\u2EC8': '讠',
  '\u2EC9': '贝',
  '\u2ECB': '车',
  '\u2ED3': '长',
  '\u2ED4': '门',
  '\u2ED8': '青',
  '\u2EDA': '页',
  '\u2EDB': '风',
  '\u2EDC': '飞',
  '\u2EDD': '食',
  '\u2EE0': '饣',
  '\u2EE2': '马',
  '\u2EE4': '鬼',
  '\u2EE8': '麦',
  '\u2EE9': '黄',
  '\u2EF0': '龙',
  '\u2EF3': '龟',
};

const radical = /[\u2E80-\u2EFF\u2F00-\u2FDF]/gu;

/**
 * Fonts whose cmap points ideographs at the Kangxi Radicals block (⼀ for 一, ⽇ for 日) copy as
 * those look-alikes. NFKC maps the Kangxi block (U+2F00–2FD5); the supplement takes the table.
 */
export function normaliseRadicals(text: string): { text: string; changed: number } {
  let changed = 0;
  const result = text.replace(radical, (char) => {
    const unified = radicalSupplement[char] ?? (char >= '\u2F00' ? char.normalize('NFKC') : char);
    if (unified !== char) changed++;
    return unified;
  });
  return { text: result, changed };
}

/** U+FFFD, private use, and C0/C1 controls other than tab and line breaks: text with no Unicode mapping. */
const garbage = /[\uFFFD\uE000-\uF8FF\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/gu;

export function countGarbage(text: string): number {
  return text.match(garbage)?.length ?? 0;
}

export interface PdfWarning {
  /** Physical page, 1-based; absent when the finding is about the file, not a page. */
  page?: number;
  message: string;
  /** The page's text is mostly garbage: a masthead not found there was never readable. */
  unreadable?: true;
}

/** A page whose text is more than this share garbage has no usable Unicode mapping. */
const garbageShare = 0.1;

/** Radicals folded to ideographs, and a warning where a page's text looks like it has no mapping. */
export function cleanPageRuns(runs: readonly TextRun[], page: number): { runs: TextRun[]; warnings: PdfWarning[] } {
  let radicals = 0;
  let bad = 0;
  let total = 0;
  const cleaned = runs.map((run) => {
    const { text, changed } = normaliseRadicals(run.text);
    radicals += changed;
    bad += countGarbage(text);
    total += text.replace(/\s/gu, '').length;
    return changed > 0 ? { ...run, text } : run;
  });
  const warnings: PdfWarning[] = [];
  if (total > 0 && bad / total > garbageShare)
    warnings.push({
      page,
      unreadable: true,
      message:
        `第 ${page} 页有 ${Math.round((bad / total) * 100)}% 的文字无法识别（PDF 缺少字符映射，显示为乱码）。` +
        '请用 Word/WPS 重新导出 PDF（嵌入字体），或改用 .docx 原稿导入。',
    });
  if (radicals > 0)
    warnings.push({
      page,
      message: `第 ${page} 页有 ${radicals} 个康熙部首字符已替换为对应的汉字（如“⼀”→“一”），请核对。`,
    });
  return { runs: cleaned, warnings };
}
