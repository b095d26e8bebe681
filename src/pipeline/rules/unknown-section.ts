import { defineRule } from '../lint.ts';

/** A `##` column the column table does not know: its articles would have no column page. */
export const unknownSection = defineRule('unknown-section', 'error', ({ file, draft, table }) => {
  const known = table.kinds.map((kind) => kind.title).join('、');
  for (const section of draft.sections) {
    if (section.kind) continue;
    file.message(
      `未知栏目 “${section.writtenTitle}”。已知栏目：${known}。` +
        `如是新栏目，请在 ${table.path ?? 'content/sections.yaml'} 中添加一项（title 与 kind）。`,
      section.heading,
    );
  }
});
