import { firstExtra, imageObject, makePdf, text, ucs2, type PdfSpec } from './make-pdf.ts';

/**
 * A small bulletin as a hand-made PDF: a masthead page with its contents, then one article page
 * per entry, in the non-embedded Chinese font (each character one em wide), so a test can place
 * pictures, break pages and damage parts where no PDF writer would.
 */
export interface BulletinPage {
  /** Paragraphs of the article on this page; each is set in full lines of 30 characters. */
  paragraphs: string[];
  title?: string;
  /** Pictures drawn after the paragraph of that index (-1: above the first), with an optional caption below. */
  pictures?: { after: number; caption?: string }[];
  /** The printed page mark at the foot; none when undefined. */
  mark?: number;
}

export interface BulletinSpec {
  pages: BulletinPage[];
  /** A picture on the masthead page, above the series title (a logo-sized photo). */
  mastheadPicture?: boolean;
  contents: { title: string; page: number }[];
  extra?: Pick<PdfSpec, 'catalog' | 'trailer'>;
}

const width = 595;
const lineChars = 30;
const bodySize = 14;
const left = (width - lineChars * bodySize) / 2;

function centred(size: number, y: number, line: string): string {
  return text('F2', size, (width - [...line].length * size) / 2, y, `${ucs2(line)} Tj`);
}

/** A 60×40 image of one colour per picture, so tests can tell the pictures apart by their pixels. */
export function pictureObject(index: number): string {
  const colours = ['cc2200', '0044cc', '22aa44', 'aa8800'];
  return imageObject(60, 40, '/DeviceRGB', 8, (colours[index % colours.length] ?? '888888').repeat(60 * 40));
}

export function makeBulletin(spec: BulletinSpec): Uint8Array {
  const pictures: string[] = [];
  const xobjects: string[][] = [];
  const draw = (page: number, x: number, y: number, w: number, h: number): string => {
    const name = `/Im${pictures.length + 1}`;
    (xobjects[page] ??= []).push(`${name} ${firstExtra + pictures.length} 0 R`);
    pictures.push(pictureObject(pictures.length));
    return `q ${w} 0 0 ${h} ${x} ${y} cm ${name} Do Q`;
  };
  const masthead = [
    ...(spec.mastheadPicture ? [draw(0, 250, 770, 96, 64)] : []),
    centred(26, 720, '国家生态工业园区 工作动态'),
    centred(14, 690, '2018年第1期(总第10期)'),
    centred(12, 664, '国家生态工业园区建设协调领导小组办公室'),
    centred(12, 644, '二〇一八年六月二十九日'),
    centred(16, 600, '本期目录'),
    text('F2', 12, left, 570, `${ucs2('【工作动态】')} Tj`),
    ...spec.contents.map((entry, index) =>
      text('F2', 12, left + 24, 548 - index * 22, `${ucs2(`${entry.title}…………`)} Tj /F1 12 Tf ( - ${entry.page} -) Tj`),
    ),
  ];
  const pages = spec.pages.map((page, pageIndex) => {
    const ops: string[] = [];
    let y = 760;
    if (pageIndex === 0) {
      ops.push(text('F2', 16, left, y, `${ucs2('【工作动态】')} Tj`));
      y -= 40;
    }
    if (page.title !== undefined) {
      ops.push(centred(20, y, page.title));
      y -= 44;
    }
    const pictureAt = (after: number) => {
      for (const picture of (page.pictures ?? []).filter((p) => p.after === after)) {
        y -= 130;
        ops.push(draw(pageIndex + 1, (width - 180) / 2, y, 180, 120));
        y -= 26;
        if (picture.caption !== undefined) {
          ops.push(centred(12, y, picture.caption));
          y -= 30;
        }
      }
    };
    pictureAt(-1);
    page.paragraphs.forEach((paragraph, index) => {
      const chars = [...paragraph];
      for (let at = 0; at < chars.length; at += lineChars) {
        const indent = at === 0 ? 2 * bodySize : 0;
        const line = chars.slice(at, at + lineChars - (at === 0 ? 2 : 0));
        ops.push(text('F2', bodySize, left + indent, y, `${ucs2(line.join(''))} Tj`));
        if (at === 0) at -= 2;
        y -= 24;
      }
      y -= 6;
      pictureAt(index);
    });
    if (page.mark !== undefined) ops.push(text('F1', 10, width / 2 - 10, 40, `(- ${page.mark} -) Tj`));
    return ops.join('\n');
  });
  return makePdf({
    pages: [masthead.join('\n'), ...pages].map((content, index) => ({
      content,
      xobjects: (xobjects[index] ?? []).join(' '),
    })),
    objects: pictures,
    ...spec.extra,
  });
}
