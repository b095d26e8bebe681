import { subtitleText } from '../core/content-format.ts';
import type { LineLayout } from './layout-hints.ts';
import { markerTitle } from './line-kinds.ts';
import { endsSentence } from './text.ts';

/**
 * The signals every laid-out source (a PDF's page, a Word file's direct formatting) gives the
 * structure steps, worked out the same way whichever reader found them: a typeface's family
 * class from its name, a size against the body size, the face a line stands out in, and the
 * shape of a picture's caption.
 */

export type FontFamily = 'xiaobiaosong' | 'hei' | 'kai' | 'fang' | 'song' | 'latin' | 'unknown';

/** Alternatives joined into one case-insensitive pattern, so each family's list reads one name a line. */
function anyOf(...names: string[]): RegExp {
  return new RegExp(names.join('|'), 'i');
}

// Order matters: 小标宋 and 仿宋 contain 宋, and FangSong contains Song.
const families: readonly [FontFamily, RegExp][] = [
  ['xiaobiaosong', anyOf('小标宋', 'xiaobiaosong', 'xbs')],
  ['fang', anyOf('仿宋', 'fangsong', 'fang_?gb', 'stfangsong', '\\bfang')],
  ['kai', anyOf('楷', 'kaiti', 'ukai', 'stkaiti', '\\bkai')],
  [
    'hei',
    anyOf(
      '黑',
      'simhei',
      'heiti',
      'fzhei',
      '\\bhei\\b',
      'yahei',
      '雅黑',
      'sans[-_ ]?(?:cjk|sc|gb)',
      'notosanscjk',
      'sourcehansans',
      'source han sans',
      'wenquanyi',
      'wqy',
    ),
  ],
  [
    'song',
    anyOf(
      '宋',
      'simsun',
      'songti',
      'stsong',
      '\\bsong',
      'uming',
      '\\bming',
      'serif[-_ ]?(?:cjk|sc|gb)',
      'notoserifcjk',
      'sourcehanserif',
      'source han serif',
    ),
  ],
  [
    'latin',
    anyOf(
      'times',
      'arial',
      'helvetica',
      'calibri',
      'cambria',
      'dejavu',
      'liberation',
      'courier',
      'georgia',
      'verdana',
      'tahoma',
      'symbol',
      'garamond',
      'noto ?(?:sans|serif)(?![-_ ]?cjk)',
    ),
  ],
];

export function fontFamily(name: string): FontFamily {
  return families.find(([, pattern]) => pattern.test(name))?.[0] ?? 'unknown';
}

/**
 * The value most of the text has: each item weighs what `weight` says (its characters), items of
 * no weight count for nothing, and on a tie the value met first wins. Undefined when nothing
 * weighs anything. How a reader finds a line's size and face from its runs, and the body's size
 * and face from its blocks.
 */
export function mostWeighted<I, K>(
  items: Iterable<I>,
  key: (item: I) => K,
  weight: (item: I) => number,
): K | undefined {
  const weights = new Map<K, number>();
  for (const item of items) {
    const w = weight(item);
    if (w > 0) weights.set(key(item), (weights.get(key(item)) ?? 0) + w);
  }
  return [...weights].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** What a run or line of text weighs in `mostWeighted`: its characters other than spaces. */
export function visibleLength(text: string): number {
  return text.replace(/\s/gu, '').length;
}

/** Sizes relative to the body size: a title is at least 1.3× it. */
export type SizeRank = LineLayout['sizeRank'];

export function sizeRank(size: number, bodySize: number): SizeRank {
  const ratio = size / bodySize;
  if (ratio >= 1.3) return 'title';
  if (ratio > 1.05) return 'larger';
  if (ratio < 0.95) return 'smaller';
  return 'body';
}

const headingFamilies = new Set<FontFamily>(['hei', 'kai', 'xiaobiaosong']);

/** A line's face among the body's: 黑体, 楷体 or 小标宋 among 宋体 or 仿宋 text stands out. */
export function lineFace(family: FontFamily, bodyFamily: FontFamily | undefined): LineLayout['face'] {
  return family === bodyFamily ? 'body' : headingFamilies.has(family) ? 'heading' : 'other';
}

/** A caption is one or two short lines, centred or in smaller type, that do not form a sentence. */
const maxCaptionLines = 2;
const maxCaptionLength = 60;

export function isCaptionShape(
  block: Pick<LineLayout, 'align' | 'sizeRank'> & { text: string; lines: number },
): boolean {
  const { text } = block;
  return (
    (block.align === 'centre' || (block.sizeRank === 'smaller' && block.align !== 'justified')) &&
    block.sizeRank !== 'title' &&
    block.sizeRank !== 'larger' &&
    block.lines <= maxCaptionLines &&
    [...text].length <= maxCaptionLength &&
    !endsSentence(text) &&
    subtitleText(text) === undefined &&
    markerTitle(text) === undefined
  );
}
