/** The figures `npm run bench` measures for one build, and how it prints them. */
export interface BuildFigures {
  /**
   * Milliseconds; a phase the build does not have apart is absent (the baseline parses while
   * rendering, and copies its pictures and PDFs as part of it).
   */
  phases: { parse?: number; media?: number; render: number; index: number };
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

/** The pictures and original PDFs of a benchmark archive. */
export interface ArchiveMedia {
  pictures: number;
  pictureBytes: number;
  originals: number;
  originalBytes: number;
}

export interface SizeFigures {
  issues: number;
  articles: number;
  media: ArchiveMedia;
  /**
   * Our build twice: with an empty picture cache (every picture processed), then again with the
   * cache the first left (what an editor's next build finds). The warm one is compared with the baseline.
   */
  ours: { cold: BuildFigures; warm: BuildFigures };
  baseline: BuildFigures;
}

const seconds = (ms: number | undefined) => (ms === undefined ? '—' : `${(ms / 1000).toFixed(1)} s`);
const megabytes = (bytes: number | undefined) => (bytes === undefined ? '—' : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
const kilobytes = (bytes: number | undefined) => (bytes === undefined ? '—' : `${(bytes / 1024).toFixed(0)} KB`);

/** ours / baseline with two decimals; `—` when either side is missing or the baseline is zero. */
export function ratio(ours: number | undefined, baseline: number | undefined): string {
  if (ours === undefined || baseline === undefined || baseline === 0) return '—';
  return `${(ours / baseline).toFixed(2)}×`;
}

interface Row {
  label: string;
  value: (build: BuildFigures) => number | undefined;
  format: (value: number | undefined) => string;
}

const rest = (build: BuildFigures) => build.totalMs - build.phasesWallMs;

function rows(size: SizeFigures): Row[] {
  const { ours, baseline } = size;
  const queries = Object.keys({ ...ours.cold.coldSearch, ...ours.warm.coldSearch, ...baseline.coldSearch });
  return [
    { label: 'parse + validate', value: (b) => b.phases.parse, format: seconds },
    { label: 'pictures and PDFs', value: (b) => b.phases.media, format: seconds },
    { label: 'render (Eleventy)', value: (b) => b.phases.render, format: seconds },
    { label: 'search index (Pagefind)', value: (b) => b.phases.index, format: seconds },
    { label: 'start-up and the rest', value: rest, format: seconds },
    { label: 'total wall time', value: (b) => b.totalMs, format: seconds },
    { label: 'peak RSS', value: (b) => b.peakRssBytes, format: megabytes },
    { label: 'output size', value: (b) => b.outputBytes, format: megabytes },
    { label: 'index size', value: (b) => b.indexBytes, format: megabytes },
    ...queries.map((query): Row => ({
      label: `cold search “${query}”`,
      value: (b) => b.coldSearch[query],
      format: kilobytes,
    })),
  ];
}

/** `1000 issues, 8039 articles, 3510 pictures (252.6 MB), 1000 original PDFs (3.6 MB)` */
export function archiveLine(size: Pick<SizeFigures, 'issues' | 'articles' | 'media'>): string {
  const { media } = size;
  const pictures = `${media.pictures} pictures (${megabytes(media.pictureBytes)})`;
  const originals = `${media.originals} original PDFs (${megabytes(media.originalBytes)})`;
  return `${size.issues} issues, ${size.articles} articles, ${pictures}, ${originals}`;
}

/**
 * One Markdown table per archive size: a row per figure; ours with a cold and a warm picture
 * cache, the baseline, and the warm build's ratio to the baseline.
 */
export function figuresTable(size: SizeFigures): string {
  const { ours, baseline } = size;
  const cells = rows(size).map(({ label, value, format }) => [
    label,
    format(value(ours.cold)),
    format(value(ours.warm)),
    format(value(baseline)),
    ratio(value(ours.warm), value(baseline)),
  ]);
  return [
    archiveLine(size),
    '',
    markdownTable(['', 'ours, cold cache', 'ours, warm cache', 'baseline', 'warm / baseline'], cells),
  ].join('\n');
}

export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
