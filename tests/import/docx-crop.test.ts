import JSZip from 'jszip';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readDocxLayout, type GroupPicture } from '../../src/import/docx/read-docx.ts';

/** Word's crop (`a:srcRect`) applied to the picture taken out of the .docx, or warned about when it cannot be. */
const w = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const r = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const a = 'http://schemas.openxmlformats.org/drawingml/2006/main';

async function docxWithPicture(srcRect: string, picture: Uint8Array, name = 'image1.png'): Promise<Uint8Array> {
  const zip = new JSZip();
  const drawing =
    `<w:drawing><a:graphic xmlns:a="${a}"><a:graphicData><pic:pic xmlns:pic="pic"><pic:blipFill>` +
    `<a:blip r:embed="rId1"/>${srcRect}</pic:blipFill></pic:pic></a:graphicData></a:graphic></w:drawing>`;
  zip.file(
    'word/document.xml',
    `<?xml version="1.0"?><w:document xmlns:w="${w}" xmlns:r="${r}">` +
      `<w:body><w:p><w:r>${drawing}</w:r></w:p></w:body></w:document>`,
  );
  zip.file(
    'word/_rels/document.xml.rels',
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${r}/image" Target="media/${name}"/></Relationships>`,
  );
  zip.file(`word/media/${name}`, picture);
  return zip.generateAsync({ type: 'uint8array' });
}

/** 200×100 pixels: left half red, right half blue. */
async function halves(format: 'png' | 'jpeg'): Promise<Uint8Array> {
  const pixels = Buffer.alloc(200 * 100 * 3);
  for (let at = 0; at < 200 * 100; at++) pixels[at * 3 + (at % 200 < 100 ? 0 : 2)] = 255;
  const image = sharp(pixels, { raw: { width: 200, height: 100, channels: 3 } });
  return new Uint8Array(await (format === 'png' ? image.png() : image.jpeg()).toBuffer());
}

async function onlyPicture(bytes: Uint8Array): Promise<GroupPicture> {
  const layout = await readDocxLayout(bytes);
  const group = layout.blocks.find((block) => block.kind === 'pictures');
  if (!group || group.kind !== 'pictures' || !group.pictures[0]) throw new Error('no picture');
  return group.pictures[0];
}

describe('a picture Word crops', () => {
  it('is cut as Word shows it, in its own format', async () => {
    const picture = await onlyPicture(await docxWithPicture('<a:srcRect r="50000" t="10000"/>', await halves('png')));
    if ('problem' in picture) throw new Error(picture.problem);
    expect(picture.cropped).toBe(false);
    expect(picture.extension).toBe('png');
    const { data, info } = await sharp(picture.bytes).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([100, 90]);
    expect([...data.subarray(0, 3)]).toEqual([255, 0, 0]); // the red half is what is left
    expect([...data.subarray(data.length - 3)]).toEqual([255, 0, 0]);
  });

  it('keeps the stored file untouched when nothing is cut (an empty a:srcRect)', async () => {
    const stored = await halves('jpeg');
    const picture = await onlyPicture(await docxWithPicture('<a:srcRect/>', stored, 'image1.jpeg'));
    if ('problem' in picture) throw new Error(picture.problem);
    expect(Buffer.from(picture.bytes).equals(Buffer.from(stored))).toBe(true);
    expect(picture.cropped).toBe(false);
  });

  it('is kept whole, and marked for a warning, when the crop pads rather than cuts', async () => {
    const stored = await halves('png');
    const picture = await onlyPicture(await docxWithPicture('<a:srcRect l="-10000"/>', stored));
    if ('problem' in picture) throw new Error(picture.problem);
    expect(picture.cropped).toBe(true);
    expect(Buffer.from(picture.bytes).equals(Buffer.from(stored))).toBe(true);
  });
});
