import type { ParkMention } from '../model.ts';

export interface NamedPark {
  id: string;
  name: string;
  aliases: string[];
}

export interface MentionSpan extends ParkMention {
  /** The name as written in the text (canonical name or alias). */
  written: string;
  start: number;
  end: number;
}

export interface ParkMatcher {
  /** Non-overlapping mentions, left to right, the longest name winning where names nest. */
  find(text: string): MentionSpan[];
}

/**
 * Longest match first, so 合肥高新技术产业开发区 is one mention of that park and never also a
 * mention of a park whose name is a shorter string inside it.
 */
export function parkMatcher(parks: readonly NamedPark[]): ParkMatcher {
  const byFirstChar = new Map<string, { written: string; park: NamedPark }[]>();
  for (const park of parks) {
    for (const written of [park.name, ...park.aliases]) {
      const first = written.charAt(0);
      const list = byFirstChar.get(first) ?? [];
      list.push({ written, park });
      byFirstChar.set(first, list);
    }
  }
  for (const list of byFirstChar.values()) list.sort((a, b) => b.written.length - a.written.length);

  // The regex engine skips to the next character that starts some name much faster than a map
  // lookup per character does: this runs over every article's text several times per load.
  const firstChars = [...byFirstChar.keys()].map((char) => char.replace(/[\\\]^-]/g, '\\$&')).join('');
  return {
    find(text: string): MentionSpan[] {
      const spans: MentionSpan[] = [];
      const starts = new RegExp(`[${firstChars}]`, 'g');
      for (let match = starts.exec(text); match; match = starts.exec(text)) {
        const i = match.index;
        const hit = byFirstChar.get(text.charAt(i))?.find((c) => text.startsWith(c.written, i));
        if (hit) {
          spans.push({
            id: hit.park.id,
            name: hit.park.name,
            written: hit.written,
            start: i,
            end: i + hit.written.length,
          });
          starts.lastIndex = i + hit.written.length;
        }
      }
      return spans;
    },
  };
}

/** Each park once, in order of first mention. */
export function distinctParks(spans: readonly MentionSpan[]): ParkMention[] {
  const seen = new Map<string, ParkMention>();
  for (const { id, name } of spans) if (!seen.has(id)) seen.set(id, { id, name });
  return [...seen.values()];
}
