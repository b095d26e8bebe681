import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readDocxLayout } from '../../src/import/docx/read-docx.ts';

/**
 * What Word keeps outside a paragraph's own text and formatting, read back into it: automatic list
 * numbers (numbering.xml) written out as printed, theme fonts (theme1.xml) as faces, and character
 * styles (`w:rStyle`) under direct formatting.
 */
const w = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const a = 'http://schemas.openxmlformats.org/drawingml/2006/main';

const styles = `<?xml version="1.0"?><w:styles xmlns:w="${w}">
<w:docDefaults><w:rPrDefault><w:rPr>
  <w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia" w:hAnsiTheme="minorHAnsi"/><w:sz w:val="32"/>
</w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
  <w:rPr><w:rFonts w:eastAsiaTheme="majorEastAsia"/><w:b/><w:sz w:val="44"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>
  <w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>
<w:style w:type="character" w:styleId="Kai"><w:name w:val="Kai"/>
  <w:rPr><w:rFonts w:eastAsia="楷体_GB2312"/><w:sz w:val="28"/></w:rPr></w:style>
</w:styles>`;

const numbering = `<?xml version="1.0"?><w:numbering xmlns:w="${w}">
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/>
    <w:suff w:val="space"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="9"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%1）"/>
    <w:suff w:val="nothing"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
  <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>`;

const theme = `<?xml version="1.0"?><a:theme xmlns:a="${a}"><a:themeElements><a:fontScheme name="Office">
<a:majorFont><a:latin typeface="Calibri Light"/><a:ea typeface=""/><a:font script="Hans" typeface="黑体"/></a:majorFont>
<a:minorFont><a:latin typeface="Calibri"/><a:ea typeface="仿宋"/></a:minorFont>
</a:fontScheme></a:themeElements></a:theme>`;

async function docx(body: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    'word/document.xml',
    `<?xml version="1.0"?><w:document xmlns:w="${w}"><w:body>${body}</w:body></w:document>`,
  );
  zip.file('word/styles.xml', styles);
  zip.file('word/numbering.xml', numbering);
  zip.file('word/theme/theme1.xml', theme);
  return zip.generateAsync({ type: 'uint8array' });
}

const p = (props: string, runs: string) => `<w:p><w:pPr>${props}</w:pPr>${runs}</w:p>`;
const t = (text: string, props = '') => `<w:r><w:rPr>${props}</w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`;
const listed = (level: number, numId = 1) => `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${numId}"/></w:numPr>`;

async function texts(body: string): Promise<string[]> {
  const layout = await readDocxLayout(await docx(body));
  return layout.blocks.flatMap((block) => (block.kind === 'text' ? [block.text] : []));
}

describe('Word list numbers', () => {
  it('are written out as printed, counted per level, a deeper level starting again under each item', async () => {
    expect(
      await texts(
        [
          p(listed(0), t('总体情况')),
          p(listed(1), t('做优顶层设计')),
          p(listed(1), t('强化政策引导')),
          p(listed(2), t('第一条')),
          p(listed(2), t('第二条')),
          p(listed(0), t('下一步工作')),
          p(listed(1), t('又从一数起')),
          p('', t('没有编号的段落')),
        ].join(''),
      ),
    ).toEqual([
      '一、总体情况',
      '（一）做优顶层设计',
      '（二）强化政策引导',
      '1. 第一条',
      '2. 第二条',
      '二、下一步工作',
      '（一）又从一数起',
      '没有编号的段落',
    ]);
  });

  it('come from the paragraph style too, from its start value; numId 0 and bullets give no text', async () => {
    const items = Array.from({ length: 4 }, (_, i) => p('<w:pStyle w:val="Heading2"/>', t(`小标题${i}`)));
    expect(
      await texts(
        [
          ...items,
          p(`<w:pStyle w:val="Heading2"/>${listed(0, 0)}`, t('不编号')),
          p(listed(0, 3), t('项目符号')),
          p(listed(0, 99), t('没有的列表')),
        ].join(''),
      ),
    ).toEqual([
      '（九）小标题0',
      '（十）小标题1',
      '（十一）小标题2',
      '（十二）小标题3',
      '不编号',
      '项目符号',
      '没有的列表',
    ]);
  });
});

describe('Word fonts from the theme and from character styles', () => {
  it('reads a theme font as the theme’s face for Chinese, and a character style under direct formatting', async () => {
    const layout = await readDocxLayout(
      await docx(
        [
          p('<w:pStyle w:val="Heading1"/>', t('标题用主题的标题字体')),
          p('', t('正文用主题的正文字体，没有直接指定任何字体。')),
          p('', t('整段用字符样式的楷体。', '<w:rStyle w:val="Kai"/>')),
          p('', t('字符样式之上的直接格式优先。', '<w:rStyle w:val="Kai"/><w:rFonts w:eastAsia="黑体"/>')),
        ].join(''),
      ),
    );
    expect(layout.blocks.map((b) => (b.kind === 'text' ? [b.font, b.size, b.bold] : []))).toEqual([
      ['黑体', 44, true],
      ['仿宋', 32, false],
      ['楷体_GB2312', 28, false],
      ['黑体', 28, false],
    ]);
  });
});

describe('Word text boxes', () => {
  it('are read after the paragraph they are anchored in, once, with a warning', async () => {
    const box = (text: string) => `<w:txbxContent>${p('', t(text))}</w:txbxContent>`;
    const drawing =
      '<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">' +
      '<mc:Choice Requires="wps">' +
      `<w:drawing><wps:txbx xmlns:wps="wps">${box('框中的文字')}</wps:txbx></w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict><v:textbox xmlns:v="v">${box('框中的文字')}</v:textbox></w:pict></mc:Fallback>` +
      '</mc:AlternateContent></w:r>';
    const layout = await readDocxLayout(await docx([p('', `${t('锚定段落')}${drawing}`), p('', t('下一段'))].join('')));
    expect(layout.blocks.map((b) => (b.kind === 'text' ? b.text : b.kind))).toEqual([
      '锚定段落',
      '框中的文字',
      '下一段',
    ]);
    expect(layout.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^这个 Word 文件有 1 个文本框/)]);
  });
});
