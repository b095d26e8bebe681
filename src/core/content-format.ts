/**
 * The content format, in one place: how an issue file marks a subtitle, a caption-only figure and
 * an article heading's attributes, and where an issue's file lives. The pipeline reads with these
 * rules and the importer, `new-issue` and the generator write with them, so what one writes the
 * other reads (docs/content-format.md describes the same rules for editors).
 *
 * Reading needs no Markdown parser: callers hand in the text of a paragraph or heading, or, for a
 * figure's pictures, the parsed paragraph. Writing builds Markdown trees (mdast) and serialises
 * them with remark-stringify.
 */
import type { Heading, Image, Paragraph, RootContent, Yaml } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { Document } from 'yaml';
import { issueId, issueNumberLabel, type IssueNumbering, type SpecialIssue } from './issue-numbering.ts';

/**
 * A subtitle opens with two dashes: `——` as the bulletin prints it (U+2014 twice), `――` (U+2015
 * twice, what several Chinese input methods type for ——), or `--` / `－－` from keyboards without
 * either. A third dash makes it a rule or a typo, not a subtitle.
 */
const subtitleMark = /^(?:[—―]{2}|-{2}|－{2})(?![-—―－])\s*/;

/** The subtitle a paragraph's text gives (`——科技标准司…` → `科技标准司…`), or undefined. */
export function subtitleText(text: string): string | undefined {
  const trimmed = text.trim();
  if (!subtitleMark.test(trimmed)) return undefined;
  const rest = trimmed.replace(subtitleMark, '').trim();
  return rest === '' ? undefined : rest;
}

/** How a subtitle is written: `——` and the text. */
export function subtitleParagraphText(subtitle: string): string {
  return `——${subtitle}`;
}

/** A figure whose photo is not in hand yet is written `图：说明` (or `图:说明`) on a line of its own. */
const captionOnlyMark = /^图\s*[:：]\s*/;

/** The caption of a caption-only figure paragraph (`图：调研现场` → `调研现场`), or undefined. */
export function captionOnlyText(text: string): string | undefined {
  const trimmed = text.trim();
  return captionOnlyMark.test(trimmed) ? trimmed.replace(captionOnlyMark, '').trim() : undefined;
}

/** How a caption-only figure is written. */
export function captionOnlyParagraphText(caption: string): string {
  return `图：${caption}`;
}

/**
 * A figure with pictures is a paragraph that holds only images, one or more, separated by spaces
 * or line breaks: `![两位代表交流经验](2018-01/a.jpg) ![](2018-01/b.jpg)` is one figure with two
 * pictures, side by side under one caption. The first image's text is the figure's caption; a
 * later image's text, when there is one, describes that picture alone.
 *
 * The paragraph's images in order, or undefined when it is no such paragraph (text beside an
 * image makes it an ordinary paragraph).
 */
export function figureParagraphImages(paragraph: Paragraph): Image[] | undefined {
  const images: Image[] = [];
  for (const child of paragraph.children) {
    if (child.type === 'image') images.push(child);
    else if (child.type === 'break' || (child.type === 'text' && child.value.trim() === '')) continue;
    else return undefined;
  }
  return images.length > 0 ? images : undefined;
}

/** An image's text: its alt text, else its title (`![](a.jpg "说明")`), trimmed; '' when it has neither. */
export function imageText(image: Pick<Image, 'alt' | 'title'>): string {
  return (image.alt || image.title || '').trim();
}

/**
 * Article headings may end in an attribute block, as in Pandoc and kramdown:
 * `### 标题 {#stable-id page=2 contents="目录中的标题"}`.
 */
export interface HeadingAttributes {
  id?: string;
  page?: string;
  contents?: string;
  /** The page of the issue's original PDF, when it is not `page` plus the issue's offset. */
  pdf?: string;
  /** The printed page the article ends on, when it runs over several: `end=4`. */
  end?: string;
  /** Who wrote it: `author="张三"`. */
  author?: string;
  /** 供稿单位, the office that sent it in: `source="某市生态环境局"`. */
  source?: string;
  /** Keys the block named that we do not know, so validation can say so. */
  unknown: string[];
  /** Tokens that are neither `#id` nor `key=value`. */
  malformed: string[];
}

const trailingBlock = /\s*\{([^{}]*)\}\s*$/;
const attributeToken = /#([^\s"]+)|([A-Za-z]+)=(?:"([^"]*)"|“([^”]*)”|(\S+))|(\S+)/g;

const attributeNames = ['page', 'contents', 'pdf', 'end', 'author', 'source'] as const;

function isAttributeName(key: string): key is (typeof attributeNames)[number] {
  return (attributeNames as readonly string[]).includes(key);
}

/** Splits `标题 {#id page=2}` into the title and its attributes; `blockOffset` is where the block starts. */
export function splitHeadingAttributes(heading: string): {
  text: string;
  attributes?: HeadingAttributes;
  blockOffset?: number;
} {
  const match = trailingBlock.exec(heading);
  if (!match) return { text: heading };
  const attributes: HeadingAttributes = { unknown: [], malformed: [] };
  for (const [, id, key, quoted, curlyQuoted, bare, stray] of (match[1] ?? '').matchAll(attributeToken)) {
    if (id !== undefined) attributes.id = id;
    else if (key !== undefined) {
      const value = quoted ?? curlyQuoted ?? bare ?? '';
      if (isAttributeName(key)) attributes[key] = value;
      else attributes.unknown.push(key);
    } else if (stray !== undefined) attributes.malformed.push(stray);
  }
  return { text: heading.slice(0, match.index), attributes, blockOffset: match.index };
}

/** The attributes an article heading is written with; quotes chosen so the title survives. */
export interface WrittenHeadingAttributes {
  id?: string;
  page?: number;
  pdf?: number;
  contents?: string;
}

/** `{#p3 page=3 pdf=4 contents="…"}`, or '' when there is nothing to write. */
export function headingAttributesText({ id, page, pdf, contents }: WrittenHeadingAttributes): string {
  const parts = [
    ...(id === undefined ? [] : [`#${id}`]),
    ...(page === undefined ? [] : [`page=${page}`]),
    ...(pdf === undefined ? [] : [`pdf=${pdf}`]),
    ...(contents === undefined ? [] : [contents.includes('"') ? `contents=“${contents}”` : `contents="${contents}"`]),
  ];
  return parts.length === 0 ? '' : `{${parts.join(' ')}}`;
}

export { issueId, issueShortLabel } from './issue-numbering.ts';

/**
 * Where an issue's file lives in the content folder: `2018/2018-01.md` for 2018年第1期,
 * `2019/2019-s1.md` for 2019年增刊1.
 */
export function issueFilePath(issue: IssueNumbering): string {
  return `${issue.year}/${issueId(issue)}.md`;
}

/** Issue files are Markdown; anything else in the content folder is not an issue. */
export const issueFileExtension = '.md';

/**
 * An issue's pictures sit in a folder beside its file, named as the file without `.md`:
 * `2018/2018-01/` for `2018/2018-01.md`. Picture paths are relative to the issue file, so they
 * read `2018-01/meeting.jpg`; the folder is a convention (any path inside the content folder works).
 */
export function issueMediaFolder(issueFile: string): string {
  return issueFile.endsWith(issueFileExtension) ? issueFile.slice(0, -issueFileExtension.length) : issueFile;
}

/** The printed original found without front matter: `2018/2018-01.pdf` beside `2018/2018-01.md`. */
export function conventionalOriginalPath(issueFile: string): string {
  return `${issueMediaFolder(issueFile)}.pdf`;
}

/**
 * Front-matter fields about the issue's media, beside the masthead: where its original is when it
 * is not the conventional file, and how its pages are numbered against the PDF's.
 */
export const mediaFields = {
  original: { label: '原刊 PDF', example: 'original: 2018-01.pdf' },
  originalPageOffset: { label: '原刊页码差', example: 'originalPageOffset: 1', range: [-999, 999] },
} as const;

export type MediaField = keyof typeof mediaFields;

/** Written after the masthead, in this order. */
export const mediaFieldOrder: readonly MediaField[] = ['original', 'originalPageOffset'];

/**
 * The masthead: the front matter's fields, in the order an issue file writes them, each with its
 * name in messages, the range a number may take, and a line that would be right. The issue's own
 * fields, nothing derived; src/pipeline/masthead.ts checks them with a schema built from these.
 */
export const mastheadFields = {
  series: { label: '刊名', example: 'series: 国家生态工业园区 工作动态' },
  publisher: { label: '编发单位', example: 'publisher: 国家生态工业园区建设协调领导小组办公室' },
  year: { label: '年份', example: 'year: 2018', range: [1900, 2999] },
  // Up to 9999: a weekly reaches 第52期, a bulletin that never restarts its numbers goes on past 100.
  number: { label: '当年期号', example: 'number: 1', range: [1, 9999] },
  special: { label: '增刊', example: 'special: true' },
  cumulativeNumber: { label: '总期号', example: 'cumulativeNumber: 10', range: [1, 99999] },
  date: { label: '出版日期', example: 'date: 2018-06-29' },
} as const;

export type MastheadField = keyof typeof mastheadFields;

/** What an issue file's front matter is written from: the masthead's fields and the media's. */
export type WrittenFrontMatter = Partial<Record<Exclude<MastheadField, 'special'> | MediaField, string | number>> & {
  special?: SpecialIssue | undefined;
};

/** The field names in the written order; `special` is written into `number` (增刊2). */
export const mastheadFieldOrder: readonly MastheadField[] = [
  'series',
  'publisher',
  'year',
  'number',
  'cumulativeNumber',
  'date',
];

/** The about page's text (关于本刊, contact), at the top of the content folder; optional. */
export const aboutPageFile = 'about.md';

/** The table of columns in the content folder: each `##` heading names one of them. */
export const sectionTableFile = 'sections.yaml';

/** Editors write 【工作动态】 as the PDF prints it, or add spaces; the column is the same. */
export function normaliseSectionTitle(title: string): string {
  return title.replace(/[\s【】[\]]/g, '');
}

/**
 * Writing issue files. Tools that write one (the importer, `new-issue`, the generator) build its
 * Markdown tree with these and serialise it with `issueFileText`, so escaping is remark's and the
 * marks are the ones this module reads.
 */
export const writeIssue = {
  /** `## 工作动态` */
  section: (title: string): Heading => ({ type: 'heading', depth: 2, children: [{ type: 'text', value: title }] }),
  /** `### 标题 {#p3 page=3}` */
  article: (title: string, attributes: WrittenHeadingAttributes = {}): Heading => {
    const block = headingAttributesText(attributes);
    // Whatever remark escapes in the block, the pipeline reads the heading's unescaped text.
    return {
      type: 'heading',
      depth: 3,
      children: [{ type: 'text', value: block === '' ? title : `${title} ${block}` }],
    };
  },
  /** `#### （一）做优顶层设计`, and deeper. */
  subheading: (text: string, depth: 4 | 5 | 6 = 4): Heading => ({
    type: 'heading',
    depth,
    children: [{ type: 'text', value: text }],
  }),
  paragraph: (text: string): Paragraph => ({ type: 'paragraph', children: [{ type: 'text', value: text }] }),
  subtitle: (subtitle: string): Paragraph => writeIssue.paragraph(subtitleParagraphText(subtitle)),
  captionOnlyFigure: (caption: string): Paragraph => writeIssue.paragraph(captionOnlyParagraphText(caption)),
  /**
   * `![说明](2018-01/a.jpg) ![](2018-01/b.jpg)`: a figure with its pictures in order, the caption
   * written on the first; `alt` gives a later picture its own description.
   */
  figure: (caption: string, pictures: readonly { src: string; alt?: string }[]): Paragraph => ({
    type: 'paragraph',
    children: pictures.flatMap(({ src, alt }, index): Paragraph['children'] => [
      ...(index === 0 ? [] : [{ type: 'text' as const, value: ' ' }]),
      { type: 'image', url: src, alt: index === 0 ? caption : (alt ?? '') },
    ]),
  }),
  /**
   * The front matter, fields in the documented order, with an optional comment first (what the
   * editor should do next). Values are written by the yaml package, so quoting is YAML's. A
   * special issue is written `number: 增刊2`, the form that needs no second field.
   */
  frontMatter: (fields: WrittenFrontMatter, comment?: string): Yaml => {
    const { special, ...plain } = fields;
    const written: Partial<Record<MastheadField | MediaField, string | number>> = special
      ? { ...plain, number: issueNumberLabel({ number: special.ordinal, special }) }
      : plain;
    const ordered = Object.fromEntries(
      [...mastheadFieldOrder, ...mediaFieldOrder].flatMap((name) =>
        written[name] === undefined ? [] : [[name, written[name]]],
      ),
    );
    const document = new Document(ordered);
    // On the map rather than the document, so the comment sits right above the first field.
    if (comment !== undefined && document.contents) document.contents.commentBefore = ` ${comment}`;
    return { type: 'yaml', value: document.toString({ lineWidth: 0 }).trimEnd() };
  },
};

const issueFileWriter = unified().use(remarkStringify).use(remarkFrontmatter, ['yaml']).freeze();

/** An issue file's text from its tree: front matter, then one block a paragraph with blank lines between. */
export function issueFileText(children: RootContent[]): string {
  return issueFileWriter.stringify({ type: 'root', children });
}
