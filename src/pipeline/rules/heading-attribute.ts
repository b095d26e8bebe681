import { defineRule } from '../lint.ts';
import { attributesPoint, columnArticles } from './articles.ts';

/** An attribute block `{…}` with keys or tokens that mean nothing: probably a typo. */
export const headingAttribute = defineRule('heading-attribute', 'error', ({ file, draft }) => {
  for (const article of columnArticles(draft)) {
    const place = attributesPoint(file, article);
    for (const key of article.attributes?.unknown ?? []) {
      file.message(
        `标题属性 “${key}” 无法识别。可用：{#文章标识 page=页码 end=末页 pdf=原刊PDF中的页 contents="目录中的标题" author="作者" source="供稿单位"}。`,
        place,
      );
    }
    for (const stray of article.attributes?.malformed ?? []) {
      file.message(`标题属性 “${stray}” 写法有误。示例：{#taizhou-planning page=1}。`, place);
    }
  }
});
