import type { Diagnostic } from '../model.ts';
import { contentsLine, isContentsHeading, markerTitle } from './line-kinds.ts';
import { joinLines, lineDiagnostic, type SourceLine } from './text.ts';

export interface ContentsArticle {
  title: string;
  page: number;
  /** The column the contents lists it under, if any. */
  section?: string;
  line: number;
}

export interface Contents {
  sections: { title: string; line: number }[];
  articles: ContentsArticle[];
  /** Index of the first line after the contents: where the body begins. */
  end: number;
  diagnostics: Diagnostic[];
}

/**
 * Reads the printed contents (本期目录) that follows the masthead: column lines `【工作动态】 - 1 -`
 * and article lines `标题..... - 2 -`. A title too long for one line continues on the next, which
 * carries the page. The contents ends at the first line that is neither.
 */
export function readContents(path: string, lines: readonly SourceLine[], start: number): Contents {
  const contents: Contents = { sections: [], articles: [], end: start, diagnostics: [] };
  let index = nextNonBlank(lines, start);
  const firstNonBlank = lines[index];
  const hasHeading = firstNonBlank !== undefined && isContentsHeading(firstNonBlank.text);
  if (hasHeading) index++;
  let section: string | undefined;
  for (let line = lines[index]; line !== undefined; line = lines[++index]) {
    const text = line.text.trim();
    if (text === '') continue;
    const below = nextNonBlank(lines, index + 1);
    const entry = withWrappedTitle(contentsLine(text), lines[below]);
    if (entry?.wrapped) index = below;
    const marker = markerTitle(entry?.title ?? text);
    // The title's last line carries the page: right below in a text, the next block in a PDF.
    const rest = lines[below]?.layout?.continuesAbove ? below : index + 1;
    const continued = entry || marker !== undefined ? undefined : articleEntry(lines[rest]?.text ?? '');
    const article = continued ? { title: joinLines([text, continued.title]), page: continued.page } : entry;
    if (marker !== undefined) {
      if (!entry && !articleEntry(lines[nextNonBlank(lines, index + 1)]?.text ?? '')) break;
      section = marker;
      contents.sections.push({ title: marker, line: line.no });
    } else if (article) {
      contents.articles.push({
        title: article.title,
        page: article.page,
        line: line.no,
        ...(section !== undefined ? { section } : {}),
      });
      if (continued) index = rest;
    } else break;
    contents.end = index + 1;
  }
  if (contents.articles.length === 0) {
    const at = lines[start]?.no ?? 1;
    contents.end = hasHeading ? nextNonBlank(lines, start) + 1 : start;
    contents.diagnostics.push(
      lineDiagnostic(
        path,
        at,
        'warning',
        'import-no-contents',
        '没有找到目录（本期目录及 “标题..... - 页码 -” 各行）：文章标题只能从正文推断，页码无法导入。请核对导入结果。',
      ),
    );
  }
  return contents;
}

/**
 * Some writers set the page number on a wrapped title's first line and the rest of the title on
 * the next: only the page can tell (the line below continues this one, in the same face and
 * indent), so without a layout the title is taken as it stands.
 */
function withWrappedTitle(
  entry: { title: string; page: number } | undefined,
  next: SourceLine | undefined,
): { title: string; page: number; wrapped?: true } | undefined {
  const text = next?.text.trim() ?? '';
  if (!entry || !next?.layout?.continuesAbove || text === '' || contentsLine(text) || markerTitle(text) !== undefined)
    return entry;
  return { title: joinLines([entry.title, text]), page: entry.page, wrapped: true };
}

/**
 * A contents line for an article (not a column); a column line without a page belongs to the
 * contents only if one follows it.
 */
function articleEntry(text: string): { title: string; page: number } | undefined {
  const entry = contentsLine(text);
  return entry && markerTitle(entry.title) === undefined ? entry : undefined;
}

function nextNonBlank(lines: readonly SourceLine[], from: number): number {
  let index = from;
  while (lines[index]?.text.trim() === '') index++;
  return index;
}
