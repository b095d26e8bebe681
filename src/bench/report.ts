/** The figures `npm run bench` measures for one build, and how it prints them. */
export interface BuildFigures {
  /** Milliseconds; a phase the build does not have apart (the baseline parses while rendering) is absent. */
  phases: { parse?: number; render: number; index: number };
  /**
   * Milliseconds the phases cover together. Phases may overlap (ours indexes while it parses and
   * renders), so this is less than their sum; the rest of the total is start-up and the swap.
   */
  phasesWallMs: number;
  /** Milliseconds from starting the build's processes to their exit, start-up included. */
  totalMs: number;
  peakRssBytes: number;
  outputBytes: number;
  indexBytes: number;
  /** Query → bytes a first search downloads. */
  coldSearch: Record<string, number>;
}

export interface SizeFigures {
  issues: number;
  articles: number;
  ours: BuildFigures;
  baseline: BuildFigures;
}

const seconds = (ms: number | undefined) => (ms === undefined ? '—' : `${(ms / 1000).toFixed(1)} s`);
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const kilobytes = (bytes: number | undefined) => (bytes === undefined ? '—' : `${(bytes / 1024).toFixed(0)} KB`);

/** ours / baseline with two decimals; `—` when either side is missing or the baseline is zero. */
export function ratio(ours: number | undefined, baseline: number | undefined): string {
  if (ours === undefined || baseline === undefined || baseline === 0) return '—';
  return `${(ours / baseline).toFixed(2)}×`;
}

/** One Markdown table per archive size: a row per figure, ours, baseline and their ratio. */
export function figuresTable(size: SizeFigures): string {
  const { ours, baseline } = size;
  const rows: [string, string, string, string][] = [
    [
      'parse + validate',
      seconds(ours.phases.parse),
      seconds(baseline.phases.parse),
      ratio(ours.phases.parse, baseline.phases.parse),
    ],
    [
      'render (Eleventy)',
      seconds(ours.phases.render),
      seconds(baseline.phases.render),
      ratio(ours.phases.render, baseline.phases.render),
    ],
    [
      'search index (Pagefind)',
      seconds(ours.phases.index),
      seconds(baseline.phases.index),
      ratio(ours.phases.index, baseline.phases.index),
    ],
    [
      'start-up and the rest',
      seconds(ours.totalMs - ours.phasesWallMs),
      seconds(baseline.totalMs - baseline.phasesWallMs),
      ratio(ours.totalMs - ours.phasesWallMs, baseline.totalMs - baseline.phasesWallMs),
    ],
    ['total wall time', seconds(ours.totalMs), seconds(baseline.totalMs), ratio(ours.totalMs, baseline.totalMs)],
    [
      'peak RSS',
      megabytes(ours.peakRssBytes),
      megabytes(baseline.peakRssBytes),
      ratio(ours.peakRssBytes, baseline.peakRssBytes),
    ],
    [
      'output size',
      megabytes(ours.outputBytes),
      megabytes(baseline.outputBytes),
      ratio(ours.outputBytes, baseline.outputBytes),
    ],
    [
      'index size',
      megabytes(ours.indexBytes),
      megabytes(baseline.indexBytes),
      ratio(ours.indexBytes, baseline.indexBytes),
    ],
    ...Object.keys({ ...ours.coldSearch, ...baseline.coldSearch }).map((query): [string, string, string, string] => [
      `cold search “${query}”`,
      kilobytes(ours.coldSearch[query]),
      kilobytes(baseline.coldSearch[query]),
      ratio(ours.coldSearch[query], baseline.coldSearch[query]),
    ]),
  ];
  return [
    `${size.issues} issues, ${size.articles} articles`,
    '',
    markdownTable(['', 'ours', 'baseline', 'ours / baseline'], rows),
  ].join('\n');
}

export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
