import type { RootContent } from 'mdast';
import { issueFilePath, issueFileText, writeIssue } from '../core/content-format.ts';
import type { Masthead } from '../pipeline/masthead.ts';
import type { Corpus } from './corpus.ts';
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
}

export interface GeneratedFile {
  /** Relative to the content folder, e.g. 2019/2019-01.md. */
  path: string;
  text: string;
}

const issuesPerYear = 12;
const chineseNumerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Issue files written as an editor would, with text recombined from the corpus; deterministic for a seed. */
export function generateIssueFiles(corpus: Corpus, options: GenerateOptions): GeneratedFile[] {
  if (options.sections.length === 0) throw new GenerateError('栏目表为空：生成器需要至少一个栏目。');
  const random = seededRandom(options.seed);
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
    return { path, text: issueText(corpus, random, masthead, options.sections) };
  });
}

function issueText(corpus: Corpus, random: Random, masthead: Masthead, sections: readonly string[]): string {
  const counts = articleCounts(random, sections.length, random.int(7, 9));
  const nodes: RootContent[] = [writeIssue.frontMatter(masthead)];
  let page = 1;
  let articleNumber = 0;
  sections.forEach((section, sectionIndex) => {
    nodes.push(writeIssue.section(section));
    for (let k = 0; k < (counts[sectionIndex] ?? 0); k++) {
      articleNumber++;
      nodes.push(...articleNodes(corpus, random, `article-${articleNumber}`, page));
      page += random.int(1, 2);
    }
  });
  return issueFileText(nodes);
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

function articleNodes(corpus: Corpus, random: Random, id: string, page: number): RootContent[] {
  const nodes: RootContent[] = [writeIssue.article(title(corpus, random), { id, page })];
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
  paragraphs.forEach((text, index) => {
    const headingIndex = index / perHeading - 1;
    if (index > 0 && Number.isInteger(headingIndex) && headingIndex < headings) {
      nodes.push(writeIssue.subheading(`（${chineseNumerals[headingIndex]}）${heading(corpus, random)}`));
    }
    nodes.push(writeIssue.paragraph(text));
    if (index === 0 && random.chance(0.35)) nodes.push(writeIssue.captionOnlyFigure(caption(corpus, random)));
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
