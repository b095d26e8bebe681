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
    // Each problem at the value that has it: the kind, the second use of a kind, the alias.
    ['- title: 工作动态\n  kind: Work Updates\n', 2, 'kind'],
    ['- title: 工作动态\n  kind: a\n- title: 经验交流\n  kind: a\n', 4, '重复'],
    ['- title: 工作动态\n  kind: a\n- title: 经验交流\n  kind: b\n  aliases: [工作动态]\n', 5, '已用于'],
    ['- kind: a\n', 1, 'title'],
    ['[]\n', 1, '空的'],
  ])('rejects %j at line %i', (text, line, mention) => {
    const { diagnostics } = parseSectionTable('s.yaml', text);
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ rule: 'section-table', line, message: expect.stringContaining(mention) }),
    );
  });

  it('keeps the sound columns when one is broken, and still finds clashes among them', () => {
    const { table, diagnostics } = parseSectionTable(
      's.yaml',
      '- title: 工作动态\n  kind: a\n- title: 经验交流\n- title: 园区掠影\n  kind: a\n',
    );
    expect(table.kinds.map((k) => k.title)).toEqual(['工作动态', '园区掠影']);
    expect(diagnostics.map((d) => [d.line, d.column, d.message])).toEqual([
      [3, 3, '栏目 “经验交流” 缺少 kind（栏目标识），例如 kind: work-updates。'],
      [5, 9, '栏目 “园区掠影” 的 kind “a” 与栏目 “工作动态” 重复：每个栏目须有自己的标识。'],
    ]);
  });

  it('after a syntax error still knows the columns it could read, and tells only the syntax error', () => {
    const { table, diagnostics } = parseSectionTable(
      's.yaml',
      '- title: 工作动态\n  kind: work-updates\n- title: 经验交流\n  kind:experience-sharing\n',
    );
    expect(findSectionKind(table, '工作动态')?.kind).toBe('work-updates');
    expect(diagnostics).toEqual([
      expect.objectContaining({ line: 4, column: 3, message: expect.stringContaining('冒号后面要有一个空格') }),
    ]);
  });

  it.each([
    [
      'aliases that are not a list',
      '- title: 工作动态\n  kind: a\n  aliases: 工作简讯\n',
      3,
      12,
      'aliases 须是文字列表',
    ],
    ['an entry that is not a map', '- 工作动态\n', 1, 3, '须写成 “- title: 栏目名称”'],
    ['an empty title', '- title: ""\n  kind: a\n', 1, 10, '缺少 title'],
  ])('rejects %s at %i:%i', (_name, text, line, column, mention) => {
    expect(parseSectionTable('s.yaml', text).diagnostics).toEqual([
      expect.objectContaining({ line, column, message: expect.stringContaining(mention) }),
    ]);
  });
});
