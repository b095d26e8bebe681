import { describe, expect, it } from 'vitest';
import { archiveLine, figuresTable, markdownTable, ratio, type BuildFigures } from '../../src/bench/report.ts';

const warm: BuildFigures = {
  // Rendering and indexing side by side: the phases cover 2 + 1 + 60 s.
  phases: { parse: 2_000, media: 1_000, render: 30_000, index: 60_000 },
  phasesWallMs: 63_000,
  totalMs: 65_000,
  peakRssBytes: 1024 ** 3,
  outputBytes: 300 * 1024 ** 2,
  indexBytes: 50 * 1024 ** 2,
  coldSearch: { 泰州: 400 * 1024, VOC: 300 * 1024 },
};
// Processing every picture: 40 s more.
const cold: BuildFigures = {
  ...warm,
  phases: { ...warm.phases, media: 41_000 },
  phasesWallMs: 103_000,
  totalMs: 106_000,
  peakRssBytes: 1.5 * 1024 ** 3,
};
const media = { pictures: 3510, pictureBytes: 252.6 * 1024 ** 2, originals: 1000, originalBytes: 3.6 * 1024 ** 2 };
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
  it('lists every figure for ours with a cold and a warm cache and the baseline, the warm build’s ratio last', () => {
    const table = figuresTable({ issues: 1000, articles: 8039, media, ours: { cold, warm }, baseline });
    expect(table.split('\n')).toEqual([
      '1000 issues, 8039 articles, 3510 pictures (252.6 MB), 1000 original PDFs (3.6 MB)',
      '',
      '|  | ours, cold cache | ours, warm cache | baseline | warm / baseline |',
      '| --- | --- | --- | --- | --- |',
      '| parse + validate | 2.0 s | 2.0 s | — | — |',
      '| pictures and PDFs | 41.0 s | 1.0 s | — | — |',
      '| render (Eleventy) | 30.0 s | 30.0 s | 40.0 s | 0.75× |',
      '| search index (Pagefind) | 60.0 s | 60.0 s | 80.0 s | 0.75× |',
      '| start-up and the rest | 3.0 s | 2.0 s | 0.0 s | — |',
      '| total wall time | 106.0 s | 65.0 s | 120.0 s | 0.54× |',
      '| peak RSS | 1536.0 MB | 1024.0 MB | 512.0 MB | 2.00× |',
      '| output size | 300.0 MB | 300.0 MB | 150.0 MB | 2.00× |',
      '| index size | 50.0 MB | 50.0 MB | 55.0 MB | 0.91× |',
      '| cold search “泰州” | 400 KB | 400 KB | 380 KB | 1.05× |',
      '| cold search “VOC” | 300 KB | 300 KB | 240 KB | 1.25× |',
    ]);
  });

  it('shows a phase a build does not report as —', () => {
    const { media: _media, ...phases } = warm.phases;
    const before = { ...warm, phases };
    const table = figuresTable({ issues: 1, articles: 8, media, ours: { cold: before, warm: before }, baseline });
    expect(table.split('\n')).toContain('| pictures and PDFs | — | — | — | — |');
  });
});

describe('archiveLine', () => {
  it('names the archive’s issues, articles, pictures and originals', () => {
    expect(archiveLine({ issues: 100, articles: 822, media: { ...media, pictures: 0, pictureBytes: 0 } })).toBe(
      '100 issues, 822 articles, 0 pictures (0.0 MB), 1000 original PDFs (3.6 MB)',
    );
  });
});

describe('markdownTable', () => {
  it('writes a header, a rule and a line per row', () => {
    expect(markdownTable(['a', 'b'], [['1', '2']])).toBe('| a | b |\n| --- | --- |\n| 1 | 2 |');
  });
});
