import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { docxLines } from '../../src/import/docx/block-lines.ts';
import { readDocxLayout } from '../../src/import/docx/read-docx.ts';

/**
 * The Word reader on documents built here from nothing: what a paragraph's look is made of
 * (document defaults, a style along its `basedOn` chain, direct formatting over both), and the
 * layout hints the structure steps get from it.
 */
const w = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const r = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const styles = `<?xml version="1.0"?><w:styles xmlns:w="${w}">
<w:docDefaults><w:rPrDefault>
  <w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr>
</w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal">
  <w:name w:val="Normal"/><w:pPr><w:jc w:val="both"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Big"><w:name w:val="Big"/><w:basedOn w:val="Normal"/>
  <w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:rFonts w:eastAsia="方正小标宋简体"/><w:sz w:val="44"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Bigger">
  <w:name w:val="Bigger"/><w:basedOn w:val="Big"/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/></w:style>
</w:styles>`;

async function docx(body: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    'word/document.xml',
    `<?xml version="1.0"?><w:document xmlns:w="${w}" xmlns:r="${r}"><w:body>${body}</w:body></w:document>`,
  );
  zip.file('word/styles.xml', styles);
  return zip.generateAsync({ type: 'uint8array' });
}

const p = (props: string, runs: string) => `<w:p><w:pPr>${props}</w:pPr>${runs}</w:p>`;
const t = (text: string, props = '') => `<w:r><w:rPr>${props}</w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`;
const body = '这是正文的一段，它以句号结束，字数足够多，可以看出它的字号和字体是正文的字号和字体。';

describe('the Word reader', () => {
  it('gives a paragraph its look: defaults, its style along basedOn, then direct formatting', async () => {
    const layout = await readDocxLayout(
      await docx(
        [
          p('<w:pStyle w:val="Bigger"/>', t('标题由样式设定')),
          p('<w:pStyle w:val="Big"/><w:jc w:val="left"/>', t('直接格式改了对齐', '<w:sz w:val="30"/>')),
          p('', t(body)),
          p('', `${t('正文中间有几个')}${t('粗字', '<w:b/>')}`),
        ].join(''),
      ),
    );
    expect(layout.blocks).toEqual([
      {
        kind: 'text',
        text: '标题由样式设定',
        breaks: 1,
        align: 'centre',
        size: 44,
        font: '方正小标宋简体',
        bold: true,
        style: 'Bigger',
      },
      {
        kind: 'text',
        text: '直接格式改了对齐',
        breaks: 1,
        align: 'left',
        size: 30,
        font: '方正小标宋简体',
        bold: false,
        style: 'Big',
      },
      {
        kind: 'text',
        text: body,
        breaks: 1,
        align: 'justified',
        size: 32,
        font: '仿宋_GB2312',
        bold: false,
        style: 'Normal',
      },
      {
        kind: 'text',
        text: '正文中间有几个粗字',
        breaks: 1,
        align: 'justified',
        size: 32,
        font: '仿宋_GB2312',
        bold: false,
        style: 'Normal',
      },
    ]);
    expect(layout.warnings).toEqual([]);
  });

  it('gives size rank, face and alignment; a hand-made break in a title is only layout', async () => {
    const { lines } = docxLines(
      await readDocxLayout(
        await docx(
          [
            p('<w:pStyle w:val="Big"/>', `${t('长标题的上一行')}<w:r><w:br/></w:r>${t('和下一行')}`),
            p('', t(body)),
            p('', t('（一）黑体的小标题', '<w:rFonts w:eastAsia="黑体"/>')),
            p('<w:pStyle w:val="Heading2"/>', t('标题样式的小标题')),
            p('<w:jc w:val="center"/>', t('居中的小字', '<w:sz w:val="24"/>')),
          ].join(''),
        ),
      ),
    );
    const texts = lines.filter((line) => line.text !== '');
    expect(texts.map((line) => [line.text, line.layout?.sizeRank, line.layout?.face, line.layout?.align])).toEqual([
      ['长标题的上一行和下一行', 'title', 'heading', 'centre'],
      [body, 'body', 'body', 'justified'],
      ['（一）黑体的小标题', 'body', 'heading', 'justified'],
      ['标题样式的小标题', 'body', 'heading', 'justified'],
      ['居中的小字', 'smaller', 'body', 'centre'],
    ]);
    expect(texts[0]?.layout?.lines).toBe(2);
    // A body paragraph wider than the page's text width fills more than one line.
    expect(texts[1]?.layout?.lines).toBeGreaterThan(1);
  });

  it('pairs a picture with the short centred paragraph above it when none follows', async () => {
    const zip = new JSZip();
    const picture =
      '<w:p><w:r><w:drawing>' +
      '<a:blip xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" r:embed="rId1"/>' +
      '</w:drawing></w:r></w:p>';
    zip.file(
      'word/document.xml',
      `<?xml version="1.0"?><w:document xmlns:w="${w}" xmlns:r="${r}"><w:body>` +
        `${p('<w:jc w:val="center"/>', t('图1 上方的说明', '<w:sz w:val="26"/>'))}${picture}${p('', t(body))}` +
        '</w:body></w:document>',
    );
    zip.file('word/styles.xml', styles);
    zip.file(
      'word/_rels/document.xml.rels',
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="${r}/image" Target="media/a.png"/></Relationships>`,
    );
    zip.file(
      'word/media/a.png',
      Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
        'base64',
      ),
    );
    const { lines, pictures } = docxLines(await readDocxLayout(await zip.generateAsync({ type: 'uint8array' })));
    expect(pictures.map((group) => group.pictures.map((picture) => picture.name))).toEqual([['p1.png']]);
    expect(lines.find((line) => line.text === '图1 上方的说明')?.layout?.caption).toEqual({
      pictures: ['p1.png'],
      distant: false,
    });
  });
});
