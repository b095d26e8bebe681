import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WordImportError } from '../../src/core/errors.ts';
import { importDocx } from '../../src/import/import-docx.ts';
import type { ImportedIssue } from '../../src/import/imported-issue.ts';
import { makeContentDir, repoRoot } from '../helpers/content.ts';
import { table } from './helpers.ts';
import { runRealImport } from './imported-model.ts';

/**
 * Word files built to do harm or to carry what the import must not take (issue 15): each is made
 * here with jszip from the seed fixture on tiny inputs, and each gives a clear Chinese message in
 * bounded time, with nothing run, fetched or written. Also what a .docx holds besides its body
 * text (footers, footnotes, comments, tracked changes, tables of photos, pictures of formats no
 * browser shows).
 */
const seedDocx = readFileSync(join(repoRoot, 'tests/fixtures/docx-import/seed-2018-01/bulletin-2018-01.docx'));

async function seedZip(): Promise<JSZip> {
  return JSZip.loadAsync(seedDocx);
}

async function bytesOf(zip: JSZip): Promise<Uint8Array> {
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** The seed with its document.xml changed. */
async function withDocument(change: (xml: string) => string, more?: (zip: JSZip) => void): Promise<Uint8Array> {
  const zip = await seedZip();
  const xml = await zip.file('word/document.xml')?.async('string');
  zip.file('word/document.xml', change(xml ?? ''));
  more?.(zip);
  return bytesOf(zip);
}

/** Namespaces the inserted XML uses beyond those the seed's document declares. */
const ns = {
  types: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  package: 'http://schemas.openxmlformats.org/package/2006/relationships',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  pic: 'http://schemas.openxmlformats.org/drawingml/2006/picture',
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
};

/** A centred paragraph showing one picture, embedded (`r:embed`) or linked (`r:link`). */
const pictureParagraph = (attribute: 'r:embed' | 'r:link', id: string) =>
  [
    '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:drawing><wp:inline>',
    `<a:graphic xmlns:a="${ns.a}"><a:graphicData><pic:pic xmlns:pic="${ns.pic}">`,
    `<pic:blipFill><a:blip ${attribute}="${id}"/></pic:blipFill>`,
    '</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>',
  ].join('');

const relationship = (id: string, type: string, target: string, external = false) =>
  `<Relationship Id="${id}" Type="${ns.types}/${type}" Target="${target}"${external ? ' TargetMode="External"' : ''}/>`;

/** Adds relationships to the document's. */
function addRelationships(zip: JSZip, rels: string, xml: string): void {
  zip.file('word/_rels/document.xml.rels', xml.replace('</Relationships>', `${rels}</Relationships>`));
}

async function documentRels(): Promise<string> {
  return (await (await seedZip()).file('word/_rels/document.xml.rels')?.async('string')) ?? '';
}

/** A paragraph of body text, set as the seed's body is. */
const bodyParagraph = (inner: string) => `<w:p><w:pPr><w:jc w:val="both"/></w:pPr>${inner}</w:p>`;
const run = (text: string) =>
  '<w:r><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="30"/></w:rPr>' +
  `<w:t xml:space="preserve">${text}</w:t></w:r>`;

/** Inserted after the first paragraph of the first article's body. */
const firstBodyText =
  '组织召开了泰州医药高新技术产业开发区国家生态工业园区建设规划（以下简称“规划”）论证会。</w:t></w:r></w:p>';
const insertAfterFirstParagraph = (xml: string, inserted: string) => {
  const at = xml.indexOf(firstBodyText);
  if (at === -1) throw new Error('the seed changed: its first paragraph is not where the test looks');
  return xml.slice(0, at + firstBodyText.length) + inserted + xml.slice(at + firstBodyText.length);
};

/** The declared uncompressed size of an entry, patched in its local header and its central directory record. */
function patchDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const bytes = Buffer.from(zip);
  const encoded = Buffer.from(name);
  for (let at = 0; at + 4 <= bytes.length; at++) {
    const signature = bytes.readUInt32LE(at);
    if (signature === 0x04034b50 && bytes.subarray(at + 30, at + 30 + encoded.length).equals(encoded))
      bytes.writeUInt32LE(size, at + 22);
    if (signature === 0x02014b50 && bytes.subarray(at + 46, at + 46 + encoded.length).equals(encoded))
      bytes.writeUInt32LE(size, at + 24);
  }
  return new Uint8Array(bytes);
}

async function imported(bytes: Uint8Array): Promise<ImportedIssue & { markdown: string }> {
  const result = await importDocx('原稿.docx', bytes, table);
  if (result.markdown === undefined) throw new Error(`no issue: ${JSON.stringify(result.diagnostics)}`);
  return { ...result, markdown: result.markdown };
}

async function refused(bytes: Uint8Array): Promise<string> {
  const started = performance.now();
  const error: unknown = await importDocx('原稿.docx', bytes, table).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WordImportError);
  expect(performance.now() - started).toBeLessThan(5000);
  return (error as WordImportError).message;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a hostile Word file', () => {
  it('is refused when the zip is damaged: truncated, its central directory garbled, or only a zip header', async () => {
    for (const bytes of [
      seedDocx.subarray(0, seedDocx.length / 2),
      Buffer.concat([seedDocx.subarray(0, seedDocx.length - 40), Buffer.alloc(40, 0x55)]),
      Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(26), Buffer.from('word/document.xml')]),
    ])
      expect(await refused(new Uint8Array(bytes))).toMatch(/^这个 Word 文件已损坏，无法打开/);
  });

  it('is refused before inflating when its entries declare more than 200 MB (a zip bomb)', async () => {
    const zip = await seedZip();
    zip.file('word/media/bomb.bin', Buffer.alloc(1000));
    const bomb = patchDeclaredSize(await bytesOf(zip), 'word/media/bomb.bin', 0xfffffff0);
    expect(await refused(bomb)).toMatch(/解压后有 4097 MB，超过导入的上限 200 MB，可能是“压缩炸弹”/);
  });

  it('stops inflating an entry the moment it expands past what it declared (a zip bomb that lies)', async () => {
    const zip = await seedZip();
    // 8 MB of zeros deflate to a few KB; declared as 1 KB, the running count stops it at the first chunk past that.
    zip.file('word/media/image1.jpg', Buffer.alloc(8 * 1024 * 1024));
    const bomb = patchDeclaredSize(await bytesOf(zip), 'word/media/image1.jpg', 1024);
    expect(bomb.length).toBeLessThan(200_000);
    expect(await refused(bomb)).toMatch(/解压后比它声明的大小更大，可能是“压缩炸弹”/);
  });

  it('is refused when an XML part declares entities (a DOCTYPE), which Word never writes', async () => {
    const bytes = await withDocument((xml) =>
      xml.replace(
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>",
        '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>',
      ),
    );
    expect(await refused(bytes)).toMatch(/word\/document\.xml 含有 DOCTYPE 声明/);
  });

  it('writes nothing when refused through npm run import, with one message', async () => {
    const dir = makeContentDir({ '炸弹.docx': seedDocx.subarray(0, 2000) });
    const { code, stderr } = await runRealImport(dir, ['炸弹.docx']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^炸弹\.docx:1:1 {2}error {2}这个 Word 文件已损坏.* {2}\(import-word\)\n$/);
  });

  it('tells a password-protected .docx from an old .doc or WPS file (compound files), each with its fix', async () => {
    // The compound file's signature, then a directory naming its streams in UTF-16 (what matters here).
    const compound = (stream: string) =>
      Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(504),
        Buffer.from(stream, 'utf16le'),
        Buffer.alloc(64),
      ]);
    for (const [name, bytes, message] of [
      ['加密.docx', compound('EncryptedPackage'), /^加密\.docx:1:1 {2}error {2}这个 Word 文件设有密码/],
      ['旧版.doc', compound('WordDocument'), /^旧版\.doc:1:1 {2}error {2}这是旧版 Word（\.doc）或 WPS 格式的文件/],
    ] as const) {
      const dir = makeContentDir({ [name]: bytes });
      const { code, stderr } = await runRealImport(dir, [name]);
      expect(code).toBe(1);
      expect(stderr).toMatch(message);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('as a .docm with macros imports its text, never runs them, and says so', async () => {
    const zip = await seedZip();
    zip.file('word/vbaProject.bin', Buffer.from('Attribute VB_Name = "AutoOpen"\nShell "calc.exe"'));
    const result = await imported(await bytesOf(zip));
    expect(result.markdown).toContain('### 泰州医药高新技术产业开发区国家生态工业园区建设规划论证会在苏召开');
    const warning = result.diagnostics.find((d) => d.rule === 'import-word-file');
    expect(warning?.message).toMatch(/含有宏.*宏不会被运行/);
    expect(warning?.line).toBe(1);
  });

  it('never fetches what it links to (a picture, a template on a server), and says so', async () => {
    const fetched = vi.spyOn(globalThis, 'fetch');
    const rels = await documentRels();
    const bytes = await withDocument(
      (xml) => insertAfterFirstParagraph(xml, pictureParagraph('r:link', 'rIdLinked')),
      (zip) => {
        addRelationships(zip, relationship('rIdLinked', 'image', 'http://example.invalid/photo.jpg', true), rels);
        zip.file(
          'word/_rels/settings.xml.rels',
          `<?xml version="1.0"?><Relationships xmlns="${ns.package}">` +
            `${relationship('rId1', 'attachedTemplate', 'https://example.invalid/t.dotm', true)}</Relationships>`,
        );
      },
    );
    const result = await imported(bytes);
    expect(fetched).not.toHaveBeenCalled();
    const messages = result.diagnostics.map((d) => `${d.rule}: ${d.message}`).join('\n');
    expect(messages).toContain(
      '链接了文件之外的内容（http://example.invalid/photo.jpg、https://example.invalid/t.dotm）',
    );
    expect(messages).toMatch(/import-word-file: .*链接了文件之外的内容.*不会读取或下载/);
    expect(messages).toMatch(/import-word-picture: 这张图片是链接到 Word 文件之外的/);
    expect(result.pictures.map((p) => p.name)).toEqual(['p1.jpg', 'p2.jpg']);
  });

  it('skips an embedded OLE object, and says so', async () => {
    const bytes = await withDocument(
      (xml) =>
        insertAfterFirstParagraph(
          xml,
          bodyParagraph(
            `${run('附表见下。')}<w:r><w:object>` +
              '<v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:imagedata r:id="rId10"/></v:shape>' +
              '<o:OLEObject xmlns:o="urn:schemas-microsoft-com:office:office" ProgID="Excel.Sheet.12" r:id="rIdOle"/>' +
              '</w:object></w:r>',
          ),
        ),
      (zip) => zip.file('word/embeddings/oleObject1.bin', Buffer.from('not run')),
    );
    const result = await imported(bytes);
    expect(result.markdown).toContain('\n附表见下。\n');
    expect(result.diagnostics.find((d) => d.rule === 'import-word-file')?.message).toMatch(
      /嵌入了 1 个对象（OLE.*没有导入，也没有打开或运行/,
    );
    expect(result.pictures).toHaveLength(2);
  });
});

describe('what a Word file holds besides its body text', () => {
  it('never lets headers, footers, footnotes or comments into the text', async () => {
    const rels = await documentRels();
    const bytes = await withDocument(
      (xml) =>
        insertAfterFirstParagraph(
          xml,
          bodyParagraph(
            `<w:commentRangeStart w:id="0"/>${run('会议强调了园区建设的重要性。')}<w:commentRangeEnd w:id="0"/>` +
              '<w:r><w:commentReference w:id="0"/></w:r><w:r><w:footnoteReference w:id="1"/></w:r>',
          ),
        ).replace('<w:footerReference', '<w:headerReference w:type="default" r:id="rIdHeader"/><w:footerReference'),
      (zip) => {
        const part = (root: string, text: string) =>
          `<?xml version="1.0"?><w:${root} xmlns:w="${ns.w}"><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:${root}>`;
        zip.file('word/header1.xml', part('hdr', '页眉文字不应出现'));
        zip.file('word/footnotes.xml', part('footnotes', '脚注文字不应出现'));
        zip.file('word/comments.xml', part('comments', '批注文字不应出现'));
        addRelationships(zip, relationship('rIdHeader', 'header', 'header1.xml'), rels);
      },
    );
    const result = await imported(bytes);
    expect(result.markdown).toContain('\n会议强调了园区建设的重要性。\n');
    expect(result.markdown).not.toMatch(/不应出现|- \d+ -/);
    expect(result.diagnostics.map((d) => d.rule)).toEqual(['import-title-differs']);
  });

  it('takes tracked changes as accepted, and says so', async () => {
    const bytes = await withDocument((xml) =>
      insertAfterFirstParagraph(
        xml,
        bodyParagraph(
          `${run('会议')}<w:del w:id="1" w:author="a"><w:r><w:delText>没有</w:delText></w:r></w:del>` +
            `<w:ins w:id="2" w:author="a">${run('充分')}</w:ins>${run('讨论了规划。')}`,
        ),
      ),
    );
    const result = await imported(bytes);
    expect(result.markdown).toContain('\n会议充分讨论了规划。\n');
    expect(result.diagnostics.find((d) => d.rule === 'import-word-file')?.message).toMatch(
      /2 处未处理的修订.*接受全部修订/,
    );
  });

  it('imports photos side by side in a table as one figure of several pictures, with the caption below', async () => {
    const picture = (id: string) => pictureParagraph('r:embed', id);
    const caption =
      '<w:p><w:pPr><w:jc w:val="center"/></w:pPr>' +
      '<w:r><w:rPr><w:rFonts w:eastAsia="楷体_GB2312"/><w:sz w:val="26"/></w:rPr><w:t>专家组现场考察</w:t></w:r></w:p>';
    const bytes = await withDocument((xml) =>
      insertAfterFirstParagraph(
        xml,
        `<w:tbl><w:tr><w:tc>${picture('rId10')}</w:tc><w:tc>${picture('rId11')}</w:tc></w:tr></w:tbl>${caption}`,
      ),
    );
    const result = await imported(bytes);
    expect(result.markdown).toContain(
      '\n![专家组现场考察](2018-01/p1.jpg) ![](2018-01/p2.jpg)\n\n![泰州医药高新技术产业开发区国家生态工业园区建设规划会](2018-01/p3.jpg)\n',
    );
    expect(result.pictures.map((p) => p.name)).toEqual(['p1.jpg', 'p2.jpg', 'p3.jpg', 'p4.jpg']);
    expect(Buffer.from(result.pictures[1]?.bytes ?? []).equals(Buffer.from(result.pictures[3]?.bytes ?? []))).toBe(
      true,
    );
  });

  it('keeps a PNG as PNG, and does not write an EMF picture: it needs replacing', async () => {
    const zip = await seedZip();
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    zip.file('word/media/image1.jpg', png);
    zip.file('word/media/image2.jpg', Buffer.concat([Buffer.from([1, 0, 0, 0, 0x6c, 0, 0, 0]), Buffer.alloc(100)]));
    const result = await imported(await bytesOf(zip));
    expect(result.pictures.map((p) => p.name)).toEqual(['p1.png']);
    expect(Buffer.from(result.pictures[0]?.bytes ?? []).equals(png)).toBe(true);
    expect(result.markdown).toContain('\n![泰州医药高新技术产业开发区国家生态工业园区建设规划会](2018-01/p1.png)\n');
    expect(result.markdown).toContain('\n图：调研现场\n');
    const emf = result.diagnostics.find((d) => d.rule === 'import-word-picture');
    expect(emf?.message).toMatch(/EMF 格式，网页不能直接显示，没有导入。请换成 JPEG 或 PNG/);
    expect(result.markdown?.split('\n')[(emf?.line ?? 0) - 1]).toBe('图：调研现场');
  });
});
