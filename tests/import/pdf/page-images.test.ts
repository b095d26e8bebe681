import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { encodeJpeg, paintedImages } from '../../../src/import/pdf/page-images.ts';
import { readPdfLayout, type PictureBlock } from '../../../src/import/pdf/read-pdf.ts';
import type { Ops } from '../../../src/import/pdf/text-runs.ts';
import { firstExtra, imageObject, makePdf, text } from './make-pdf.ts';

const red = imageObject(60, 40, '/DeviceRGB', 8, 'ff0000'.repeat(60 * 40));
// 16×8 one bit per pixel: top half black, bottom half white (a set bit is white in DeviceGray).
const halves = imageObject(16, 8, '/DeviceGray', 1, '0000'.repeat(4) + 'ffff'.repeat(4));
const form =
  '<< /Type /XObject /Subtype /Form /BBox [0 0 500 500] /Matrix [1 0 0 1 100 100] ' +
  `/Resources << /XObject << /Im2 ${firstExtra + 1} 0 R >> >> /Length 33 >>\n` +
  'stream\nq 100 0 0 50 0 0 cm /Im2 Do Q\nendstream';

const content = [
  text('F1', 12, 72, 780, '(Pictures) Tj'),
  'q 200 0 0 100 100 500 cm /Im1 Do Q', // a photo: 100–300 across, 242–342 down
  'q 10 0 0 10 50 50 cm /Im1 Do Q', // an icon
  'q 400 0 0 3 100 400 cm /Im1 Do Q', // a rule
  'q /Fm1 Do Q', // the 1-bit image inside a form moved by its /Matrix
  `q 100 0 0 100 300 300 cm BI /W 4 /H 4 /CS /RGB /BPC 8 /F /AHx ID ${'0000ff'.repeat(16)}> EI Q`,
].join('\n');

describe('pictures from a hand-made PDF', () => {
  it('finds each painted image with its box, skips icons and rules, and encodes JPEGs', async () => {
    const layout = await readPdfLayout(
      makePdf({
        pages: [{ content, xobjects: `/Im1 ${firstExtra} 0 R /Im2 ${firstExtra + 1} 0 R /Fm1 ${firstExtra + 2} 0 R` }],
        objects: [red, halves, form],
      }),
    );
    const pictures = layout.blocks.filter((block): block is PictureBlock => block.kind === 'picture');
    const round = (box: PictureBlock['bbox']) => Object.values(box).map(Math.round);
    expect(pictures.map((picture) => [round(picture.bbox), picture.width, picture.height, picture.source])).toEqual([
      [[100, 242, 300, 342], 60, 40, 'encoded'],
      [[300, 442, 400, 542], 4, 4, 'encoded'],
      [[100, 692, 200, 742], 16, 8, 'encoded'],
    ]);
    const [photo, inline, bits] = await Promise.all(
      pictures.map((picture) => sharp(picture.jpeg).raw().toBuffer({ resolveWithObject: true })),
    );
    expect([...(photo?.data.subarray(0, 3) ?? [])].map((v) => Math.round(v / 16))).toEqual(
      [16, 0, 0].map((v) => Math.min(v, 15) + (v ? 1 : 0)),
    );
    expect(inline?.info).toMatchObject({ width: 4, height: 4 });
    expect(bits?.data[0]).toBeLessThan(40); // top-left is black
    expect(bits?.data[bits.data.length - 1]).toBeGreaterThan(215); // bottom-right is white
    expect(layout.warnings).toEqual([]);
  });

  it('skips an image above the pixel limit, with a warning', async () => {
    const layout = await readPdfLayout(
      makePdf({
        pages: [{ content, xobjects: `/Im1 ${firstExtra} 0 R /Im2 ${firstExtra + 1} 0 R /Fm1 ${firstExtra + 2} 0 R` }],
        objects: [red, halves, form],
      }),
      // Above the limit but within pdf.js's own cap (twice it), so the image reaches us to be refused.
      { limits: { maxImagePixels: 2000 } },
    );
    expect(layout.blocks.filter((block) => block.kind === 'picture')).toHaveLength(2);
    expect(layout.warnings).toEqual([
      { page: 1, message: expect.stringMatching(/^第 1 页有一张 60×40 像素的图片超过了像素上限/) },
    ]);
  });
});

describe('encodeJpeg', () => {
  it('flattens transparency on white', async () => {
    const jpeg = await encodeJpeg({
      width: 2,
      height: 1,
      kind: 3,
      data: new Uint8ClampedArray([0, 0, 0, 0, 0, 0, 0, 255]),
    });
    const { data } = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(200);
    expect(data[3]).toBeLessThan(60);
  });
});

describe('paintedImages', () => {
  const ops: Ops = {
    save: 1,
    restore: 2,
    setTextRenderingMode: 3,
    showText: 4,
    showSpacedText: 5,
    transform: 6,
    paintFormXObjectBegin: 7,
    paintFormXObjectEnd: 8,
    paintImageXObject: 9,
    paintInlineImageXObject: 10,
    paintImageXObjectRepeat: 11,
  };
  it('composes the CTM through saves, forms and repeats', () => {
    const painted = paintedImages(
      {
        fnArray: [1, 6, 7, 9, 8, 11, 2, 9],
        argsArray: [
          null,
          [2, 0, 0, 2, 10, 10],
          [[1, 0, 0, 1, 5, 5], null],
          ['img_a', 3, 4],
          null,
          ['img_b', 7, 8, [0, 0, 20, 30]],
          null,
          ['img_c', 1, 1],
        ],
      },
      ops,
    );
    expect(painted.map((paint) => [paint.source, paint.ctm])).toEqual([
      ['img_a', [2, 0, 0, 2, 20, 20]],
      ['img_b', [14, 0, 0, 16, 10, 10]],
      ['img_b', [14, 0, 0, 16, 50, 70]],
      ['img_c', [1, 0, 0, 1, 0, 0]],
    ]);
  });
});

describe('original JPEGs', () => {
  const jpegObject = (jpeg: Buffer, extra = '') =>
    `<< /Type /XObject /Subtype /Image /Width 40 /Height 30 /ColorSpace /DeviceRGB /BitsPerComponent 8 ` +
    `/Filter /DCTDecode ${extra}/Length ${jpeg.length} >>\nstream\n${jpeg.toString('latin1')}\nendstream`;

  it('hands over a plain /DCTDecode image byte for byte, and re-encodes one a /Decode array inverts', async () => {
    const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3366cc' } })
      .jpeg()
      .toBuffer();
    const layout = await readPdfLayout(
      makePdf({
        pages: [
          {
            content:
              text('F1', 12, 72, 780, '(Photos) Tj') +
              'q 80 0 0 60 100 500 cm /Im1 Do Q q 80 0 0 60 100 300 cm /Im2 Do Q',
            xobjects: `/Im1 ${firstExtra} 0 R /Im2 ${firstExtra + 1} 0 R`,
          },
        ],
        objects: [jpegObject(jpeg), jpegObject(jpeg, '/Decode [1 0 1 0 1 0] ')],
      }),
    );
    const [plain, inverted] = layout.blocks.filter((block): block is PictureBlock => block.kind === 'picture');
    expect(plain?.source).toBe('original');
    expect(Buffer.from(plain?.jpeg ?? []).equals(jpeg)).toBe(true);
    expect(inverted?.source).toBe('encoded');
  });
});
