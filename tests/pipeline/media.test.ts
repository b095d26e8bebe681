import { mkdirSync, symlinkSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/archive/load-archive.ts';
import { makeContentDir, masthead } from '../helpers/content.ts';
import { defined } from '../helpers/defined.ts';
import { avifHeader, gifHeader, jpegHeader, pdf, png, svg, webpHeader } from '../helpers/media-files.ts';

/** An issue `2018/2018-01.md` with one article whose body is `body`; line 13 is the body's first line. */
const issue = (body: string, fields: Record<string, string | number> = {}) =>
  `${masthead(fields)}## 工作动态\n\n### 甲 {#a page=1}\n\n${body}\n`;

/** Loads a content folder of `files` (the issue among them) as `npm run check` does, messages naming it `content`. */
async function check(files: Record<string, string | Uint8Array>, setUp?: (dir: string) => void) {
  const dir = makeContentDir(files);
  setUp?.(dir);
  const archive = await loadArchive(dir, 'content');
  return { archive, dir, found: archive.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.rule}`) };
}

const withPicture = (path: string, file?: string | Uint8Array, caption = '会场') => ({
  '2018/2018-01.md': issue(`![${caption}](${path})`),
  ...(file === undefined ? {} : { [`2018/2018-01/${path.split('/').at(-1) ?? ''}`]: file }),
});

describe('pictures', () => {
  it.each([
    ['a 1 × 1 PNG', png(1, 1), 'png', 1, 1],
    ['a JPEG', jpegHeader(1200, 800), 'jpeg', 1200, 800],
    ['a GIF', gifHeader(500, 300), 'gif', 500, 300],
    ['a WebP', webpHeader(800, 600), 'webp', 800, 600],
    ['an AVIF', avifHeader(1024, 768), 'avif', 1024, 768],
  ] as const)(
    'takes %s by its bytes, whatever its name, with its size from the header',
    async (_, bytes, format, w, h) => {
      const { archive } = await check(withPicture('2018-01/photo.bin', bytes));
      const picture = archive.issues[0]?.sections[0]?.articles[0]?.figures[0]?.pictures[0];
      expect(picture?.image).toMatchObject({ format, relativePath: '2018/2018-01/photo.bin', bytes: bytes.length });
      // A picture narrower than 400 px is taken, with a warning.
      expect(picture?.image?.width).toBe(w);
      expect(picture?.image?.height).toBe(h);
    },
  );

  it('gives a sideways JPEG the size it is shown at (EXIF orientation)', async () => {
    const { archive } = await check(withPicture('2018-01/a.jpg', jpegHeader(1200, 800, { orientation: 6 })));
    expect(archive.issues[0]?.sections[0]?.articles[0]?.figures[0]?.pictures[0]?.image).toMatchObject({
      width: 800,
      height: 1200,
    });
  });

  it('refuses a text file named .jpg, naming what it is not', async () => {
    const { found, archive } = await check(withPicture('2018-01/a.jpg', '这不是图片'));
    expect(found).toEqual(['13:1 error picture-format']);
    expect(archive.diagnostics[0]?.message).toContain('按文件内容判断');
    expect(archive.issues).toEqual([]);
  });

  it('refuses an SVG: it can carry script', async () => {
    const { found, archive } = await check(withPicture('2018-01/a.svg', svg));
    expect(found).toEqual(['13:1 error picture-format']);
    expect(archive.diagnostics[0]?.message).toContain('SVG');
  });

  it('refuses a PNG of a few bytes that claims 100,000 × 100,000 pixels, from its header', async () => {
    const bomb = png(100_000, 100_000, { declared: true });
    expect(bomb.length).toBeLessThan(200);
    const { found, archive } = await check(withPicture('2018-01/bomb.png', bomb));
    expect(found).toEqual(['13:1 error picture-too-large']);
    expect(archive.diagnostics[0]?.message).toContain('100000 × 100000');
  });

  it('refuses a picture over 20 MB by its size on disk, without reading it', async () => {
    const { found, archive } = await check(withPicture('2018-01/big.png', png(1000, 10)), (dir) =>
      truncateSync(join(dir, '2018/2018-01/big.png'), 21 * 1024 * 1024),
    );
    expect(found).toEqual(['13:1 error picture-too-large']);
    expect(archive.diagnostics[0]?.message).toContain('21.0 MB');
  });

  it('warns about a picture narrower than 400 px, and takes one of 400', async () => {
    expect((await check(withPicture('2018-01/a.png', png(399, 1)))).found).toEqual(['13:1 warning picture-narrow']);
    expect((await check(withPicture('2018-01/a.png', png(400, 1)))).found).toEqual([]);
  });

  it('warns about a picture with no caption', async () => {
    const { found, archive } = await check(withPicture('2018-01/a.png', png(400, 1), ''));
    expect(found).toEqual(['13:1 warning picture-caption']);
    expect(archive.issues[0]?.sections[0]?.articles[0]?.figures[0]).toMatchObject({ caption: '' });
  });

  it('names the folder it looked in for a picture that is not there', async () => {
    const { found, archive } = await check({
      '2018/2018-01.md': issue('![会场](2018-01/meeting.jpg)\n\n![现场](2018-02/site.jpg)'),
      '2018/2018-01/other.jpg': jpegHeader(800, 600),
    });
    expect(found).toEqual(['13:1 error picture-missing', '15:1 error picture-missing']);
    const [absent, noFolder] = archive.diagnostics.map((d) => d.message);
    expect(absent).toContain('content/2018/2018-01/ 中没有 meeting.jpg');
    expect(noFolder).toContain('文件夹 content/2018/2018-02/ 不存在');
    expect(`${archive.diagnostics[0]?.path}`).toBe('content/2018/2018-01.md');
  });

  it('reads a percent-encoded path as the file it names', async () => {
    const { found, archive } = await check({
      '2018/2018-01.md': issue('![会场](2018-01/%E4%BC%9A%E5%9C%BA.png)'),
      '2018/2018-01/会场.png': png(400, 1),
    });
    expect(found).toEqual([]);
    expect(archive.issues[0]?.sections[0]?.articles[0]?.figures[0]?.pictures[0]?.image?.relativePath).toBe(
      '2018/2018-01/会场.png',
    );
  });
});

describe('paths that leave the content folder', () => {
  it.each([
    ['../../etc/passwd', '用 .. 走出了内容目录'],
    ['2018-01/../../../etc/passwd', '用 .. 走出了内容目录'],
    ['/etc/passwd', '是绝对路径'],
    ['C:\\Windows\\win.ini', '是绝对路径'],
    ['\\\\server\\share\\a.jpg', '是绝对路径'],
  ])('refuses %s', async (path, why) => {
    const { found, archive } = await check({ '2018/2018-01.md': issue(`![图](${path.replace(/\\/g, '\\\\')})`) });
    expect(found).toEqual(['13:1 error media-outside']);
    expect(archive.diagnostics[0]?.message).toContain(why);
  });

  it('refuses a symlink that resolves outside, and follows one that stays inside', async () => {
    const outside = makeContentDir({ 'secret.png': png(400, 1) }, { withSectionTable: false });
    const { found, archive } = await check(
      {
        '2018/2018-01.md': issue('![外](2018-01/out.png)\n\n![内](2018-01/in.png)'),
        'photos/real.png': png(400, 1),
      },
      (dir) => {
        mkdirSync(join(dir, '2018/2018-01'));
        symlinkSync(join(outside, 'secret.png'), join(dir, '2018/2018-01/out.png'));
        symlinkSync('../../photos/real.png', join(dir, '2018/2018-01/in.png'));
      },
    );
    expect(found).toEqual(['13:1 error media-outside']);
    expect(archive.diagnostics[0]?.message).toContain('符号链接');
  });

  it('gives a picture behind a symlink inside the folder the resolved file to read', async () => {
    const { archive } = await check(
      { '2018/2018-01.md': issue('![内](2018-01/in.png)'), 'photos/real.png': png(400, 1) },
      (dir) => {
        mkdirSync(join(dir, '2018/2018-01'));
        symlinkSync('../../photos/real.png', join(dir, '2018/2018-01/in.png'));
      },
    );
    const image = defined(archive.issues[0]?.sections[0]?.articles[0]?.figures[0]?.pictures[0]?.image, 'the picture');
    expect(image.relativePath).toBe('2018/2018-01/in.png');
    expect(image.sourcePath.endsWith(join('photos', 'real.png'))).toBe(true);
    expect(image.sourcePath.startsWith('/')).toBe(true);
  });
});

describe('addresses', () => {
  it.each(['javascript:alert(1)', 'java\tscript:alert(1)', 'file:///etc/passwd', 'data:image/svg+xml;base64,PHN2Zz4='])(
    'refuses the scheme of %s',
    async (url) => {
      const { found } = await check({ '2018/2018-01.md': issue(`![图](<${url}>)`) });
      expect(found).toEqual(['13:1 error picture-scheme']);
    },
  );

  it.each(['https://example.com/a.jpg', 'http://example.com/a.jpg', '//example.com/a.jpg'])(
    'warns that %s is not archived, and keeps it as the address of a figure without a file',
    async (url) => {
      const { found, archive } = await check({ '2018/2018-01.md': issue(`![图](${url})`) });
      expect(found).toEqual(['13:1 warning picture-remote']);
      expect(archive.issues[0]?.sections[0]?.articles[0]?.figures).toEqual([
        { caption: '图', pictures: [{ src: url }] },
      ]);
    },
  );
});

describe('the original', () => {
  it('is found beside the issue file, with its size and pages', async () => {
    const file = pdf(3);
    const { found, archive } = await check({ '2018/2018-01.md': issue('正文。'), '2018/2018-01.pdf': file });
    expect(found).toEqual([]);
    const issueModel = defined(archive.issues[0], 'the issue');
    expect(issueModel.original).toMatchObject({ relativePath: '2018/2018-01.pdf', bytes: file.length, pages: 3 });
    expect(issueModel.original?.sourcePath.endsWith(join('2018', '2018-01.pdf'))).toBe(true);
    expect(issueModel.sections[0]?.articles[0]?.originalPage).toBe(1);
  });

  it('is named in the front matter, relative to the issue file, and no unknown field', async () => {
    const { found, archive } = await check({
      '2018/2018-01.md': issue('正文。', { original: '../originals/2018-1.pdf' }),
      'originals/2018-1.pdf': pdf(2),
    });
    expect(found).toEqual([]);
    expect(archive.issues[0]?.original).toMatchObject({ relativePath: 'originals/2018-1.pdf', pages: 2 });
  });

  it('is refused when it is not a PDF by its bytes', async () => {
    const { found, archive } = await check({ '2018/2018-01.md': issue('正文。'), '2018/2018-01.pdf': png(1, 1) });
    expect(found).toEqual(['1:1 error original-format']);
    expect(archive.diagnostics[0]?.message).toContain('content/2018/2018-01.pdf');
  });

  it('is refused when it starts as a PDF but cannot be read', async () => {
    const { found } = await check({ '2018/2018-01.md': issue('正文。'), '2018/2018-01.pdf': '%PDF-1.7\n乱码' });
    expect(found).toEqual(['1:1 error original-format']);
  });

  it('named but missing is an error at the field', async () => {
    const { found, archive } = await check({ '2018/2018-01.md': issue('正文。', { original: 'scan.pdf' }) });
    expect(found).toEqual(['8:11 error original-missing']);
    expect(archive.diagnostics[0]?.message).toContain('content/2018/ 中没有 scan.pdf');
  });

  it.each(['../../etc/passwd', '/etc/passwd', 'https://example.com/a.pdf'])(
    'named as %s is refused: it leaves the content folder',
    async (path) => {
      const { found } = await check({ '2018/2018-01.md': issue('正文。', { original: path }) });
      expect(found).toEqual(['8:11 error media-outside']);
    },
  );

  it('behind a symlink out of the content folder is refused', async () => {
    const outside = makeContentDir({ 'x.pdf': pdf(1) }, { withSectionTable: false });
    const { found } = await check({ '2018/2018-01.md': issue('正文。') }, (dir) =>
      symlinkSync(join(outside, 'x.pdf'), join(dir, '2018/2018-01.pdf')),
    );
    expect(found).toEqual(['1:1 error media-outside']);
  });
});

describe('the physical page in the original', () => {
  const twoArticles = (first: string, second: string, fields: Record<string, string | number> = {}) =>
    `${masthead(fields)}## 工作动态\n\n### 甲 ${first}\n\n正文。\n\n### 乙 ${second}\n\n正文。\n`;
  const pages = async (text: string, pdfPages = 9) => {
    const result = await check({ '2018/2018-01.md': text, '2018/2018-01.pdf': pdf(pdfPages) });
    return { ...result, pages: result.archive.issues[0]?.sections[0]?.articles.map((a) => [a.page, a.originalPage]) };
  };

  it('is the printed page when nothing is stated', async () => {
    expect((await pages(twoArticles('{page=1}', '{page=3}'))).pages).toEqual([
      [1, 1],
      [3, 3],
    ]);
  });

  it('is shifted by originalPageOffset (an unnumbered cover), and pdf=N overrides it', async () => {
    const { pages: found } = await pages(twoArticles('{page=1}', '{page=3 pdf=7}', { originalPageOffset: 1 }));
    expect(found).toEqual([
      [1, 2],
      [3, 7],
    ]);
  });

  it('must be a page of the PDF', async () => {
    const result = await pages(twoArticles('{page=1}', '{page=3}', { originalPageOffset: 1 }), 3);
    expect(result.found).toEqual(['16:7 error original-page']);
    expect(result.archive.diagnostics[0]?.message).toContain('原刊只有 3 页');
    expect((await pages(twoArticles('{page=1 pdf=0}', '{page=3}'))).found).toEqual(['11:7 error original-page']);
  });

  it('needs an original: pdf= and originalPageOffset without one are errors', async () => {
    const { found } = await check({
      '2018/2018-01.md': twoArticles('{page=1}', '{page=3 pdf=4}', { originalPageOffset: 1 }),
    });
    expect(found).toEqual(['8:21 error original-page', '16:7 error original-page']);
  });

  it('is absent from the model when the issue has no original', async () => {
    const { archive } = await check({ '2018/2018-01.md': twoArticles('{page=1}', '{page=3}') });
    expect(archive.issues[0]?.sections[0]?.articles.map((a) => a.originalPage)).toEqual([undefined, undefined]);
    expect(archive.issues[0]?.original).toBeUndefined();
  });

  it('reports an offset that is no whole number at the field', async () => {
    const { found } = await check({
      '2018/2018-01.md': twoArticles('{page=1}', '{page=3}', { originalPageOffset: '一' }),
    });
    expect(found).toEqual(['8:21 error front-matter-field']);
  });
});

describe('figures in the model', () => {
  it('are the body’s figures in order, caption-only ones included', async () => {
    const { archive } = await check({
      '2018/2018-01.md': issue('![甲图](2018-01/a.png)\n\n图：乙图\n\n![丙图](https://example.com/c.jpg)'),
      '2018/2018-01/a.png': png(640, 480),
    });
    const article = defined(archive.issues[0]?.sections[0]?.articles[0], 'the article');
    const inBody = article.body.children.flatMap((node) =>
      node.type === 'element' && node.tagName === 'figure' ? [node] : [],
    );
    expect(inBody).toHaveLength(article.figures.length);
    expect(article.figures.map((f) => [f.caption, f.pictures[0]?.image?.width])).toEqual([
      ['甲图', 640],
      ['乙图', undefined],
      ['丙图', undefined],
    ]);
  });
});

describe('a figure with several pictures under one caption', () => {
  const files = (body: string, names = ['a.png', 'b.png', 'c.png']) => ({
    '2018/2018-01.md': issue(body),
    ...Object.fromEntries(names.map((name, i) => [`2018/2018-01/${name}`, png(400 + 100 * i, 300)])),
  });
  const figuresOf = (archive: Awaited<ReturnType<typeof check>>['archive']) =>
    defined(archive.issues[0]?.sections[0]?.articles[0], 'the article').figures;

  it('is one picture when the paragraph holds one image', async () => {
    const { found, archive } = await check(files('![会场](2018-01/a.png)'));
    expect(found).toEqual([]);
    expect(figuresOf(archive).map((f) => [f.caption, f.pictures.map((p) => [p.src, p.image?.width])])).toEqual([
      ['会场', [['2018-01/a.png', 400]]],
    ]);
  });

  it('takes two images separated by a space as one figure, the caption from the first', async () => {
    const { found, archive } = await check(files('![两位代表交流经验](2018-01/a.png) ![](2018-01/b.png)'));
    expect(found).toEqual([]);
    const [figure, ...others] = figuresOf(archive);
    expect(others).toEqual([]);
    expect(figure?.caption).toBe('两位代表交流经验');
    expect(figure?.pictures.map((p) => [p.src, p.alt, p.image?.relativePath, p.image?.width])).toEqual([
      ['2018-01/a.png', undefined, '2018/2018-01/a.png', 400],
      ['2018-01/b.png', undefined, '2018/2018-01/b.png', 500],
    ]);
    // The caption is a line of the text once, not once per picture.
    expect(archive.issues[0]?.sections[0]?.articles[0]?.text).toBe('两位代表交流经验');
  });

  it('takes three images on lines of their own (a soft line break) as one figure, in order', async () => {
    const { found, archive } = await check(files('![会场](2018-01/a.png)\n![](2018-01/b.png)\n![](2018-01/c.png)'));
    expect(found).toEqual([]);
    expect(figuresOf(archive).map((f) => f.pictures.map((p) => p.image?.width))).toEqual([[400, 500, 600]]);
  });

  it('gives a later picture its own text as its description, free to differ from the caption', async () => {
    const { found, archive } = await check(files('![会场](2018-01/a.png) ![主席台](2018-01/b.png) ![](2018-01/c.png)'));
    expect(found).toEqual([]);
    expect(figuresOf(archive)[0]?.pictures.map((p) => p.alt)).toEqual([undefined, '主席台', undefined]);
  });

  it('checks every picture at its own place: a missing second one is picture-missing at its line:column', async () => {
    const { found, archive } = await check(files('![会场](2018-01/a.png)\n![](2018-01/b.png)', ['a.png']));
    expect(found).toEqual(['14:1 error picture-missing']);
    expect(archive.diagnostics[0]?.message).toContain('content/2018/2018-01/ 中没有 b.png');
    const beside = await check(files('![会场](2018-01/a.png) ![](2018-01/b.png)', ['a.png']));
    expect(beside.found).toEqual(['13:22 error picture-missing']);
  });

  it('checks each picture’s format, size and place like a lone one’s', async () => {
    const { found } = await check({
      '2018/2018-01.md': issue(
        '![会场](2018-01/a.png) ![](2018-01/narrow.png) ![](2018-01/text.jpg) ![](../../etc/passwd) ' +
          '![](https://example.com/x.jpg)',
      ),
      '2018/2018-01/a.png': png(400, 300),
      '2018/2018-01/narrow.png': png(300, 300),
      '2018/2018-01/text.jpg': '不是图片',
    });
    expect(found).toEqual([
      '13:22 warning picture-narrow',
      '13:46 error picture-format',
      '13:68 error media-outside',
      '13:90 warning picture-remote',
    ]);
  });

  it('refuses a later picture’s script address and oversized file at their own places', async () => {
    const { found } = await check({
      '2018/2018-01.md': issue('![会场](2018-01/a.png)\n![](<javascript:alert(1)>)\n![](2018-01/huge.png)'),
      '2018/2018-01/a.png': png(400, 300),
      '2018/2018-01/huge.png': png(100_000, 100_000, { declared: true }),
    });
    expect(found).toEqual(['14:1 error picture-scheme', '15:1 error picture-too-large']);
  });

  it('asks for a caption on the first picture only', async () => {
    const { found } = await check(files('![](2018-01/a.png) ![](2018-01/b.png)'));
    expect(found).toEqual(['13:1 warning picture-caption']);
  });

  it('keeps a picture among text out of figures, and says it will not be shown', async () => {
    const { found, archive } = await check(files('会议现场 ![会场](2018-01/a.png) 如图。'));
    expect(found).toEqual(['13:6 error picture-in-text']);
    expect(archive.diagnostics[0]?.message).toContain('请把图片单独成段');
    const linked = await check(files('[![会场](2018-01/a.png)](https://example.com/)'));
    expect(linked.found).toEqual(['13:2 error picture-in-text']);
    // A picture on another site is shown from there, in text too: only the remote warning.
    const remote = await check(files('会议现场 ![会场](https://example.com/a.png) 如图。'));
    expect(remote.found).toEqual(['13:6 warning picture-remote']);
  });
});
