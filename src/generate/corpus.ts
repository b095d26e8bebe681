import type { Issue } from '../model.ts';
import { GenerateError } from '../core/errors.ts';
import { subtitleParagraphText } from '../core/content-format.ts';

/** The bundled issues' wording, cut into pieces that the generator recombines. */
export interface Corpus {
  series: string;
  publisher: string;
  /** Clauses of body sentences (between ，；。：), without their punctuation. */
  clauses: string[];
  titles: string[];
  subtitles: string[];
  /** Sub-heading texts without their （一） numbering. */
  headings: string[];
  captions: string[];
}

const numbering = /^（[一二三四五六七八九十]+）/u;

export function buildCorpus(issues: readonly Issue[]): Corpus {
  const newest = issues[0];
  if (!newest) throw new GenerateError('没有可用的期刊：生成器需要至少一期作为用词来源。');
  const articles = issues.flatMap((issue) => issue.sections.flatMap((section) => section.articles));
  const bodyLines = articles.flatMap((article) => {
    const other = new Set([...article.headings.map((h) => h.text), ...article.figures.map((f) => f.caption)]);
    const subtitle = article.subtitle === undefined ? undefined : subtitleParagraphText(article.subtitle);
    return article.text.split('\n').filter((line) => line !== '' && line !== subtitle && !other.has(line));
  });
  const clauses = bodyLines
    .flatMap((line) => line.split(/[，；。：！？]+/u))
    .map((clause) => clause.trim())
    .filter((clause) => [...clause].length >= 4 && !/^[“”《》（）、…]/u.test(clause));
  return {
    series: newest.series,
    publisher: newest.publisher,
    clauses: [...new Set(clauses)],
    titles: articles.map((article) => article.title),
    subtitles: articles.flatMap((article) => (article.subtitle ? [article.subtitle] : [])),
    headings: articles.flatMap((article) => article.headings.map((heading) => heading.text.replace(numbering, ''))),
    captions: articles.flatMap((article) => article.figures.map((figure) => figure.caption)),
  };
}
