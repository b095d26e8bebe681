import { describe, expect, it } from 'vitest';
import { parseGazetteer } from '../../src/parks/gazetteer.ts';
import { parseSource } from '../../src/pipeline/parse.ts';
import { parseSectionTable } from '../../src/pipeline/section-kinds.ts';

const frontMatterErrors = (text: string) => {
  const parsed = parseSource('a.md', text);
  return parsed.ok ? [] : parsed.diagnostics;
};

describe('YAML syntax errors are told in Chinese, at the place of the mistake in the file', () => {
  it.each([
    [
      'no space after a colon',
      '---\nseries: 刊\nyear:2018\nnumber: 1\n---\n',
      3,
      1,
      '冒号后面要有一个空格：请写成 “year: 2018”',
    ],
    ['a full-width colon', '---\nseries: 刊\nyear：2018\nnumber: 1\n---\n', 3, 1, '冒号须是英文半角 “:”'],
    ['a Tab as indent', '---\nseries: 刊\n\tyear: 2018\n---\n', 3, 1, '缩进请用空格，不要用 Tab'],
    ['a field written twice', '---\nyear: 2018\nnumber: 1\nyear: 2019\n---\n', 4, 1, '同一个字段写了两次'],
    ['a bracket left open', '---\nyear: 2018\nseries: [刊, 刊名\nnumber: 1\n---\n', 3, 9, '方括号没有闭合'],
    ['a quote left open', '---\nseries: "刊\nyear: 2018\n---\n', 2, 9, '双引号没有闭合'],
    ['two colons on a line', '---\nseries: 刊名: 工作动态\n---\n', 2, 9, '一行里有两个 “: ”'],
    ['a value starting with @', '---\nseries: @刊\n---\n', 2, 9, '请给整个值加上引号'],
  ])('front matter: %s', (_name, text, line, column, mention) => {
    expect(frontMatterErrors(text)).toEqual([
      {
        path: 'a.md',
        line,
        column,
        severity: 'error',
        rule: 'front-matter-syntax',
        message: expect.stringMatching(new RegExp(`^刊头信息的 YAML 写法有误：.*${escape(mention)}`)),
      },
    ]);
  });

  it(
    'counts lines from the file, not from the front matter, ' + 'when the front matter has blank lines and comments',
    () => {
      expect(frontMatterErrors('---\n# 刊头\n\nseries: 刊\n\nyear:2018\n---\n')).toEqual([
        expect.objectContaining({ line: 6, column: 1 }),
      ]);
    },
  );

  it.each([
    ['a Tab as indent', '- title: 工作动态\n\tkind: work-updates\n', 2, 1, '缩进请用空格，不要用 Tab'],
    [
      'no space after a colon',
      '- title: 工作动态\n  kind:work-updates\n',
      2,
      3,
      '冒号后面要有一个空格：请写成 “kind: work-updates”',
    ],
    ['a field written twice', '- title: 工作动态\n  kind: a\n  kind: b\n', 3, 3, '同一个字段写了两次'],
    ['a bracket left open', '- title: 工作动态\n  kind: a\n  aliases: [工作简讯\n', 3, 12, '方括号没有闭合'],
    ['a second document', '- title: 工作动态\n  kind: a\n---\n- title: 经验交流\n  kind: b\n', 3, 1, '多个 YAML 文档'],
  ])('sections.yaml: %s', (_name, text, line, column, mention) => {
    expect(parseSectionTable('sections.yaml', text).diagnostics).toEqual([
      {
        path: 'sections.yaml',
        line,
        column,
        severity: 'error',
        rule: 'section-table',
        message: expect.stringMatching(new RegExp(`^栏目表的 YAML 写法有误：.*${escape(mention)}`)),
      },
    ]);
  });

  const park = '- id: a\n  name: 甲园区\n  province: 江苏省\n  city: 南京市\n';
  it.each([
    ['a Tab as indent', park.replace('  city', '\tcity'), 4, 1, '缩进请用空格，不要用 Tab'],
    ['a field written twice', `${park}  city: 苏州市\n`, 5, 3, '同一个字段写了两次'],
    ['a bracket left open', `${park}  aliases: [甲区, 甲\n`, 5, 12, '方括号没有闭合'],
    ['an alias without its anchor', `${park}  type: *综合\n`, 5, 9, '找不到同名的锚点'],
  ])('parks.yaml: %s', (_name, text, line, column, mention) => {
    expect(parseGazetteer('parks.yaml', text).diagnostics).toEqual([
      {
        path: 'parks.yaml',
        line,
        column,
        severity: 'error',
        rule: 'gazetteer',
        message: expect.stringMatching(new RegExp(`^园区名录的 YAML 写法有误：.*${escape(mention)}`)),
      },
    ]);
  });

  it('turns aliases nested into a huge value into a message, not a hang or a throw', () => {
    const bomb = [
      '- &a [x, x, x, x, x, x, x, x, x, x]',
      '- &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      '- &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      '- [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      '',
    ].join('\n');
    expect(parseSectionTable('sections.yaml', bomb).diagnostics).toEqual([
      expect.objectContaining({ line: 2, column: 7, message: expect.stringContaining('嵌套得太多') }),
    ]);
  });
});

describe('YAML nested thousands of levels deep', () => {
  // The yaml package reports nesting too deep as it reports an alias bomb, or, with less stack
  // left, overflows in its parser before it can report anything (src/core/yaml.ts then reports it).
  const deep = Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}a:\n`).join('');

  it('is an error that says the nesting is too deep, in a table or in front matter', () => {
    for (const found of [
      parseSectionTable('sections.yaml', `${deep}- title: 甲\n  kind: a\n`).diagnostics,
      parseGazetteer('parks.yaml', deep).diagnostics,
      frontMatterErrors(`---\n${deep}series: 刊\n---\n`),
    ]) {
      expect(found[0]).toMatchObject({ severity: 'error', message: expect.stringContaining('层次太深') as unknown });
    }
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
