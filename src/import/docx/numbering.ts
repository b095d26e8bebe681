import { child, childrenNamed, val, type XmlNode } from './xml.ts';

/** One level of a list as numbering.xml defines it: how its number is written and from what it counts. */
interface Level {
  format: string;
  /** `%1`, `%2` … stand for the numbers of levels 1, 2 … (e.g. `（%1）`, `%1.%2`). */
  text: string;
  start: number;
  /** What stands between the number and the text: `tab` (Word's default), `space` or `nothing`. */
  suffix: string;
}

/** A paragraph's place in a list: `w:numPr` directly or through its paragraph style. */
export interface ListPlace {
  numId: string;
  level: number;
}

const digits = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const heavenlyStems = [...'甲乙丙丁戊己庚辛壬癸'];
const earthlyBranches = [...'子丑寅卯辰巳午未申酉戌亥'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五: Word's chineseCounting (up to 9999). */
function chineseCounting(n: number): string {
  if (n <= 0 || n > 9999) return String(n);
  const units = ['', '十', '百', '千'];
  const parts = String(n)
    .split('')
    .map(Number)
    .reverse()
    .map((d, i) => (d === 0 ? '〇' : `${digits[d]}${units[i]}`))
    .reverse()
    .join('')
    .replace(/〇+/g, '零')
    .replace(/零$/, '');
  return parts.startsWith('一十') ? parts.slice(1) : parts;
}

const roman = (n: number): string => {
  const table: [number, string][] = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let out = '';
  let left = n;
  for (const [value, letters] of table)
    while (left >= value) {
      out += letters;
      left -= value;
    }
  return out;
};
const letter = (n: number): string => String.fromCharCode(96 + ((n - 1) % 26) + 1).repeat(Math.ceil(n / 26));

/** A number as a list format writes it; a format not listed here is written in Arabic digits. */
function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(n);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return [...String(n)].map((d) => digits[Number(d)]).join('');
    case 'ideographTraditional':
      return heavenlyStems[(n - 1) % 10] ?? String(n);
    case 'ideographZodiac':
      return earthlyBranches[(n - 1) % 12] ?? String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(n)].map((d) => String.fromCodePoint(0xff10 + Number(d))).join('');
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    case 'lowerLetter':
      return letter(n);
    case 'upperLetter':
      return letter(n).toUpperCase();
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    default:
      return String(n);
  }
}

function readLevel(lvl: XmlNode): Level {
  const start = Number(val(lvl, 'w:start') ?? 1);
  return {
    format: val(lvl, 'w:numFmt') ?? 'decimal',
    text: val(lvl, 'w:lvlText') ?? '',
    start: Number.isFinite(start) ? start : 1,
    suffix: val(lvl, 'w:suff') ?? 'tab',
  };
}

function levelsOf(node: XmlNode | undefined): Map<number, Level> {
  const levels = new Map<number, Level>();
  for (const lvl of childrenNamed(node, 'w:lvl')) levels.set(Number(lvl.attrs['w:ilvl'] ?? 0), readLevel(lvl));
  return levels;
}

/** Where a paragraph properties' `w:numPr` puts it, if anywhere (`numId` 0 takes it out of a list). */
export function listPlace(pPr: XmlNode | undefined): ListPlace | undefined {
  const numPr = child(pPr, 'w:numPr');
  const numId = val(numPr, 'w:numId');
  if (numId === undefined) return undefined;
  return { numId, level: Number(val(numPr, 'w:ilvl') ?? 0) || 0 };
}

/**
 * Word's automatic list numbers (word/numbering.xml), counted through the body in reading order as
 * Word counts them, so that a heading numbered by Word reads `（一）做优顶层设计` as printed, not
 * `做优顶层设计`. Bullets and pictures-as-bullets give no text: a bullet is no part of the words.
 */
export class ListNumbers {
  readonly #lists = new Map<string, Map<number, Level>>();
  readonly #counts = new Map<string, number[]>();

  constructor(root: XmlNode | undefined) {
    const abstract = new Map<string, Map<number, Level>>();
    for (const node of childrenNamed(root, 'w:abstractNum'))
      abstract.set(node.attrs['w:abstractNumId'] ?? '', levelsOf(node));
    for (const num of childrenNamed(root, 'w:num')) {
      const levels = new Map(abstract.get(val(num, 'w:abstractNumId') ?? '') ?? []);
      for (const override of childrenNamed(num, 'w:lvlOverride')) {
        const level = Number(override.attrs['w:ilvl'] ?? 0);
        const own = child(override, 'w:lvl');
        const start = Number(val(override, 'w:startOverride'));
        const base = own ? readLevel(own) : levels.get(level);
        if (base) levels.set(level, Number.isFinite(start) && !own ? { ...base, start } : base);
      }
      this.#lists.set(num.attrs['w:numId'] ?? '', levels);
    }
  }

  /** The number text of the next paragraph at `place`, with what follows it, or '' when it has none. */
  next(place: ListPlace): string {
    const levels = this.#lists.get(place.numId);
    const level = levels?.get(place.level);
    if (!levels || !level || place.level < 0 || place.level > 8) return '';
    const counts = this.#counts.get(place.numId) ?? [];
    counts[place.level] = (counts[place.level] ?? level.start - 1) + 1;
    counts.length = place.level + 1; // a deeper level starts again under a new item
    this.#counts.set(place.numId, counts);
    if (level.format === 'bullet' || level.format === 'none') return '';
    const text = level.text.replace(/%([1-9])/g, (_, n: string) => {
      const at = Number(n) - 1;
      const of = levels.get(at);
      return of ? formatNumber(counts[at] ?? of.start, of.format) : '';
    });
    if (text === '') return '';
    const wide = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]$/u.test(text);
    return level.suffix === 'nothing' || wide ? text : `${text} `;
  }
}
