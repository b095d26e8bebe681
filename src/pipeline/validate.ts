import type { RootContent, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Diagnostic, Severity } from '../model.ts';
import { parkLikeNames } from '../parks/candidates.ts';
import type { ParkMatcher } from '../parks/matcher.ts';
import { diagnostic, type Place } from '../core/diagnostics.ts';
import { articleId, articleIdPattern } from './article-id.ts';
import { isSafeUrl } from '../core/safe-url.ts';
import { placeOf, subtitleText, type IssueDraft } from './structure.ts';

/** Content rules of one issue file, checked on its structure before anything is rendered. */
export function validateIssueDraft(draft: IssueDraft, parks?: ParkMatcher): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report = (place: Place, severity: Severity, rule: string, message: string) =>
    diagnostics.push(diagnostic(draft.path, place, severity, rule, message));

  const seenKinds = new Map<string, number>();
  const seenIds = new Map<string, number>();
  let lastPage: { page: number; title: string } | undefined;

  for (const section of draft.sections) {
    if (section.kind) {
      const earlier = seenKinds.get(section.kind.kind);
      if (earlier !== undefined) {
        report(section.place, 'error', 'duplicate-section', `栏目 “${section.title}” 在本期已出现过（第 ${earlier} 行）：同一栏目的文章请放在一个 ## 标题之下。`);
      } else seenKinds.set(section.kind.kind, section.place.line);
    }
    if (section.articles.length === 0) {
      report(section.place, 'error', 'empty-section', `栏目 “${section.title}” 下没有文章：请在下面加文章（### 标题），或删去这个栏目标题。`);
    }
    for (const article of section.articles) {
      const attributes = article.attributes;
      if (article.title === '') {
        report(article.place, 'error', 'empty-title', '文章标题是空的：请在 ### 后写上标题。');
      }
      for (const key of attributes?.unknown ?? []) {
        report(article.place, 'error', 'heading-attribute', `标题属性 “${key}” 无法识别。可用：{#文章标识 page=页码 contents="目录中的标题"}。`);
      }
      for (const stray of attributes?.malformed ?? []) {
        report(article.place, 'error', 'heading-attribute', `标题属性 “${stray}” 写法有误。示例：{#taizhou-planning page=1}。`);
      }
      if (attributes?.id !== undefined && !articleIdPattern.test(attributes.id)) {
        report(article.place, 'error', 'article-id', `文章标识 “${attributes.id}” 须由小写英文字母、数字和连字符组成（用于网址），例如 {#taizhou-planning}。`);
      }
      if (article.title !== '') {
        const id = articleId(article.title, attributes?.id);
        const earlier = seenIds.get(id);
        if (earlier !== undefined) {
          report(article.place, 'error', 'duplicate-article-id', `文章标识 “${id}” 与第 ${earlier} 行的文章重复：请在标题后用 {#另一个标识} 指定不同的标识。`);
        } else seenIds.set(id, article.place.line);
      }
      if (attributes?.page !== undefined) {
        const page = /^[1-9]\d{0,3}$/.test(attributes.page) ? Number(attributes.page) : undefined;
        if (page === undefined) {
          report(article.place, 'error', 'page-invalid', `页码 “${attributes.page}” 须是正整数，即目录中 “- 3 -” 里的数字，写作 page=3。`);
        } else {
          if (lastPage && page < lastPage.page) {
            report(article.place, 'error', 'page-order', `页码 ${page} 比前一篇文章 “${lastPage.title}” 的页码 ${lastPage.page} 小：文章须按原刊目录的顺序排列，请核对页码或文章次序。`);
          }
          lastPage = { page, title: article.title };
        }
      }
      if (article.body.length === 0) {
        report(article.place, 'error', 'empty-article', `文章 “${article.title}” 没有正文：请补上正文，或删去这个标题。`);
      }
      let headingDepth = 3;
      for (const block of article.body) {
        if (block.type === 'heading') {
          if (block.depth > headingDepth + 1) {
            report(placeOf(block), 'error', 'heading-order', `小标题跳级：${'#'.repeat(block.depth)} 前面没有 ${'#'.repeat(headingDepth + 1)}。文章下的小标题从 #### 开始，逐级往下用 #####、######。`);
          }
          headingDepth = block.depth;
        }
        if (subtitleText(block) !== undefined) {
          report(placeOf(block), 'error', 'subtitle-position', '以 —— 开头的副标题只能紧跟在文章标题（###）之下，作为标题下的第一段。请把它移到标题下，或删去开头的破折号。');
        }
        if (block.type === 'heading' && block.depth < 4) continue;
        reportRawHtml(block, (place) => report(place, 'warning', 'raw-html', '正文中的 HTML 代码不会生效，会原样显示为文字。如需图片请用 ![说明](图片路径)，小标题用 ####。'));
        visit(block, ['link', 'image'], (node) => {
          const { url, type } = node as { url: string; type: string };
          if (!isSafeUrl(url, { allowMail: type === 'link' })) {
            report(placeOf(node), 'warning', 'unsafe-url', `地址 “${url.slice(0, 40)}” 不是网页或文件地址，已忽略${type === 'image' ? '（图片按“图片暂缺”显示）' : '（只显示文字，不作链接）'}。请改用 http(s):// 地址或相对路径。`);
          }
        });
      }
      if (parks) {
        const unknownPark = (name: string, place: Place) =>
          report(place, 'warning', 'unknown-park', `“${name}” 像是园区名称，但不在园区名录中。如是园区，请把它（或它的全称与简称）加到 content/parks.yaml。`);
        for (const { name, start } of parkLikeNames(article.title, parks.find(article.title))) unknownPark(name, { line: article.place.line, column: article.place.column + 4 + start });
        for (const block of article.body) {
          visit(block, 'text', (node: Text) => {
            const start = placeOf(node);
            for (const found of parkLikeNames(node.value, parks.find(node.value))) unknownPark(found.name, offsetPlace(start, node.value, found.start));
          });
        }
      }
    }
  }
  return diagnostics;
}

/** The place of a character inside a text node, counting the node's own line breaks. */
function offsetPlace(start: Place, value: string, offset: number): Place {
  const before = value.slice(0, offset).split('\n');
  return before.length === 1 ? { line: start.line, column: start.column + offset } : { line: start.line + before.length - 1, column: before[before.length - 1]!.length + 1 };
}

function reportRawHtml(block: RootContent, report: (place: Place) => void): void {
  visit(block, 'html', (node) => {
    report(placeOf(node));
  });
}
