import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import sharp from 'sharp';
import * as v from 'valibot';
import { afterAll, describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/archive/load-archive.ts';
import { countPdfPages } from '../../src/pipeline/media/pdf-pages.ts';
import { tinyPdfs } from '../fixtures/pdf-import/tiny/make-tiny.ts';
import { repoRoot } from '../helpers/content.ts';

/**
 * The PDF import fixtures (issue 14) against their manifest, read with pdf.js as the importer will read them:
 * page counts, writers, Type 3 fonts, painted photos, where each article's title and page mark really are, and
 * that each expected archive loads. The fixtures are made outside the tests (README.md in the folder); this file
 * only reads them, so a fixture regenerated wrongly, or a manifest edited wrongly, fails here.
 */
const fixtureDir = join(repoRoot, 'tests/fixtures/pdf-import');
const pdfjsDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

const Manifest = v.object({
  fixtures: v.array(
    v.strictObject({
      name: v.string(),
      /** The PDF, relative to the manifest. */
      path: v.string(),
      writer: v.picklist(['LibreOffice 7.4', 'Chromium print', 'hand-made', 'hand-made + qpdf']),
      features: v.array(v.string()),
      /** Physical pages; null when the file cannot be opened. */
      pages: v.nullable(v.number()),
      type3Fonts: v.boolean(),
      /** Images painted on the pages (photos and scans). */
      photos: v.number(),
      /** The issue file a perfect importer writes, relative to the manifest; its content folder is two levels up. */
      expectedIssue: v.optional(v.string()),
      /** False when the expected pictures are not the embedded ones (the seed's: LibreOffice re-encoded them). */
      picturesAsEmbedded: v.optional(v.boolean()),
      /**
       * The radicals the PDF's text gives for ideographs (Chromium's Type 3 ToUnicode maps 工 to ⼯ U+2F2F, 长 to ⻓
       * U+2ED3, …), in order of first appearance; the expected issue has the ideographs.
       */
      radicals: v.optional(v.string()),
      /** Figures that hold two pictures under one caption (one figure, its pictures side by side). */
      twoPictureFigures: v.optional(v.number()),
      /** The text, line by line from the top, with overprinted copies read once. */
      expectedText: v.optional(v.array(v.string())),
      /** What the importer must report instead of (or beside) text. */
      expectedError: v.optional(v.picklist(['damaged', 'password', 'no-unicode', 'no-text'])),
      /** What the text says, for a file whose text cannot be extracted. */
      intendedText: v.optional(v.array(v.string())),
      needsCMaps: v.optional(v.boolean()),
      /** Font names as the PDF writes them, GBK bytes decoded. */
      fontNames: v.optional(v.array(v.string())),
      /** Text drawn with a stroking render mode (fake bold). */
      strokedText: v.optional(v.array(v.string())),
      /** Text drawn twice a fraction of a point apart (overprint bold). */
      overprintedText: v.optional(v.array(v.string())),
      /** Opens without a password but is encrypted (owner password only). */
      encrypted: v.optional(v.boolean()),
      notes: v.optional(v.string()),
    }),
  ),
});
type Fixture = v.InferOutput<typeof Manifest>['fixtures'][number];

const manifest = v.parse(Manifest, JSON.parse(readFileSync(join(fixtureDir, 'manifest.json'), 'utf8')));
const fromManifest = (path: string) => join(fixtureDir, path);

const opened: PDFDocumentProxy[] = [];
afterAll(async () => {
  for (const doc of opened.splice(0)) await doc.destroy();
});

function openPdf(path: string, { cMaps = true } = {}): Promise<PDFDocumentProxy> {
  const task = pdfjs.getDocument({
    data: new Uint8Array(readFileSync(path)),
    ...(cMaps ? { cMapUrl: `${pdfjsDir}/cmaps/`, cMapPacked: true } : {}),
    standardFontDataUrl: `${pdfjsDir}/standard_fonts/`,
    isEvalSupported: false,
    fontExtraProperties: true,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  return task.promise.then(
    (doc) => {
      opened.push(doc);
      return doc;
    },
    async (error: unknown) => {
      await task.destroy();
      throw error;
    },
  );
}

const cache = new Map<string, Promise<PDFDocumentProxy>>();
const documentOf = (fixture: Fixture) => {
  let doc = cache.get(fixture.name);
  if (!doc) cache.set(fixture.name, (doc = openPdf(fromManifest(fixture.path))));
  return doc;
};

interface Item {
  str: string;
  x: number;
  y: number;
  size: number;
}

async function pageItems(page: PDFPageProxy): Promise<Item[]> {
  const content = await page.getTextContent();
  return content.items.flatMap((item) => {
    if (!('str' in item)) return [];
    const [, , c, d, x, y] = v.parse(
      v.tuple([v.number(), v.number(), v.number(), v.number(), v.number(), v.number()]),
      item.transform,
    );
    return [{ str: item.str, x, y, size: Math.hypot(c, d) }];
  });
}

/** Lines from the top, items of one baseline joined left to right; a copy overprinted within 1 pt is read once. */
function lines(items: Item[]): string[] {
  const kept = items.filter(
    (item, i) =>
      !items.slice(0, i).some((o) => o.str === item.str && Math.abs(o.x - item.x) < 1 && Math.abs(o.y - item.y) < 1),
  );
  const rows = new Map<number, Item[]>();
  for (const item of kept) {
    const key = Math.round(item.y);
    rows.set(key, [...(rows.get(key) ?? []), item]);
  }
  return [...rows]
    .sort(([a], [b]) => b - a)
    .map(([, row]) =>
      row
        .sort((p, q) => p.x - q.x)
        .map((i) => i.str)
        .join('')
        .trim(),
    )
    .filter((line) => line !== '');
}

/**
 * Kangxi radicals (U+2F00–2FDF) become their ideographs under NFKC; the CJK Radicals Supplement (U+2E80–2EFF) does
 * not, so the ones Chromium's fixtures use are listed (Unicode's Equivalent_Unified_Ideograph).
 */
const supplement: Record<string, string> = { '⺠': '民', '⻓': '长', '⻋': '车', '⻚': '页', '⻘': '青', '⻛': '风' };
const radical = /[\u2e80-\u2fdf]/gu;
const ideographs = (text: string) =>
  text.replace(radical, (c) => supplement[c] ?? (c >= '\u2f00' ? c.normalize('NFKC') : c));
/** Text without white space, radicals read as their ideographs. */
const squeeze = (text: string) => ideographs(text.replace(/\s+/g, ''));

interface PageFacts {
  items: Item[];
  /** Image XObjects painted (inline and repeated images included), with their ids. */
  images: string[];
  /** pdf.js font type per font used (Type1, TrueType, Type3, CIDFontType0, CIDFontType2, …) and its name. */
  fonts: { type: string; name: string }[];
  /** Text shown in a stroking render mode (1, 2, 5, 6). */
  stroked: string[];
}

const FontInfo = v.looseObject({ type: v.optional(v.string()), name: v.optional(v.string()) });
const Glyph = v.looseObject({ unicode: v.optional(v.string()) });

async function pageFacts(doc: PDFDocumentProxy, number: number): Promise<PageFacts> {
  const page = await doc.getPage(number);
  const ops = await page.getOperatorList();
  const images: string[] = [];
  const fontIds = new Set<string>();
  const stroked: string[] = [];
  let mode = 0;
  const modes: number[] = [];
  ops.fnArray.forEach((fn, i) => {
    const args: unknown = ops.argsArray[i];
    const first = Array.isArray(args) ? (args[0] as unknown) : undefined;
    if (fn === pdfjs.OPS.paintImageXObject || fn === pdfjs.OPS.paintImageXObjectRepeat) {
      images.push(v.parse(v.string(), first));
    } else if (fn === pdfjs.OPS.paintInlineImageXObject) {
      images.push('inline');
    } else if (fn === pdfjs.OPS.setFont) {
      fontIds.add(v.parse(v.string(), first));
    } else if (fn === pdfjs.OPS.setTextRenderingMode) {
      mode = v.parse(v.number(), first);
    } else if (fn === pdfjs.OPS.save) {
      modes.push(mode);
    } else if (fn === pdfjs.OPS.restore) {
      mode = modes.pop() ?? 0;
    } else if (fn === pdfjs.OPS.showText && [1, 2, 5, 6].includes(mode)) {
      const glyphs = v.parse(v.array(v.unknown()), first);
      stroked.push(glyphs.map((g) => (v.is(Glyph, g) ? (g.unicode ?? '') : '')).join(''));
    }
  });
  const fonts = [...fontIds].map((id) => {
    const font = v.parse(FontInfo, page.commonObjs.get(id));
    return { type: font.type ?? '?', name: font.name ?? '?' };
  });
  return { items: await pageItems(page), images, fonts, stroked };
}

const factsCache = new Map<string, Promise<PageFacts[]>>();
function allPages(fixture: Fixture): Promise<PageFacts[]> {
  let facts = factsCache.get(fixture.name);
  if (!facts) {
    facts = documentOf(fixture).then((doc) =>
      Promise.all(Array.from({ length: doc.numPages }, (_, i) => pageFacts(doc, i + 1))),
    );
    factsCache.set(fixture.name, facts);
  }
  return facts;
}

/** An image object's pixels, as pdf.js decodes it (objects used on several pages live in commonObjs). */
async function imageData(doc: PDFDocumentProxy, pageNumber: number, id: string) {
  const page = await doc.getPage(pageNumber);
  const objects = id.startsWith('g_') ? page.commonObjs : page.objs;
  const image = await new Promise<unknown>((resolve) => {
    objects.get(id, resolve);
  });
  return v.parse(
    v.looseObject({
      width: v.number(),
      height: v.number(),
      kind: v.number(),
      data: v.union([v.instance(Uint8ClampedArray), v.instance(Uint8Array)]),
    }),
    image,
  );
}

/** Each `![…](path)` of the issue file, paragraph by paragraph. */
function figuresOf(markdown: string): string[][] {
  return markdown
    .split(/\n\n+/)
    .filter((p) => p.startsWith('!['))
    .map((p) => [...p.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1] ?? ''));
}

const issueFixtures = manifest.fixtures.filter((f) => f.expectedIssue !== undefined);
const tinyFixtures = manifest.fixtures.filter((f) => f.expectedIssue === undefined);

describe('the PDF import fixtures manifest', () => {
  it('lists every PDF of the fixture folder, and each listed file exists', () => {
    const pdfs = readdirSync(fixtureDir, { recursive: true, encoding: 'utf8' })
      .filter((p) => p.endsWith('.pdf'))
      .map((p) => p.split('\\').join('/'))
      .sort();
    const listed = manifest.fixtures.map((f) => f.path).filter((p) => !p.startsWith('../'));
    expect(listed.sort()).toEqual(pdfs);
    for (const fixture of manifest.fixtures) {
      expect(() => readFileSync(fromManifest(fixture.path)), fixture.path).not.toThrow();
      if (fixture.expectedIssue) expect(() => readFileSync(fromManifest(fixture.expectedIssue ?? ''))).not.toThrow();
    }
  });

  it('has at least four variants from two writers beside the seed, and the hand-made hard cases', () => {
    expect(issueFixtures.filter((f) => f.writer === 'LibreOffice 7.4').length).toBeGreaterThanOrEqual(3);
    expect(issueFixtures.filter((f) => f.writer === 'Chromium print').length).toBeGreaterThanOrEqual(2);
    for (const error of ['damaged', 'password', 'no-unicode', 'no-text'])
      expect(tinyFixtures.some((f) => f.expectedError === error)).toBe(true);
  });

  it('keeps the hand-made PDFs as make-tiny.ts writes them', () => {
    const made = tinyPdfs();
    expect(Object.keys(made).length).toBeGreaterThan(0);
    for (const [name, bytes] of Object.entries(made)) {
      expect(Buffer.compare(readFileSync(join(fixtureDir, 'tiny', name)), bytes), name).toBe(0);
    }
  });
});

describe.each(issueFixtures)('$name ($writer)', (fixture) => {
  const issuePath = fromManifest(fixture.expectedIssue ?? '');
  const contentDir = dirname(dirname(issuePath));
  const markdown = readFileSync(issuePath, 'utf8');
  const has = (feature: string) => fixture.features.includes(feature);

  it('has the pages and the writer the manifest says', async () => {
    const doc = await documentOf(fixture);
    expect(doc.numPages).toBe(fixture.pages);
    const producer = v.parse(v.looseObject({ Producer: v.string() }), (await doc.getMetadata()).info).Producer;
    expect(producer).toMatch(fixture.writer === 'LibreOffice 7.4' ? /^LibreOffice 7\.4/ : /^Skia\/PDF/);
  });

  it(fixture.type3Fonts ? 'draws its CJK text in Type 3 fonts' : 'uses no Type 3 font', async () => {
    const fonts = (await allPages(fixture)).flatMap((p) => p.fonts);
    expect(fonts.length).toBeGreaterThan(0);
    const type3 = fonts.filter((f) => f.type === 'Type3');
    if (fixture.type3Fonts) expect(type3.length).toBeGreaterThan(0);
    else expect(type3).toEqual([]);
  });

  it('paints as many photos as the manifest and the expected issue file have', async () => {
    const painted = (await allPages(fixture)).flatMap((p) => p.images);
    expect(painted.length).toBe(fixture.photos);
    expect(figuresOf(markdown).flat().length).toBe(fixture.photos);
    expect(figuresOf(markdown).filter((f) => f.length === 2).length).toBe(fixture.twoPictureFigures ?? 0);
  });

  it(
    fixture.picturesAsEmbedded === false
      ? 'has expected pictures of the sizes the PDF embeds'
      : 'has the expected pictures as the PDF embeds them: JPEG bytes as stored, PNG pixels as drawn',
    async () => {
      const pdf = readFileSync(fromManifest(fixture.path));
      const doc = await documentOf(fixture);
      const pages = await allPages(fixture);
      const painted = await Promise.all(pages.flatMap((p, i) => p.images.map((id) => imageData(doc, i + 1, id))));
      const pictures = figuresOf(markdown).flat();
      for (const picture of pictures) {
        const bytes = readFileSync(join(dirname(issuePath), picture));
        const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
        const same = painted.filter((image) => image.width === info.width && image.height === info.height);
        expect(same.length, `${picture}: a painted image of its size`).toBeGreaterThan(0);
        if (fixture.picturesAsEmbedded === false) continue;
        if (bytes[0] === 0xff && bytes[1] === 0xd8) {
          expect(pdf.includes(bytes), `${picture}: its JPEG bytes in the PDF`).toBe(true);
        } else {
          expect(info.channels).toBe(3);
          expect(
            same.some((image) => Buffer.from(image.data).equals(data)),
            `${picture}: a painted image with its pixels`,
          ).toBe(true);
        }
      }
    },
  );

  it('loads as an archive without errors, the PDF as its original', async () => {
    const archive = await loadArchive(contentDir, relative(repoRoot, contentDir));
    const errors = archive.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toEqual([]);
    const [issue, ...others] = archive.issues;
    expect(others).toEqual([]);
    expect(issue?.original?.pages).toBe(fixture.pages);
    // No warning but unknown-park: the text names parks freely.
    const warnings = archive.diagnostics.filter((d) => d.severity === 'warning' && d.rule !== 'unknown-park');
    expect(warnings).toEqual([]);
  });

  it('gives a figure for each caption, with its pictures (two under one caption as one figure)', async () => {
    const archive = await loadArchive(contentDir);
    const figures = archive.issues.flatMap((i) => i.sections.flatMap((s) => s.articles.flatMap((a) => a.figures)));
    const files = figures.map((f) => f.pictures.filter((p) => p.image !== undefined).length);
    expect(files.reduce((sum, n) => sum + n, 0)).toBe(fixture.photos);
    expect(files.filter((n) => n === 2).length).toBe(fixture.twoPictureFigures ?? 0);
  });

  it('starts each article on its PDF page, in title-sized type, with its printed page mark', async () => {
    const archive = await loadArchive(contentDir);
    const pages = await allPages(fixture);
    const sizes = new Map<number, number>();
    for (const item of pages.flatMap((p) => p.items)) {
      const size = Math.round(item.size);
      sizes.set(size, (sizes.get(size) ?? 0) + item.str.length);
    }
    const body = [...sizes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
    const big = pages.map((p) =>
      squeeze(
        p.items
          .filter((i) => i.size >= body + 1.5)
          .map((i) => i.str)
          .join(''),
      ),
    );
    const articles = archive.issues.flatMap((i) => i.sections.flatMap((s) => s.articles));
    expect(articles.length).toBeGreaterThan(0);
    for (const article of articles) {
      const start = squeeze(article.title).slice(0, 10);
      const at = article.originalPage ?? 0;
      expect(big.findIndex((text) => text.includes(start)) + 1, article.title).toBe(at);
      expect(pageMark(pages[at - 1]?.items ?? []), `${article.title}: page mark`).toBe(at - pageOffset(markdown));
    }
  });

  it('gives radicals for ideographs only as the manifest says, and no radical the test cannot read', async () => {
    const text = (await allPages(fixture)).flatMap((p) => p.items.map((i) => i.str)).join('');
    const found = [...new Set(text.match(radical) ?? [])].join('');
    expect(found).toBe(fixture.radicals ?? '');
    expect(ideographs(found)).not.toMatch(radical);
  });

  it('prints page marks in its style on every numbered page', async () => {
    const pages = await allPages(fixture);
    const style = [
      ['page-marks-hyphen', /^- \d+ -$/],
      ['page-marks-emdash', /^— \d+ —$/],
      ['page-marks-di-ye', /^第\d+页$/],
      ['page-marks-bare', /^\d+$/],
    ].find(([feature]) => has(feature as string))?.[1];
    expect(style).toBeDefined();
    const offset = pageOffset(markdown);
    pages.forEach((page, i) => {
      const mark = footer(page.items);
      if (i < offset) expect(mark, `page ${i + 1} is not numbered`).toBe('');
      else expect(mark, `page ${i + 1}`).toMatch(style ?? /^$/);
    });
  });

  if (has('paragraph-across-pages')) {
    it('has a paragraph that continues on the next page', async () => {
      const pages = (await allPages(fixture)).map((p) => squeeze(p.items.map((i) => i.str).join('')));
      const paragraphs = markdown
        .split(/\n\n+/)
        .filter((p) => !/^(---|#|!\[|——)/.test(p))
        .map(squeeze)
        .filter((p) => p.length > 60);
      const across = paragraphs.filter((p) =>
        pages.some(
          (text, i) =>
            text.includes(p.slice(0, 20)) && !text.includes(p.slice(-20)) && pages[i + 1]?.includes(p.slice(-20)),
        ),
      );
      expect(across.length).toBeGreaterThan(0);
    });
  }
});

/** The front matter's originalPageOffset (0 when absent). */
function pageOffset(markdown: string): number {
  return Number(/^originalPageOffset: (\d+)$/m.exec(markdown)?.[1] ?? 0);
}

/** The footer line (text below 80 pt), whitespace collapsed. */
function footer(items: Item[]): string {
  return items
    .filter((i) => i.y < 80)
    .sort((a, b) => a.x - b.x)
    .map((i) => i.str)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The number in a page's footer, or NaN. */
const pageMark = (items: Item[]) => Number(/\d+/.exec(footer(items))?.[0] ?? NaN);

describe.each(tinyFixtures)('tiny/$name', (fixture) => {
  const path = fromManifest(fixture.path);

  if (fixture.expectedError === 'damaged' || fixture.expectedError === 'password') {
    it(`cannot be opened (${fixture.expectedError}), by pdf.js as by the project's page count`, async () => {
      const error = await openPdf(path).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(Error);
      const name = error instanceof Error ? error.name : '';
      expect(name).toBe(fixture.expectedError === 'password' ? 'PasswordException' : 'InvalidPDFException');
      expect(await countPdfPages(new Uint8Array(readFileSync(path)))).toEqual({ unreadable: fixture.expectedError });
      expect(fixture.pages).toBeNull();
    });
    return;
  }

  it('has the pages, fonts and images the manifest says', async () => {
    const doc = await documentOf(fixture);
    expect(doc.numPages).toBe(fixture.pages);
    const pages = await allPages(fixture);
    expect(pages.flatMap((p) => p.images).length).toBe(fixture.photos);
    const names = [...new Set(pages.flatMap((p) => p.fonts.map((f) => gbkDecoded(f.name))))];
    expect(names.sort()).toEqual([...(fixture.fontNames ?? [])].sort());
    expect(pages.some((p) => p.fonts.some((f) => f.type === 'Type3'))).toBe(fixture.type3Fonts);
  });

  it('reads as the manifest says', async () => {
    const text = (await allPages(fixture)).flatMap((p) => lines(p.items));
    if (fixture.expectedError === 'no-text') {
      expect(text).toEqual([]);
    } else if (fixture.expectedError === 'no-unicode') {
      const intended = new Set(squeeze((fixture.intendedText ?? []).join('')));
      expect(intended.size).toBeGreaterThan(0);
      expect(text.join('').length).toBeGreaterThan(0);
      expect([...text.join('')].filter((c) => intended.has(c))).toEqual([]);
    } else {
      expect(text).toEqual(fixture.expectedText);
    }
  });

  if (fixture.needsCMaps) {
    it("gives no text without pdf.js's cMaps", async () => {
      const doc = await openPdf(path, { cMaps: false });
      const page = await doc.getPage(1);
      expect((await pageItems(page)).filter((i) => i.str.trim() !== '')).toEqual([]);
    });
  }

  if (fixture.strokedText || fixture.overprintedText) {
    it('draws its fake bold as the manifest says: stroked and overprinted text', async () => {
      const pages = await allPages(fixture);
      expect(pages.flatMap((p) => p.stroked)).toEqual(fixture.strokedText ?? []);
      const items = pages.flatMap((p) => p.items).filter((i) => i.str !== '');
      const twice = items.filter((item, i) =>
        items.some((o, j) => j < i && o.str === item.str && Math.abs(o.x - item.x) < 1 && Math.abs(o.y - item.y) < 1),
      );
      expect(twice.map((i) => i.str)).toEqual(fixture.overprintedText ?? []);
    });
  }

  if (fixture.encrypted) {
    it('is encrypted, with permissions, but opens without a password', async () => {
      const doc = await documentOf(fixture);
      expect(await doc.getPermissions()).not.toBeNull();
    });
  }
});

/** A font name whose bytes are GBK (pdf.js gives one Latin-1 character per byte), decoded; others as they are. */
function gbkDecoded(name: string): string {
  if (![...name].some((c) => c.charCodeAt(0) > 0x7f)) return name;
  return new TextDecoder('gbk').decode(Uint8Array.from(name, (c) => c.charCodeAt(0)));
}
