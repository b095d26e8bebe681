import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSectionKind, parseSectionTable } from '../../src/pipeline/section-kinds.ts';
import { bundledContent } from '../helpers/content.ts';

describe('the section table', () => {
  const bundled = parseSectionTable('sections.yaml', readFileSync(join(bundledContent, 'sections.yaml'), 'utf8'));

  it('maps the three columns of the bulletin', () => {
    expect(bundled.diagnostics).toEqual([]);
    expect(bundled.table.kinds.map((k) => [k.title, k.kind])).toEqual([
      ['工作动态', 'work-updates'],
      ['园区掠影', 'park-profiles'],
      ['经验交流', 'experience-sharing'],
    ]);
  });

  it('recognises a column written with 【】 or spaces, and by alias', () => {
    const { table } = parseSectionTable('s.yaml', '- title: 工作动态\n  kind: work-updates\n  aliases: [工作简讯]\n');
    expect(findSectionKind(table, '【工作动态】')?.kind).toBe('work-updates');
    expect(findSectionKind(table, '工作 动态')?.kind).toBe('work-updates');
    expect(findSectionKind(table, '工作简讯')?.kind).toBe('work-updates');
    expect(findSectionKind(table, '政策解读')).toBeUndefined();
  });

  it.each([
    ['title: 工作动态\n', 1, '列表'],
    ['- title: 工作动态\n', 1, 'kind'],
    ['- title: 工作动态\n  kind: Work Updates\n', 1, 'kind'],
    ['- title: 工作动态\n  kind: a\n- title: 经验交流\n  kind: a\n', 3, '重复'],
    ['- title: 工作动态\n  kind: a\n- title: 经验交流\n  kind: b\n  aliases: [工作动态]\n', 3, '已用于'],
    ['- kind: a\n', 1, 'title'],
    ['[]\n', 1, '空的'],
  ])('rejects %j at line %i', (text, line, mention) => {
    const { diagnostics } = parseSectionTable('s.yaml', text);
    expect(diagnostics).toContainEqual(expect.objectContaining({ rule: 'section-table', line, message: expect.stringContaining(mention) }));
  });
});
