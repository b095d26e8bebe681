/**
 * Remakes the Word fixtures written with the `docx` npm package (a second writer beside
 * python-docx): each .docx and the issue file a perfect import gives for it, from the seed's
 * paragraphs (content/2018/2018-01.md, verbatim) and photos already in tests/fixtures.
 * Not run by the tests; its outputs are committed. Run: node --import tsx tests/import/docx/make-fixtures.mts
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import { join } from 'node:path';
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  Textbox,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';

const root = new URL('../../../', import.meta.url).pathname;
const fixtures = join(root, 'tests/fixtures/docx-import');
const photos = join(fixtures, 'seed-2018-01/expected/2018/2018-01');

/** The seed's articles by the first two characters of their titles: paragraphs in order. */
function seedArticles(): Map<string, { title: string; contents?: string; paras: string[] }> {
  const body = readFileSync(join(root, 'content/2018/2018-01.md'), 'utf8').split('\n---\n')[1] ?? '';
  const articles = new Map<string, { title: string; contents?: string; paras: string[] }>();
  let current: { title: string; contents?: string; paras: string[] } | undefined;
  for (const block of body.split('\n\n').map((b) => b.trim())) {
    const title = /^### (.*?) \{(.*)\}$/.exec(block);
    if (title) {
      const contents = /contents="(.*?)"/.exec(title[2] ?? '')?.[1];
      current = { title: title[1] ?? '', paras: [], ...(contents ? { contents } : {}) };
      articles.set(current.title.slice(0, 2), current);
    } else if (current && !block.startsWith('## ') && !block.startsWith('图：')) current.paras.push(block);
  }
  return articles;
}
const seed = seedArticles();
const article = (key: string) => {
  const found = seed.get(key);
  if (!found) throw new Error(`no seed article ${key}`);
  return found;
};

const body = (text: string, font?: string) =>
  new Paragraph({
    children: [new TextRun({ text, ...(font ? { font: { eastAsia: font, ascii: font, hAnsi: font } } : {}) })],
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 640 },
  });
const run = (text: string, font: string, size: number, extra: Omit<IRunOptions, 'text' | 'font' | 'size'> = {}) =>
  new TextRun({ text, font: { eastAsia: font, ascii: font, hAnsi: font }, size, ...extra });
const photo = (file: string, width: number, height: number) =>
  new ImageRun({ type: 'jpg', data: readFileSync(join(photos, file)), transformation: { width, height } });

/** Masthead and contents typed with direct formatting, as every bulletin has them. */
function front(issueLine: string, dateLine: string, entries: [string, number, boolean?][]): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [run('国家生态工业园区 工作动态', '方正小标宋简体', 72, { bold: true, color: 'C00000' })],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(issueLine, '楷体_GB2312', 32)] }),
    new Paragraph({
      tabStops: [{ type: TabStopType.RIGHT, position: 8900 }],
      children: [run(`国家生态工业园区建设协调领导小组办公室\t${dateLine}`, '仿宋_GB2312', 24)],
    }),
    new Paragraph({}),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run('本期目录', '黑体', 32, { bold: true })] }),
    ...entries.map(
      ([text, page, section]) =>
        new Paragraph({
          tabStops: [{ type: TabStopType.RIGHT, position: 8900, leader: 'dot' }],
          ...(section ? {} : { indent: { firstLine: 560 } }),
          children: [run(`${text}\t${page}`, section ? '黑体' : '仿宋_GB2312', 28, { bold: Boolean(section) })],
        }),
    ),
    new Paragraph({}),
  ];
}
const column = (name: string) =>
  new Paragraph({ children: [run(`【${name}】`, '黑体', 32, { bold: true })], spacing: { after: 120 } });
const footer = {
  default: new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['- ', PageNumber.CURRENT, ' -'] })],
      }),
    ],
  }),
};

/**
 * docxjs-styles-2020-02: titles in the Heading 1 style and sub-headings in Heading 2 with Word's own
 * numbering (（一）… from numbering.xml, not typed), body in the Normal style's font, a subtitle in a
 * character style, a title typed as two paragraphs, a caption above its photo, two photos side by side
 * in a table with their caption in a merged cell below.
 */
async function stylesFixture(): Promise<void> {
  const name = 'docxjs-styles-2020-02';
  const taizhou = article('泰州');
  const survey = article('开展');
  const hefei = article('紧扣');
  const subtitle = (text: string) =>
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text, style: 'SubtitleChar' })] });
  const numbered = (text: string) =>
    new Paragraph({ heading: HeadingLevel.HEADING_2, numbering: { reference: 'sub-headings', level: 0 }, text });
  const [first, second] = ['泰州医药高新技术产业开发区国家生态工业园区', '建设规划论证会在苏召开'];
  const caption1 = '图1 泰州医药高新技术产业开发区国家生态工业园区建设规划会';
  const caption2 = '图2 调研现场';
  const subHeadings = ['（一）做优顶层设计', '（二）强化政策引导'];
  const hefeiHeadings = hefei.paras.filter((p) => p.startsWith('#### ')).map((p) => p.slice(5));
  if (hefeiHeadings[0] !== subHeadings[0]?.replace(/^（一）/, '（一）')) throw new Error('seed changed');
  const hefeiAfter = (heading: string) => hefei.paras[hefei.paras.indexOf(`#### ${heading}`) + 1] ?? '';
  const caption = (text: string) =>
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, '楷体_GB2312', 28)] });

  const document = new Document({
    styles: {
      default: {
        document: { run: { font: { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman' }, size: 32 } },
        heading1: {
          run: { font: { eastAsia: '方正小标宋简体' }, size: 44, bold: true, color: '000000' },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 120 } },
        },
        heading2: {
          run: { font: { eastAsia: '黑体' }, size: 32, bold: false, color: '000000' },
          paragraph: { indent: { firstLine: 640 } },
        },
      },
      characterStyles: [
        { id: 'SubtitleChar', name: 'Subtitle Char', run: { font: { eastAsia: '楷体_GB2312' }, size: 32 } },
      ],
    },
    numbering: {
      config: [
        {
          reference: 'sub-headings',
          levels: [
            {
              level: 0,
              format: LevelFormat.CHINESE_COUNTING,
              text: '（%1）',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 0, firstLine: 640 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        footers: footer,
        children: [
          ...front('2020年第2期(总第19期)', '二〇二〇年六月三十日', [
            ['【工作动态】', 1, true],
            [taizhou.title, 1],
            [survey.title, 2],
            ['【经验交流】', 3, true],
            [hefei.title, 3],
          ]),
          column('工作动态'),
          new Paragraph({ heading: HeadingLevel.HEADING_1, text: first }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, text: second }),
          body(taizhou.paras[0] ?? ''),
          caption(caption1),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [photo('p1.jpg', 400, 300)] }),
          body(taizhou.paras[1] ?? ''),
          new Paragraph({ heading: HeadingLevel.HEADING_1, text: survey.title }),
          subtitle(survey.paras[0] ?? ''),
          body(survey.paras[1] ?? ''),
          body(survey.paras[2] ?? ''),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({
                children: ['p1.jpg', 'p2.jpg'].map(
                  (file) =>
                    new TableCell({
                      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [photo(file, 260, 195)] })],
                    }),
                ),
              }),
              new TableRow({ children: [new TableCell({ columnSpan: 2, children: [caption(caption2)] })] }),
            ],
          }),
          column('经验交流'),
          new Paragraph({ heading: HeadingLevel.HEADING_1, text: hefei.title }),
          subtitle(hefei.paras[0] ?? ''),
          body(hefei.paras[1] ?? ''),
          ...subHeadings.flatMap((heading) => [numbered(heading.replace(/^（.）/, '')), body(hefeiAfter(heading))]),
        ],
      },
    ],
  });

  const expected = [
    '---',
    'series: 国家生态工业园区 工作动态',
    'publisher: 国家生态工业园区建设协调领导小组办公室',
    'year: 2020',
    'number: 2',
    'cumulativeNumber: 19',
    'date: 2020-06-30',
    '---',
    '',
    '## 工作动态',
    '',
    `### ${taizhou.title} {#p1 page=1}`,
    '',
    taizhou.paras[0],
    '',
    `![${caption1}](2020-02/p1.jpg)`,
    '',
    taizhou.paras[1],
    '',
    `### ${survey.title} {#p2 page=2}`,
    '',
    survey.paras[0],
    '',
    survey.paras[1],
    '',
    survey.paras[2],
    '',
    `![${caption2}](2020-02/p2.jpg) ![](2020-02/p3.jpg)`,
    '',
    '## 经验交流',
    '',
    `### ${hefei.title} {#p3 page=3}`,
    '',
    hefei.paras[0],
    '',
    hefei.paras[1],
    '',
    ...subHeadings.flatMap((heading) => [`#### ${heading}`, '', hefeiAfter(heading), '']),
  ].join('\n');
  const dir = join(fixtures, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'expected/2020/2020-02'), { recursive: true });
  writeFileSync(join(dir, `${name}.docx`), await Packer.toBuffer(document));
  writeFileSync(join(dir, 'expected/2020/2020-02.md'), expected);
  for (const [from, to] of [
    ['p1.jpg', 'p1.jpg'],
    ['p1.jpg', 'p2.jpg'],
    ['p2.jpg', 'p3.jpg'],
  ] as const)
    copyFileSync(join(photos, from), join(dir, 'expected/2020/2020-02', to));
  for (const file of ['sections.yaml', 'parks.yaml'])
    copyFileSync(join(root, 'content', file), join(dir, 'expected', file));
  process.stdout.write(`${name}: written\n`);
}

/** Stands for the theme's body font in the runs docx writes, replaced by the theme reference after. */
const themeBody = 'THEME-MINOR-EAST-ASIA';
const theme = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office"><a:themeElements>
<a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1>
<a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1></a:clrScheme>
<a:fontScheme name="Office">
<a:majorFont><a:latin typeface="Calibri Light"/><a:ea typeface=""/><a:cs typeface=""/><a:font script="Hans" typeface="黑体"/></a:majorFont>
<a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/><a:font script="Hans" typeface="仿宋"/></a:minorFont>
</a:fontScheme></a:themeElements></a:theme>`;

/**
 * The `docx` package writes no theme and names no theme fonts: add word/theme/theme1.xml (with its
 * relationship and content type) and turn the stand-in face into `w:eastAsiaTheme="minorEastAsia"`,
 * as Word's own template sets the body font.
 */
async function withTheme(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const document = (await zip.file('word/document.xml')?.async('string')) ?? '';
  zip.file('word/document.xml', document.replaceAll(`w:eastAsia="${themeBody}"`, 'w:eastAsiaTheme="minorEastAsia"'));
  zip.file('word/theme/theme1.xml', theme);
  const rels = (await zip.file('word/_rels/document.xml.rels')?.async('string')) ?? '';
  zip.file(
    'word/_rels/document.xml.rels',
    rels.replace(
      '</Relationships>',
      '<Relationship Id="rIdTheme1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" ' +
        'Target="theme/theme1.xml"/></Relationships>',
    ),
  );
  const types = (await zip.file('[Content_Types].xml')?.async('string')) ?? '';
  zip.file(
    '[Content_Types].xml',
    types.replace(
      '</Types>',
      '<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/></Types>',
    ),
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

/**
 * docxjs-direct-2021-01: direct formatting only (no heading styles), the body in the theme's font
 * (`w:eastAsiaTheme`, resolved through theme1.xml), a sub-heading typed by hand, a paragraph in a
 * text box, a caption below its photo.
 */
async function directFixture(): Promise<void> {
  const name = 'docxjs-direct-2021-01';
  const survey = article('开展');
  const parks = article('本期');
  const title = (text: string) =>
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, '方正小标宋简体', 44)] });
  const themed = (text: string) =>
    new Paragraph({
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLine: 640 },
      children: [new TextRun({ text, font: { eastAsia: themeBody }, size: 32 })],
    });
  const heading = parks.paras[0]?.replace(/^#### /, '') ?? '';
  const caption = '调研现场';
  const document = new Document({
    styles: { default: { document: { run: { size: 32 } } } },
    sections: [
      {
        footers: footer,
        children: [
          ...front('2021年第1期(总第20期)', '二〇二一年三月三十一日', [
            ['【工作动态】', 1, true],
            [survey.title, 1],
            ['【园区掠影】', 2, true],
            [parks.title, 2],
          ]),
          column('工作动态'),
          title(survey.title),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [run(survey.paras[0] ?? '', '楷体_GB2312', 32)] }),
          themed(survey.paras[1] ?? ''),
          themed(survey.paras[2] ?? ''),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [photo('p2.jpg', 400, 300)] }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [run(caption, '楷体_GB2312', 28)] }),
          column('园区掠影'),
          title(parks.title),
          new Paragraph({ indent: { firstLine: 640 }, children: [run(heading, '黑体', 32)] }),
          new Textbox({
            style: { width: '450pt', height: '300pt' },
            children: [
              new Paragraph({
                alignment: AlignmentType.JUSTIFIED,
                indent: { firstLine: 640 },
                children: [new TextRun({ text: parks.paras[1] ?? '', font: { eastAsia: themeBody }, size: 32 })],
              }),
            ],
          }),
        ],
      },
    ],
  });
  const expected = [
    '---',
    'series: 国家生态工业园区 工作动态',
    'publisher: 国家生态工业园区建设协调领导小组办公室',
    'year: 2021',
    'number: 1',
    'cumulativeNumber: 20',
    'date: 2021-03-31',
    '---',
    '',
    '## 工作动态',
    '',
    `### ${survey.title} {#p1 page=1}`,
    '',
    survey.paras[0],
    '',
    survey.paras[1],
    '',
    survey.paras[2],
    '',
    `![${caption}](2021-01/p1.jpg)`,
    '',
    '## 园区掠影',
    '',
    `### ${parks.title} {#p2 page=2}`,
    '',
    `#### ${heading}`,
    '',
    parks.paras[1],
    '',
  ].join('\n');
  const dir = join(fixtures, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'expected/2021/2021-01'), { recursive: true });
  writeFileSync(join(dir, `${name}.docx`), await withTheme(await Packer.toBuffer(document)));
  writeFileSync(join(dir, 'expected/2021/2021-01.md'), expected);
  copyFileSync(join(photos, 'p2.jpg'), join(dir, 'expected/2021/2021-01/p1.jpg'));
  for (const file of ['sections.yaml', 'parks.yaml'])
    copyFileSync(join(root, 'content', file), join(dir, 'expected', file));
  process.stdout.write(`${name}: written\n`);
}

await stylesFixture();
await directFixture();
