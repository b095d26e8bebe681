import { describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/archive/load-archive.ts';
import { yamlErrorText } from '../../src/core/yaml-errors.ts';
import { makeContentDir, masthead } from '../helpers/content.ts';

/**
 * Near misses (issue 17): marks an editor types that Markdown reads as text. Each is told at its
 * line with the exact fix, an error where the text is surely not meant so, else a warning; and
 * what only resembles one (a ＃ mid-sentence, a hashtag) is left alone.
 */
const article = (body: string, title = '甲 {#a page=1}') => `## 工作动态\n\n### ${title}\n\n${body}\n`;

async function check(body: string, files: Record<string, string> = {}) {
  const dir = makeContentDir({ '2018/2018-01.md': masthead() + body, ...files });
  const archive = await loadArchive(dir);
  return archive.diagnostics.map(({ rule, severity, line, column, message }) => ({
    rule,
    severity,
    line,
    column,
    message,
  }));
}

/** Body from line 9: `## 工作动态` on 9, the title on 11, the article's text from 13. */
const cases: {
  name: string;
  body: string;
  rule: string;
  severity: 'error' | 'warning';
  line: number;
  message: string;
}[] = [
  {
    name: 'a column with full-width ＃',
    body: article('正文。\n\n＃＃ 园区掠影\n\n### 乙\n\n正文。'),
    rule: 'heading-mark',
    severity: 'error',
    line: 15,
    message: '这一行以全角“＃”开头，看起来想写栏目标题，现在却是正文：请改成半角“## 园区掠影”。',
  },
  {
    name: 'a column with no space after ##',
    body: article('正文。\n\n##园区掠影\n\n### 乙\n\n正文。'),
    rule: 'heading-mark',
    severity: 'error',
    line: 15,
    message: '这一行的“##”后面没有空格，看起来想写栏目标题，现在却是正文：请改成半角“## 园区掠影”。',
  },
  {
    name: 'a column with a full-width space after ##',
    body: article('正文。\n\n##\u3000园区掠影\n\n### 乙\n\n正文。'),
    rule: 'heading-mark',
    severity: 'error',
    line: 15,
    message: '这一行的“##”后面是全角空格，看起来想写栏目标题，现在却是正文：请改成半角“## 园区掠影”。',
  },
  {
    name: 'a sub-heading with full-width ＃',
    body: article('＃＃＃＃ （一）做优顶层设计\n\n正文。'),
    rule: 'heading-mark',
    severity: 'error',
    line: 13,
    message: '这一行以全角“＃”开头，看起来想写小标题，现在却是正文：请改成半角“#### （一）做优顶层设计”。',
  },
  {
    name: 'a sub-heading with no space',
    body: article('####（一）做优顶层设计\n\n正文。'),
    rule: 'heading-mark',
    severity: 'error',
    line: 13,
    message: '这一行的“####”后面没有空格，看起来想写小标题，现在却是正文：请改成半角“#### （一）做优顶层设计”。',
  },
  {
    name: 'an article title with full-width ＃ (named, not only an empty article)',
    body: article('正文。\n\n＃＃＃ 标题\n\n正文。'),
    rule: 'heading-mark',
    severity: 'error',
    line: 15,
    message: '这一行以全角“＃”开头，看起来想写文章标题，现在却是正文：请改成半角“### 标题”。',
  },
  {
    name: 'no blank line before 图：',
    body: article('专家组一致同意通过验收。\n图：验收会现场'),
    rule: 'blank-line-missing',
    severity: 'error',
    line: 14,
    message:
      '图片说明“图：验收会现场”紧接在上一行之后，中间没有空行，会并入上一段（读作“…致同意通过验收。图：验收会现场”）：' +
      '请在这一行前面空一行。',
  },
  {
    name: 'no blank line after 图：',
    body: article('图：验收会现场\n专家组一致同意。'),
    rule: 'blank-line-missing',
    severity: 'error',
    line: 14,
    message: '上一行的图片说明“图：验收会现场”后面没有空行，这一行会并入说明：请在这一行前面空一行。',
  },
  {
    name: 'no blank line before a picture',
    body: article('专家组一致同意。\n![验收会现场](https://example.com/a.jpg)'),
    rule: 'blank-line-missing',
    severity: 'error',
    line: 14,
    message: '这张图片紧接在上一行文字之后，中间没有空行，会夹在文字里，不成插图，也没有说明：请在这一行前面空一行。',
  },
  {
    name: 'no blank line after a picture',
    body: article('![验收会现场](https://example.com/a.jpg)\n专家组一致同意。'),
    rule: 'blank-line-missing',
    severity: 'error',
    line: 14,
    message: '上一行的图片后面没有空行，这一行会与图片连成一段，图片就不成插图：请在这一行前面空一行。',
  },
  {
    name: 'no blank line after the subtitle',
    body: article('——科技标准司开展调研\n2018年3月26日，调研组前往园区。'),
    rule: 'subtitle-joined',
    severity: 'warning',
    line: 14,
    message:
      '副标题“——科技标准司开展调研”的下一行没有空一行，“2018年3月26日…”并进了副标题：' +
      '若它是正文第一段，请在这一行前面空一行；若副标题确实写成两行，请把它合成一行。',
  },
  {
    name: 'attributes in full-width braces',
    body: article('正文。', '甲 ｛#p3 page=4｝'),
    rule: 'attribute-braces',
    severity: 'error',
    line: 11,
    message: '标题末尾的属性“｛#p3 page=4｝”用了全角花括号，不会被读作属性，会并入标题：请改成半角“{#p3 page=4}”。',
  },
  {
    name: '图片： for 图：',
    body: article('正文。\n\n图片：验收会现场'),
    rule: 'caption-mark',
    severity: 'warning',
    line: 15,
    message:
      '这一段以“图片：”开头，看起来是图片说明，但说明须以“图：”开头，现在它是正文：若是图片说明，请改成“图：验收会现场”。',
  },
  {
    name: 'a one-dash subtitle',
    body: article('—科技标准司开展调研\n\n正文。'),
    rule: 'subtitle-mark',
    severity: 'warning',
    line: 13,
    message:
      '标题下第一段以一个破折号开头，看起来是副标题，但副标题要用两个破折号，现在它是正文：若是副标题，请改成“——科技标准司开展调研”。',
  },
  {
    name: 'a picture in full-width marks',
    body: article('正文。\n\n！[验收会现场]（2018-01/a.jpg）'),
    rule: 'picture-mark',
    severity: 'error',
    line: 15,
    message:
      '这一行的图片用了全角符号（“！”“［］”或“（）”），不会显示为图片：请改成半角“![验收会现场](2018-01/a.jpg)”，单独成段。',
  },
  {
    name: 'a title over 60 characters',
    body: article('正文。', `${'甲'.repeat(61)} {#a}`),
    rule: 'title-length',
    severity: 'warning',
    line: 11,
    message:
      '文章标题有 61 个字，超过 60 个字，多半是副标题或正文写进了标题这一行：' +
      '请把副标题（——…）或正文另起一段，与标题之间空一行；标题确实这么长时可以不改。',
  },
];

describe('near misses', () => {
  it.each(cases)('$name: $rule ($severity)', async ({ body, rule, severity, line, message }) => {
    const found = (await check(body)).filter((d) => d.rule === rule);
    expect(found).toEqual([{ rule, severity, line, column: 1 + (rule === 'attribute-braces' ? 6 : 0), message }]);
  });

  it('tells a picture of the content folder joined to text once, as a missing blank line', async () => {
    const found = await check(article('专家组一致同意。\n![验收会现场](2018-01/a.jpg)'));
    expect(found.map((d) => d.rule).sort()).toEqual(['blank-line-missing', 'picture-missing']);
  });

  it('is quiet on what only resembles a near miss', async () => {
    const body = article(
      [
        '——科技标准司开展调研',
        '正文中的＃号、##标签和“图片：”都在句中，不是行首。',
        '#话题# 一个井号的话题不是标题。',
        '图：现场',
        '![会场](https://example.com/a.jpg) ![](https://example.com/b.jpg)\n![](https://example.com/c.jpg)',
        '![调研现场（一）](https://example.com/d.jpg)',
        '正文，“—”在句中。',
        '#### （一）做优顶层设计',
        '图片来源：园区管委会。',
      ].join('\n\n'),
      `${'甲'.repeat(60)} {#a page=1}`,
    );
    expect((await check(body)).filter((d) => d.rule !== 'picture-remote')).toEqual([]);
  });
});

describe('the series of each issue', () => {
  const issue = (number: number, series: string) =>
    masthead({ number, cumulativeNumber: 9 + number, date: `2018-0${number}-01`, series }) + article('正文。');

  it('warns about an issue whose series differs from the others only by spaces or marks', async () => {
    const dir = makeContentDir({
      '2018/2018-01.md': issue(1, '国家生态工业园区 工作动态'),
      '2018/2018-02.md': issue(2, '国家生态工业园区工作动态'),
      '2018/2018-03.md': issue(3, '国家生态工业园区 工作动态'),
    });
    const archive = await loadArchive(dir);
    expect(
      archive.diagnostics.map(({ path, rule, severity, line, message }) => ({ path, rule, severity, line, message })),
    ).toEqual([
      {
        path: `${dir}/2018/2018-02.md`,
        rule: 'series-differs',
        severity: 'warning',
        line: 2,
        message:
          '刊名“国家生态工业园区工作动态”与其他2期的“国家生态工业园区 工作动态”只差空格或符号，各期的刊名应写得一样：' +
          '请改成 series: 国家生态工业园区 工作动态。',
      },
    ]);
  });

  it('leaves a series renamed in its words alone', async () => {
    const dir = makeContentDir({
      '2018/2018-01.md': issue(1, '国家生态工业园区 工作动态'),
      '2018/2018-02.md': issue(2, '生态工业园区 工作简报'),
    });
    expect((await loadArchive(dir)).diagnostics).toEqual([]);
  });
});

describe('a broken entry of the gazetteer', () => {
  const parks = (second: string) =>
    '- id: jia\n  name: 甲市工业园区\n  province: 江苏省\n  city: 甲市\n' +
    `- id: yi\n  name: 乙市经济技术开发区\n  aliases: [乙市开发区]\n${second}`;

  it('is reported, keeps the good entries, and its own names are no unknown parks', async () => {
    // The second entry lacks its city: reported, left out, and its names are not unknown parks.
    const body = article('甲市工业园区、乙市经济技术开发区和乙市开发区。\n\n又见乙市开发区与丙市高新区。');
    const found = await check(body, { 'parks.yaml': parks('  province: 江苏省\n') });
    expect(found.map(({ rule, severity, line }) => ({ rule, severity, line }))).toEqual([
      { rule: 'unknown-park', severity: 'warning', line: 15 },
      { rule: 'gazetteer', severity: 'error', line: 5 },
    ]);
    expect(found[0]?.message).toMatch(/^“丙市高新区” /);
  });

  it('with a YAML error reports it in Chinese, not the yaml library’s English', async () => {
    const found = await check(article('甲市工业园区。'), {
      'parks.yaml': parks('  province: 江苏省: 南京\n  city 乙市\n'),
    });
    expect(found.map((d) => [d.rule, d.line])).toEqual([
      ['gazetteer', 8],
      ['gazetteer', 9],
    ]);
    for (const { message } of found) expect(message).toMatch(/^园区名录的 YAML 写法有误：[^A-Za-z]*[\u4e00-\u9fff]/);
  });
});

describe('YAML mistakes in the front matter', () => {
  it('has its own words for a stray colon (map-value-ind), which a list among fields gives', () => {
    const message = 'Unexpected map-value-ind token in YAML stream: ":"';
    expect(yamlErrorText({ code: 'UNEXPECTED_TOKEN', message })).toMatch(/^这里多了一个冒号/);
  });

  it.each([
    ['a line with no colon', 'publisher 国家生态工业园区建设协调领导小组办公室', /缺少冒号|“字段: 值”/],
    ['a list item among fields', '- 国家\nb: c', /“字段: 值”/],
    ['a key and no value after a block', 'note: |\n  说明\nyear', /缺少冒号/],
    ['two colons', 'year: 2018: 1', /两个 “: ”/],
  ])('%s is told in Chinese with the fix', async (_name, yaml, pattern) => {
    const text = `---\nseries: 国家生态工业园区 工作动态\n${yaml}\n---\n\n${article('正文。')}`;
    const dir = makeContentDir({ '2018/2018-01.md': text });
    const found = (await loadArchive(dir)).diagnostics.filter((d) => d.rule === 'front-matter-syntax');
    expect(found.length).toBeGreaterThan(0);
    for (const { message } of found) {
      expect(message).toMatch(/^刊头信息的 YAML 写法有误：/);
      expect(message).not.toMatch(/Implicit|Unexpected|token|indicator|must|should/i);
    }
    expect(found.map((d) => d.message).join('\n')).toMatch(pattern);
  });
});
