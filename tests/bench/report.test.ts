import { describe, expect, it } from 'vitest';
import { figuresTable, markdownTable, ratio, type BuildFigures } from '../../src/bench/report.ts';

const ours: BuildFigures = {
  // Rendering and indexing side by side: the phases cover 2 + 60 s.
  phases: { parse: 2_000, render: 30_000, index: 60_000 },
  phasesWallMs: 62_000,
  totalMs: 65_000,
  peakRssBytes: 1024 ** 3,
  outputBytes: 300 * 1024 ** 2,
  indexBytes: 50 * 1024 ** 2,
  coldSearch: { 泰州: 400 * 1024, VOC: 300 * 1024 },
};
const baseline: BuildFigures = {
  phases: { render: 40_000, index: 80_000 },
  phasesWallMs: 120_000,
  totalMs: 120_000,
  peakRssBytes: 512 * 1024 ** 2,
  outputBytes: 150 * 1024 ** 2,
  indexBytes: 55 * 1024 ** 2,
  coldSearch: { 泰州: 380 * 1024, VOC: 240 * 1024 },
};

describe('ratio', () => {
  it('divides ours by the baseline', () => {
    expect(ratio(95, 120)).toBe('0.79×');
    expect(ratio(3, 1)).toBe('3.00×');
  });

  it('has no value when a side is missing or the baseline is zero', () => {
    expect(ratio(undefined, 1)).toBe('—');
    expect(ratio(1, undefined)).toBe('—');
    expect(ratio(1, 0)).toBe('—');
  });
});

describe('figuresTable', () => {
  it('lists every figure for ours and the baseline with their ratio', () => {
    const table = figuresTable({ issues: 1000, articles: 8039, ours, baseline });
    expect(table.split('\n')).toEqual([
      '1000 issues, 8039 articles',
      '',
      '|  | ours | baseline | ours / baseline |',
      '| --- | --- | --- | --- |',
      '| parse + validate | 2.0 s | — | — |',
      '| render (Eleventy) | 30.0 s | 40.0 s | 0.75× |',
      '| search index (Pagefind) | 60.0 s | 80.0 s | 0.75× |',
      '| start-up and the rest | 3.0 s | 0.0 s | — |',
      '| total wall time | 65.0 s | 120.0 s | 0.54× |',
      '| peak RSS | 1024.0 MB | 512.0 MB | 2.00× |',
      '| output size | 300.0 MB | 150.0 MB | 2.00× |',
      '| index size | 50.0 MB | 55.0 MB | 0.91× |',
      '| cold search “泰州” | 400 KB | 380 KB | 1.05× |',
      '| cold search “VOC” | 300 KB | 240 KB | 1.25× |',
    ]);
  });
});

describe('markdownTable', () => {
  it('writes a header, a rule and a line per row', () => {
    expect(markdownTable(['a', 'b'], [['1', '2']])).toBe('| a | b |\n| --- | --- |\n| 1 | 2 |');
  });
});
