import type { Paragraph, RootContent } from 'mdast';
import { posix } from 'node:path';
import {
  conventionalOriginalPath,
  issueFilePath,
  issueFileText,
  issueMediaFolder,
  writeIssue,
} from '../core/content-format.ts';
import type { Masthead } from '../pipeline/masthead.ts';
import type { Corpus } from './corpus.ts';
import type { PicturePlan } from './picture.ts';
import { seededRandom, type Random } from './random.ts';
import { GenerateError } from '../core/errors.ts';

export interface GenerateOptions {
  issues: number;
  seed: number;
  /** Column names in table order (sections.yaml). */
  sections: readonly string[];
  /** Year of the first generated issue; twelve issues a year follow, one a month. */
  startYear: number;
  /** 总第N期 of the first generated issue. */
  firstCumulativeNumber: number;
  /**
   * Photos and a printed original for each issue (the default); without them the issues are text
   * alone, for a build whose cost is all in the text (no picture is encoded).
   */
  media?: boolean;
}

/** An issue file, and the media beside it that its text names (written by writeGeneratedArchive). */
export interface GeneratedIssue {
  /** Relative to the content folder, e.g. 2019/2019-01.md. */
  path: string;
  text: string;
  /** The photos its figures show, in the issue's picture folder (2019/2019-01/…), in reading order. */
  pictures: GeneratedPicture[];
  /** The printed original beside the file (2019/2019-01.pdf): as many pages as the articles fill. */
  original?: { path: string; pages: number };
}

export interface GeneratedPicture extends PicturePlan {
  /** Relative to the content folder, e.g. 2019/2019-01/article-3-1.jpg. */
  path: string;
}

const issuesPerYear = 12;
const chineseNumerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Share of articles with photos (one, sometimes two); the rest keep the caption-only figures they had. */
export const picturedShare = 1 / 3;
/** Widths of a bulletin's photos, each 3:2 or 4:3 (landscape). */
const pictureWidths = [640, 720, 800, 880, 960, 1024];
const pictureAspects = [3 / 2, 4 / 3];

/**
 * Issue files written as an editor would, with text recombined from the corpus, and their media;
 * deterministic for a seed. The media are drawn from a random sequence of their own, so the text
 * is what it was before generated issues had pictures, apart from the figures.
 */
export function generateIssues(corpus: Corpus, options: GenerateOptions): GeneratedIssue[] {
  if (options.sections.length === 0) throw new GenerateError('栏目表为空：生成器需要至少一个栏目。');
  const random = seededRandom(options.seed);
  const media = seededRandom(options.seed ^ mediaSalt);
  return Array.from({ length: options.issues }, (_, index) => {
    const year = options.startYear + Math.floor(index / issuesPerYear);
    const number = (index % issuesPerYear) + 1;
    const date = `${year}-${String(number).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
    const masthead = {
      series: corpus.series,
      publisher: corpus.publisher,
      year,
      number,
      cumulativeNumber: options.firstCumulativeNumber + index,
      date,
    };
    const path = issueFilePath(masthead);
    return issue(
      corpus,
      { text: random, media: options.media === false ? undefined : media },
      masthead,
      path,
      options.sections,
    );
  });
}

/** Mixed into the seed for the media's sequence ('medi'). */
const mediaSalt = 0x6d656469;

interface Randoms {
  text: Random;
  /** Absent for issues without media. */
  media: Random | undefined;
}

function issue(
  corpus: Corpus,
  randoms: Randoms,
  masthead: Masthead,
  path: string,
  sections: readonly string[],
): GeneratedIssue {
  const { text: random } = randoms;
  const counts = articleCounts(random, sections.length, random.int(7, 9));
  const nodes: RootContent[] = [writeIssue.frontMatter(masthead)];
  const pictures: GeneratedPicture[] = [];
  let page = 1;
  let articleNumber = 0;
  sections.forEach((section, sectionIndex) => {
    nodes.push(writeIssue.section(section));
    for (let k = 0; k < (counts[sectionIndex] ?? 0); k++) {
      articleNumber++;
      const id = `article-${articleNumber}`;
      const photos = randoms.media ? articlePictures(corpus, randoms.media, path, id) : [];
      nodes.push(...articleNodes(corpus, random, { id, page }, photos));
      pictures.push(...photos.map((photo) => photo.picture));
      page += random.int(1, 2);
    }
  });
  // `page` is where an article after the last would start: the last article's pages are all below it.
  return {
    path,
    text: issueFileText(nodes),
    pictures,
    ...(randoms.media ? { original: { path: conventionalOriginalPath(path), pages: page - 1 } } : {}),
  };
}

interface Photo {
  picture: GeneratedPicture;
  figure: Paragraph;
}

/** None for two articles in three; else one photo, or two, with their figures. */
function articlePictures(corpus: Corpus, random: Random, issuePath: string, articleId: string): Photo[] {
  if (!random.chance(picturedShare)) return [];
  const folder = issueMediaFolder(issuePath);
  return Array.from({ length: random.chance(0.3) ? 2 : 1 }, (_, k) => {
    const width = random.pick(pictureWidths);
    const height = Math.round(width / random.pick(pictureAspects));
    const name = `${articleId}-${k + 1}.jpg`;
    const picture = { path: `${folder}/${name}`, width, height, seed: random.int(0, 0xffffffff) };
    // Relative to the issue file, as an editor writes it: 2019-01/article-3-1.jpg.
    return { picture, figure: pictureFigure(caption(corpus, random), `${posix.basename(folder)}/${name}`) };
  });
}

/** `![说明](2019-01/article-3-1.jpg)`, a paragraph of its own: a figure with its photo. */
function pictureFigure(caption: string, url: string): Paragraph {
  return { type: 'paragraph', children: [{ type: 'image', url, alt: caption }] };
}

/** Every column gets at least one article; the rest go mostly to the first (工作动态 carries most news). */
export function articleCounts(random: Random, sections: number, total: number): number[] {
  const counts = new Array<number>(sections).fill(1);
  for (let extra = Math.max(0, total - sections); extra > 0; extra--) {
    const index = random.chance(0.6) ? 0 : random.int(0, sections - 1);
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return counts;
}

function articleNodes(
  corpus: Corpus,
  random: Random,
  attributes: { id: string; page: number },
  photos: readonly Photo[],
): RootContent[] {
  const nodes: RootContent[] = [writeIssue.article(title(corpus, random), attributes)];
  if (random.chance(0.3)) {
    nodes.push(
      writeIssue.subtitle(
        random.chance(0.5) && corpus.subtitles.length > 0 ? random.pick(corpus.subtitles) : random.pick(corpus.clauses),
      ),
    );
  }
  const headings = random.chance(0.35) ? random.int(2, 5) : 0;
  const paragraphs = Array.from({ length: random.int(8, 11) }, () => paragraph(corpus, random));
  const perHeading = Math.max(1, Math.floor(paragraphs.length / (headings + 1)));
  // The first photo below the first paragraph, a second one halfway through.
  const photoAfter = new Map(photos.map((photo, k) => [k === 0 ? 0 : Math.floor(paragraphs.length / 2), photo]));
  paragraphs.forEach((text, index) => {
    const headingIndex = index / perHeading - 1;
    if (index > 0 && Number.isInteger(headingIndex) && headingIndex < headings) {
      nodes.push(writeIssue.subheading(`（${chineseNumerals[headingIndex]}）${heading(corpus, random)}`));
    }
    nodes.push(writeIssue.paragraph(text));
    // Drawn whether or not a photo takes its place, so the text's random sequence stays the same.
    const captionOnly = index === 0 && random.chance(0.35) ? caption(corpus, random) : undefined;
    const photo = photoAfter.get(index);
    if (photo) nodes.push(photo.figure);
    else if (captionOnly !== undefined && photos.length === 0) nodes.push(writeIssue.captionOnlyFigure(captionOnly));
  });
  return nodes;
}

const titleLength = 36;

/**
 * A source title, or one clause or two. Two that are too long together give the first alone, and a
 * clause too long alone is cut where a name ends (after 、 ） 》, before 和 or a space): cutting
 * anywhere could leave half a name (上海青浦工业园区 → 上海青浦工业园), which validation takes
 * for an unknown park.
 */
function title(corpus: Corpus, random: Random): string {
  if (random.chance(0.3)) return random.pick(corpus.titles);
  const first = random.pick(corpus.clauses);
  const both = random.chance(0.5) ? `${first}，${random.pick(corpus.clauses)}` : first;
  return shortened([...both].length <= titleLength ? both : first);
}

function shortened(text: string): string {
  const characters = [...text];
  if (characters.length <= titleLength) return text;
  for (let end = titleLength; end > titleLength / 4; end--) {
    const before = characters[end - 1] ?? '';
    const at = characters[end] ?? '';
    if ('、）》'.includes(before) || '和 、'.includes(at))
      return characters
        .slice(0, end)
        .join('')
        .replace(/[、\s]+$/u, '');
  }
  return characters.slice(0, titleLength).join('');
}

function heading(corpus: Corpus, random: Random): string {
  const short = corpus.clauses.filter((clause) => [...clause].length <= 14);
  return random.chance(0.5) && corpus.headings.length > 0
    ? random.pick(corpus.headings)
    : random.pick(short.length > 0 ? short : corpus.clauses);
}

function caption(corpus: Corpus, random: Random): string {
  return random.chance(0.5) && corpus.captions.length > 0 ? random.pick(corpus.captions) : random.pick(corpus.clauses);
}

/** Two to four sentences of two to four clauses each: the bundled wording in new combinations. */
function paragraph(corpus: Corpus, random: Random): string {
  const sentence = () => `${Array.from({ length: random.int(2, 4) }, () => random.pick(corpus.clauses)).join('，')}。`;
  return Array.from({ length: random.int(2, 4) }, sentence).join('');
}
