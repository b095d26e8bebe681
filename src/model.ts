/**
 * The typed model: the contract between the content pipeline and everything that consumes it
 * (templates, search index, JSON exports, editor tools). Field names are public: other tools
 * read the JSON form printed by `npm run inspect`, so rename nothing here lightly.
 *
 * It carries content, not one output's presentation: an article's body is a tree that each
 * output (article page, issue page, feed, open data) renders its own way (src/site/article-html.ts).
 */
import type { Root as HastRoot } from 'hast';

/** A column of the bulletin, e.g. 工作动态 → `work-updates`. */
export interface SectionKind {
  /** Stable identifier used in URLs and filters. */
  kind: string;
  /** The column's name as printed, e.g. 工作动态. */
  title: string;
  /** Other spellings an editor may use for the same column. */
  aliases: string[];
}

export interface Heading {
  text: string;
  /** Markdown depth: 4 for `####` (e.g. （一）做优顶层设计), 5 and 6 below it. */
  depth: number;
  /** Anchor id of the heading inside the article's HTML. */
  id: string;
}

/**
 * A figure of an article: a caption under one picture, under several shown side by side (as a
 * printed bulletin puts two photos under one caption), or, while the editor has only the caption
 * (as in the 2018 PDF text), under none.
 */
export interface Figure {
  caption: string;
  /** In the order written; empty for a caption-only figure. */
  pictures: FigurePicture[];
}

/** One picture of a figure. */
export interface FigurePicture {
  /** Image path or URL as written. */
  src: string;
  /**
   * What this picture alone shows, for screen readers: the later pictures' own text, when the
   * editor wrote one. Never on the first picture, whose text is the figure's caption.
   */
  alt?: string;
  /**
   * The picture file in the content folder that `src` names, as its header describes it; absent
   * for a remote picture (http(s), not archived).
   */
  image?: FigureImage;
}

/** What a picture's header says; the pipeline checked it and never decoded it. */
export type PictureFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'avif';

/** A picture file of the content folder, for image processing: where it is and what it is. */
export interface FigureImage {
  /** Absolute path of the file on disk, symlinks resolved: what image processing reads. Not for publication. */
  sourcePath: string;
  /** Path inside the content folder, `/`-separated, as the editor named it: `2018/2018-01/meeting.jpg`. */
  relativePath: string;
  format: PictureFormat;
  /** Pixels as shown: a JPEG's EXIF orientation is applied (a portrait photo taken sideways is taller than wide). */
  width: number;
  height: number;
  /** Size of the file. */
  bytes: number;
  /** SHA-256 of the file, hex: tells versions of the picture apart. */
  digest: string;
}

/** The printed issue as a PDF beside the issue file (`2018/2018-01.pdf`, or `original:` in the front matter). */
export interface Original {
  /** Absolute path of the file on disk, symlinks resolved: what the build copies. Not for publication. */
  sourcePath: string;
  /** Path inside the content folder, `/`-separated: `2018/2018-01.pdf`. */
  relativePath: string;
  /** Size of the file. */
  bytes: number;
  /** SHA-256 of the file, hex. */
  digest: string;
  /** Number of pages of the PDF. */
  pages: number;
}

export interface Article {
  /** Stable within its issue: an explicit `{#id}` from the file, else derived from the title. */
  id: string;
  title: string;
  /** The line under the title that starts with ——, without the dashes. */
  subtitle?: string;
  /** Page in the printed bulletin, from its contents (- 1 -). */
  page?: number;
  /** The printed page it ends on, when after `page` (`end=4`): page ranges in citations. */
  lastPage?: number;
  /** Its author, when the bulletin names one (`author="张三"`). */
  author?: string;
  /** 供稿单位, the office that sent it in (`source="某市生态环境局"`). */
  source?: string;
  /**
   * Page of the issue's original PDF (1 = its first page) where the article starts: `pdf=N` on the
   * heading, else `page` plus the issue's `originalPageOffset` (0 unless stated; they differ when a
   * cover or contents page is unnumbered). Present only when the issue has an original and one of
   * them is known; always within the PDF's pages.
   */
  originalPage?: number;
  /** The title as the printed contents gives it, when it differs from the title over the article. */
  contentsTitle?: string;
  url: string;
  headings: Heading[];
  /** In reading order: the n-th `<figure>` of `body` is `figures[n]`. */
  figures: Figure[];
  /**
   * The article body (everything below the title and subtitle) as a sanitized HTML tree (hast),
   * without source positions. Sub-headings keep their depth in the file (`####` is `h4`, below
   * the article's `###` title) and carry their anchor ids; a figure is `<figure>` with an `<img>`
   * for each of its pictures (the n-th `<img>` is `pictures[n]`; a caption-only figure has none)
   * and its `<figcaption>`; mentions of a known entity (a park) are
   * `<data data-entity="park" value="id">`, which outputs turn into links or plain text.
   */
  body: HastRoot;
  /** What a reader reads below the title: subtitle, paragraphs, sub-headings, captions; one block a line. */
  text: string;
  /** Parks of the gazetteer that the title or text names, in order of first mention. */
  parks: ParkMention[];
}

export interface ParkMention {
  id: string;
  /** The park's canonical name, whatever name the article used. */
  name: string;
}

export interface Section {
  kind: string;
  title: string;
  articles: Article[];
}

/** A supplement outside the regular numbering: 增刊1 is `{ name: '增刊', ordinal: 1 }`. */
export interface SpecialIssue {
  /** How the bulletin calls it: 增刊. */
  name: string;
  /** Which supplement of the year, from 1; the issue's `number` is the same. */
  ordinal: number;
}

export interface Issue {
  /** `YYYY-NN`, e.g. 2018-01; `YYYY-NNN` from 第100期 on; `YYYY-sN` for 增刊N (2019-s1). */
  id: string;
  series: string;
  publisher: string;
  year: number;
  /** Number within the year (第1期); for a special issue, its ordinal (增刊2 → 2). */
  number: number;
  /**
   * Present for a special issue (增刊): it stands outside the year's regular numbers, so 2019年增刊1
   * and 2019年第1期 are two issues.
   */
  special?: SpecialIssue;
  /** Running number since the first issue (总第10期); absent for a bulletin that prints none. */
  cumulativeNumber?: number;
  /** ISO date, YYYY-MM-DD. */
  date: string;
  url: string;
  /** Path of the Markdown file, relative to the content folder. */
  sourcePath: string;
  /** The printed issue as a PDF; absent when the content folder has none for it. */
  original?: Original;
  sections: Section[];
}

/**
 * A step's identifier: one of the national eco-industrial park programme's (creation-started …
 * title-granted) unless the archive's site.yaml defines its own steps (src/parks/steps.ts).
 */
export type MilestoneStep = string;

export interface Milestone {
  step: MilestoneStep;
  /** YYYY-MM-DD, YYYY-MM or YYYY: as precise as the source says. */
  date: string;
  /**
   * Where the date comes from: the sentence itself, an earlier sentence of the same article, the
   * issue's publication date (the text gives none), or the editor's hand entry in the gazetteer.
   */
  dateSource: 'sentence' | 'article' | 'issue' | 'editor';
  /** The sentence the step was read from, or the editor's note. */
  evidence: string;
  /** The article it was read from; absent for hand entries without a source. */
  source?: { issueId: string; articleUrl: string; articleTitle: string; page?: number };
}

/** A park of the gazetteer (content/parks.yaml) with what the archive says about it. */
export interface Park {
  id: string;
  name: string;
  aliases: string[];
  province: string;
  city: string;
  /** 综合类, 行业类 or 静脉产业类, when known. */
  type?: string;
  url: string;
  /** Oldest first; a hand entry replaces the extracted entry of the same step. */
  milestones: Milestone[];
  /** Articles that name the park, newest issue first. */
  mentions: { issueId: string; articleUrl: string; articleTitle: string }[];
}

export type Severity = 'error' | 'warning';

/** A finding about content, always tied to a place in a file an editor can open. */
export interface Diagnostic {
  path: string;
  line: number;
  column: number;
  severity: Severity;
  message: string;
  rule: string;
}
