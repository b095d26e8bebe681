import type { MentionSpan } from './matcher.ts';

/** How park names end in the bulletin; the longest ending is tried first. */
const parkNameEndings = [
  '高新技术产业开发区',
  '经济技术开发区',
  '工业综合开发区',
  '化学工业园',
  '工业园区',
  '产业园区',
  '开发区',
  '高新区',
  '保税区',
  '工业园',
];

/**
 * Words that end a name's run backwards: what stands before them is not part of the name
 * (带队前往|贵阳经济技术开发区, 上海市工业综合开发区和|上海青浦工业园区).
 */
const nameBoundary = /[和与及对在往至于是为将由从向把被让使给到的了、，。；：“”《》（）\s\d]/;

/**
 * Runs that end like a park name but name no park: the programme (国家生态工业园区), levels
 * (国家级高新区), quantities (大部分工业园区) and verbs (成立高新区). Only a warning rides on
 * this, so it leans towards silence.
 */
const genericWords =
  /国家|生态|省级|部分|很多|较多|有些|一些|首家|我国|各类|该|其他|相关|成立|提升|丰富|同时|推广|开展|加强|强化|建设|打造|入驻|目前|示范/;

export interface ParkLikeName {
  name: string;
  start: number;
}

/**
 * Names in the text that look like a park (…经济技术开发区, …工业园区, …高新区 …) but are not
 * mentions of a gazetteer park, so the check can ask the editor to add them. `known` is what the
 * matcher found: left to right, not overlapping. One pass over both, so a long text with many
 * names costs its length, not its length times its names.
 */
export function parkLikeNames(text: string, known: readonly MentionSpan[]): ParkLikeName[] {
  const found: ParkLikeName[] = [];
  const starts = new Set<number>();
  const endings = new RegExp(`(?:${parkNameEndings.join('|')})`, 'g');
  // known[next] is the first mention that ends after the current match starts.
  let next = 0;
  for (const match of text.matchAll(endings)) {
    const end = match.index + match[0].length;
    while ((known[next]?.end ?? Infinity) <= match.index) next += 1;
    if ((known[next]?.start ?? Infinity) < end) continue;
    const knownBefore = known[next - 1]?.end ?? 0;
    let start = match.index;
    while (start > knownBefore && !nameBoundary.test(text.charAt(start - 1)) && match.index - start < 12) start -= 1;
    const name = text.slice(start, end);
    const prefix = text.slice(start, match.index);
    if (prefix.length < 2 || genericWords.test(prefix)) continue;
    if (starts.has(start)) continue;
    starts.add(start);
    found.push({ name, start });
  }
  return found;
}
