import type { Diagnostic } from '../model.ts';
import { findSectionKind, type SectionTable } from '../pipeline/section-kinds.ts';
import { readArticleBody, type Block } from './article-body.ts';
import type { BodyLine } from './body-lines.ts';
import type { ContentsArticle } from './contents.ts';
import { isTitleLike, markerTitle } from './line-kinds.ts';
import { matchTitles } from './titles.ts';
import { joinLines, lineDiagnostic, removeSpacesBetweenWide } from './text.ts';
import { normaliseSectionTitle, subtitleParagraphText, subtitleText } from '../core/content-format.ts';
import { InvariantError } from '../core/errors.ts';

export interface ImportedArticle {
  id: string;
  title: string;
  /** The input line the title starts on. */
  line: number;
  contentsTitle?: string;
  page?: number;
  /** The page of the original PDF it starts on, where that is not `page` plus the offset. */
  pdfPage?: number;
  subtitle?: string;
  blocks: Block[];
}

export interface ImportedSection {
  /** Absent when neither the body nor the contents names the column; the editor must add it. */
  title?: string;
  /** The input line of its marker (or of the first article, when the contents names the column). */
  line: number;
  /** Text between the column marker and its first article: no article to put it in. */
  lead: Block[];
  articles: ImportedArticle[];
}

export interface Outline {
  /** Text before the first column. */
  lead: Block[];
  sections: ImportedSection[];
  diagnostics: Diagnostic[];
}

interface TitleRun {
  /** Input line the title starts on. */
  line: number;
  end: number;
  title: string;
  entry?: ContentsArticle;
}

/**
 * Arranges the body into columns and articles: column markers open columns, titles found through
 * the contents (or, failing that, title-like lines) open articles, and everything between belongs
 * to the article above it.
 */
export function buildOutline(
  path: string,
  lines: readonly BodyLine[],
  contents: readonly ContentsArticle[],
  table: SectionTable,
): Outline {
  const diagnostics: Diagnostic[] = [];
  const warn = (line: number, rule: string, message: string) =>
    diagnostics.push(lineDiagnostic(path, line, 'warning', rule, message));
  const runs = findTitleRuns(lines, contents, warn);
  const useMarkers = lines.some((line) => markerTitle(line.text) !== undefined);
  const outline: Outline = { lead: [], sections: [], diagnostics };
  let section: ImportedSection | undefined;
  /** The lines since the last title or marker; after a title, the article they make and its column. */
  let pending: { article?: { run: TitleRun; section: ImportedSection }; lines: BodyLine[] } = { lines: [] };

  const flush = () => {
    const body = readArticleBody(path, pending.lines);
    diagnostics.push(...body.diagnostics);
    const [firstLine] = pending.lines;
    if (pending.article) {
      const { title, entry } = pending.article.run;
      pending.article.section.articles.push({
        id: '',
        title,
        line: pending.article.run.line,
        ...(entry && entry.title !== title ? { contentsTitle: entry.title } : {}),
        ...(entry ? { page: entry.page } : {}),
        ...(body.subtitle !== undefined ? { subtitle: body.subtitle } : {}),
        blocks: body.blocks,
      });
    } else if (firstLine !== undefined && (body.blocks.length > 0 || body.subtitle !== undefined)) {
      const blocks =
        body.subtitle === undefined
          ? body.blocks
          : [
              { kind: 'paragraph' as const, text: subtitleParagraphText(body.subtitle), line: firstLine.no },
              ...body.blocks,
            ];
      (section?.lead ?? outline.lead).push(...blocks);
      warn(
        firstLine.no,
        'import-stray-text',
        section
          ? `栏目 “${section.title ?? ''}” 开头的这段文字不属于任何文章（目录中也没有对应的标题）。请在它前面加上文章标题（### 标题）。`
          : '正文开头的这段文字不在任何栏目之下。请把它移到合适的栏目和文章中，或删去。',
      );
    }
    pending = { lines: [] };
  };
  const openSection = (title: string | undefined, line: number): ImportedSection => {
    const kind = title === undefined ? undefined : findSectionKind(table, title);
    if (title === undefined)
      warn(
        line,
        'import-no-section',
        '这篇文章不在任何栏目之下：正文没有【栏目】标记，目录也没有列出栏目。请在它前面加上 “## 栏目名称”。',
      );
    else if (!kind)
      warn(
        line,
        'import-unknown-section',
        `栏目 “${title}” 不在内容目录的栏目表 sections.yaml 中。请核对栏目名称，或在栏目表中添加这个栏目。`,
      );
    const opened = { ...(title !== undefined ? { title: kind?.title ?? title } : {}), line, lead: [], articles: [] };
    outline.sections.push(opened);
    return opened;
  };

  for (let index = 0, line = lines[0]; line !== undefined; line = lines[++index]) {
    const marker = markerTitle(line.text);
    const run = runs.get(index);
    if (marker !== undefined && useMarkers) {
      flush();
      section = openSection(marker, line.no);
    } else if (run) {
      flush();
      const { entry } = run;
      const listed = entry?.section;
      if (
        !useMarkers &&
        entry &&
        listed !== undefined &&
        (section?.title === undefined || !sameSection(section.title, listed))
      )
        section = openSection(listed, entry.line);
      else if (section?.title !== undefined && listed !== undefined && !sameSection(section.title, listed)) {
        warn(
          line.no,
          'import-section-mismatch',
          `文章 “${run.title}” 在正文中位于栏目 “${section.title}”，目录却把它列在 “${listed}” 下。已按正文归入 “${section.title}”，请核对。`,
        );
      }
      section ??= openSection(listed, line.no);
      pending = { article: { run, section }, lines: [] };
      index = run.end - 1;
    } else {
      pending.lines.push(line);
    }
  }
  flush();
  assignArticleIds(outline.sections.flatMap((s) => s.articles));
  return outline;
}

function sameSection(a: string, b: string): boolean {
  return normaliseSectionTitle(a) === normaliseSectionTitle(b);
}

/** Title runs by their first line: contents titles found in the body, then unlisted title-like lines. */
function findTitleRuns(
  lines: readonly BodyLine[],
  contents: readonly ContentsArticle[],
  warn: (line: number, rule: string, message: string) => void,
): Map<number, TitleRun> {
  const runs = new Map<number, TitleRun>();
  const covered = new Set<number>();
  const matches = matchTitles(
    lines,
    contents.map((entry) => entry.title),
  );
  contents.forEach((entry, k) => {
    const match = matches[k];
    if (!match) {
      warn(
        entry.line,
        'import-contents-unmatched',
        `目录中的 “${entry.title}”（第 ${entry.page} 页）在正文中找不到对应的标题，它的正文会并入前一篇文章。请核对原文，在正文中补上 ### 标题。`,
      );
      return;
    }
    const titleLines = lines.slice(match.start, match.end);
    const [firstLine] = titleLines;
    if (firstLine === undefined) throw new InvariantError(`title match ${match.start}–${match.end} holds no body line`);
    const title = removeSpacesBetweenWide(joinLines(titleLines.map((l) => l.text)));
    runs.set(match.start, { line: firstLine.no, end: match.end, title, entry });
    for (let i = match.start; i < match.end; i++) covered.add(i);
    if (match.distance > 0) {
      warn(
        firstLine.no,
        'import-title-differs',
        `正文标题 “${title}” 与目录 “${entry.title}” 略有不同：已用正文标题，目录写法记入 contents="…"。请核对哪个是准确的。`,
      );
    }
  });
  lines.forEach((line, index) => {
    const next = lines[index + 1];
    if (covered.has(index) || !isUnlistedTitle(line, lines[index - 1], next)) return;
    runs.set(index, { line: line.no, end: index + 1, title: line.text });
    const why =
      subtitleText(next?.text ?? '') !== undefined
        ? '下面紧跟 —— 副标题'
        : isTitleSet(line)
          ? '用标题字号居中排印'
          : '紧跟在栏目标记之后';
    warn(
      line.no,
      'import-not-in-contents',
      `“${line.text}” 看来是文章标题（${why}），但目录中没有它：已作为文章导入，没有页码。请核对。`,
    );
  });
  return runs;
}

/**
 * A one-line block that a `——` subtitle follows, or that opens a column, reads as a title even
 * when the contents does not list it.
 */
function isUnlistedTitle(line: BodyLine, previous: BodyLine | undefined, next: BodyLine | undefined): boolean {
  const standsAlone =
    (previous === undefined || line.blanksBefore > 0 || markerTitle(previous.text) !== undefined) &&
    (next === undefined || next.blanksBefore > 0);
  if (
    !standsAlone ||
    next === undefined ||
    markerTitle(line.text) !== undefined ||
    subtitleText(line.text) !== undefined ||
    !isTitleLike(line.text)
  )
    return false;
  return (
    subtitleText(next.text) !== undefined ||
    isTitleSet(line) ||
    (previous !== undefined && markerTitle(previous.text) !== undefined && markerTitle(next.text) === undefined)
  );
}

/** On a PDF page a title is set centred and larger than the body text. */
function isTitleSet(line: BodyLine): boolean {
  const layout = line.layout;
  return (
    layout !== undefined && layout.align === 'centre' && (layout.sizeRank === 'title' || layout.sizeRank === 'larger')
  );
}

/**
 * Ids from printed pages (p3; p3-2 for the second article on page 3): they stay put when another
 * article is added elsewhere. Articles the contents does not list have no page: extra-1, extra-2.
 */
function assignArticleIds(articles: ImportedArticle[]): void {
  const used = new Map<string, number>();
  for (const article of articles) {
    const base = article.page !== undefined ? `p${article.page}` : 'extra';
    const count = (used.get(base) ?? 0) + 1;
    used.set(base, count);
    article.id = article.page !== undefined && count === 1 ? base : `${base}-${count}`;
  }
}
