import { readFile, realpath } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { Image, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Document } from 'yaml';
import { conventionalOriginalPath, figureParagraphImages } from '../../core/content-format.ts';
import type { Place } from '../../core/diagnostics.ts';
import { osReason } from '../../core/read-file.ts';
import type { YamlLines } from '../../core/yaml.ts';
import type { Diagnostic, FigureImage, Original } from '../../model.ts';
import { findContentFile, folderExists, type FoundFile } from './find-file.ts';
import { locateMedia, type MediaReference } from './locate.ts';
import { readMediaFields } from './media-fields.ts';
import { countPdfPages } from './pdf-pages.ts';
import { pictureFormats, pictureLimits } from './limits.ts';
import { bytesDigest, fileDigest } from './digest.ts';
import { readPictureHeader, type PictureHeader } from './picture-header.ts';
import { isPdf } from './sniff.ts';

/** How a path left the content folder: on its face (`/etc/…`, `../../…`), by a symlink, or as a web address. */
export type OutsideHow = 'absolute' | 'parent' | 'symlink' | 'url';

/** Why a media file was not had; `folder` is where it was looked for, as messages name it (`content/2018/2018-01/`). */
export interface MissingMedia {
  kind: 'missing';
  reason: 'empty' | 'absent' | 'folder-absent' | 'not-a-file' | 'unreadable';
  folder: string;
  name: string;
  detail?: string;
}

export type PictureFinding =
  | { kind: 'remote' }
  | { kind: 'scheme'; scheme: string }
  | { kind: 'outside'; how: OutsideHow }
  | MissingMedia
  | { kind: 'file'; relativePath: string; sourcePath: string; bytes: number; digest: string; header: PictureHeader };

/** A picture of the issue (`![说明](路径)`, anywhere in the body) and what was found for it. */
export interface PictureFact {
  node: Image;
  /**
   * Its place in a figure (a paragraph of images only): the first picture, whose text is the
   * caption, or a later one. Absent for a picture written among text, in a heading or in a link:
   * it is no figure's.
   */
  figure?: 'first' | 'later';
  finding: PictureFinding;
}

export type OriginalFinding =
  | { kind: 'outside'; how: OutsideHow }
  | MissingMedia
  | { kind: 'not-pdf' }
  | { kind: 'unreadable'; why: 'password' | 'damaged' }
  | { kind: 'pdf'; original: Original };

export interface OriginalFact {
  /** The front matter's `original:`; absent when the file was found by convention (`2018-01.pdf`). */
  written?: { value: string; place: Place };
  /** How messages name the file. */
  shown: string;
  finding: OriginalFinding;
}

/**
 * What an issue's media are, as the media rules (src/pipeline/rules/picture-*.ts, original-*.ts,
 * media-outside.ts) and assembly read them: found by file I/O before the rules run, since rules
 * are synchronous and read no files.
 */
export interface IssueMedia {
  pictures: PictureFact[];
  /** Absent when the front matter names none and no PDF sits beside the issue file. */
  original?: OriginalFact;
  pageOffset?: { value: number; place: Place };
  /**
   * Every file this depends on, present or looked for in vain: the preview's cache compares
   * their stamps, so an added, changed or removed picture or PDF makes the issue be read again.
   */
  files: string[];
  /** Problems with the front matter's media fields. */
  diagnostics: Diagnostic[];
}

/** An issue with no media examined: what rules see when they are run on text alone. */
export const noMedia: IssueMedia = { pictures: [], files: [], diagnostics: [] };

export interface MediaSource {
  /** The issue file as messages name it. */
  path: string;
  /** The issue file inside the content folder. */
  sourcePath: string;
  contentDir: string;
  tree: Root;
  frontMatter: Document;
  frontMatterLines: YamlLines;
}

/** Finds and reads the headers of an issue's pictures and its original, reading no picture whole. */
export async function examineMedia(source: MediaSource): Promise<IssueMedia> {
  const contentDir = resolve(source.contentDir);
  const realContentDir = await realpath(contentDir).catch(() => contentDir);
  const context: Context = { ...source, contentDir, realContentDir, files: new Set() };
  const fields = readMediaFields(source.path, source.frontMatter, source.frontMatterLines);
  const images: Image[] = [];
  visit(source.tree, 'image', (node) => {
    images.push(node);
  });
  const inFigures = figurePlaces(source.tree);
  const byUrl = new Map<string, Promise<PictureFinding>>();
  const pictures = await Promise.all(
    images.map(async (node): Promise<PictureFact> => {
      let finding = byUrl.get(node.url);
      if (!finding) {
        finding = examinePicture(node.url, context);
        byUrl.set(node.url, finding);
      }
      const figure = inFigures.get(node);
      return { node, ...(figure ? { figure } : {}), finding: await finding };
    }),
  );
  const original = await examineOriginal(fields.original, context);
  return {
    pictures,
    ...(original ? { original } : {}),
    ...(fields.originalPageOffset ? { pageOffset: fields.originalPageOffset } : {}),
    files: [...context.files],
    diagnostics: fields.diagnostics,
  };
}

/**
 * The pictures of the issue that are files of the content folder in a format taken, by their
 * address as written: what figures carry as their `image`.
 */
export function figureImages(media: IssueMedia): Map<string, FigureImage> {
  const images = new Map<string, FigureImage>();
  for (const { node, finding } of media.pictures) {
    if (finding.kind !== 'file') continue;
    const { kind, width, height } = finding.header;
    if (kind === undefined || kind === 'svg' || !pictureFormats.includes(kind)) continue;
    if (width === undefined || height === undefined) continue;
    const { sourcePath, relativePath, bytes, digest } = finding;
    images.set(node.url, { sourcePath, relativePath, format: kind, width, height, bytes, digest });
  }
  return images;
}

/** The images that figures are made of (as src/pipeline/render.ts makes them), each with its place in its figure. */
function figurePlaces(tree: Root): Map<Image, 'first' | 'later'> {
  const places = new Map<Image, 'first' | 'later'>();
  visit(tree, 'paragraph', (paragraph) => {
    figureParagraphImages(paragraph)?.forEach((image, index) => places.set(image, index === 0 ? 'first' : 'later'));
  });
  return places;
}

interface Context extends MediaSource {
  realContentDir: string;
  files: Set<string>;
}

async function examinePicture(url: string, context: Context): Promise<PictureFinding> {
  const reference = locateMedia(url, context.sourcePath, context.contentDir);
  switch (reference.kind) {
    case 'remote':
      return { kind: 'remote' };
    case 'scheme':
      return { kind: 'scheme', scheme: reference.scheme };
    case 'absolute':
    case 'parent':
      return { kind: 'outside', how: reference.kind };
    case 'empty':
      return { kind: 'missing', reason: 'empty', ...lookedIn(context, join(context.contentDir, context.sourcePath)) };
    case 'path':
      break;
  }
  context.files.add(reference.absolutePath);
  const found = await findContentFile(reference.absolutePath, context.realContentDir);
  if (found.kind === 'outside') return { kind: 'outside', how: 'symlink' };
  if (found.kind === 'missing') return missing(found, context, reference.absolutePath);
  try {
    const header = await readPictureHeader(found.realPath);
    // A picture over the size limit is refused (rule picture-too-large): not worth reading whole.
    const digest = found.bytes <= pictureLimits.maxBytes ? await fileDigest(found.realPath) : '';
    return {
      kind: 'file',
      relativePath: reference.relativePath,
      sourcePath: found.realPath,
      bytes: found.bytes,
      digest,
      header,
    };
  } catch (error) {
    return {
      kind: 'missing',
      reason: 'unreadable',
      detail: osReason(error),
      ...lookedIn(context, reference.absolutePath),
    };
  }
}

async function examineOriginal(
  written: { value: string; place: Place } | undefined,
  context: Context,
): Promise<OriginalFact | undefined> {
  const reference: MediaReference = written
    ? locateMedia(written.value, context.sourcePath, context.contentDir)
    : conventional(context);
  const shown = !written
    ? conventionalOriginalPath(context.path)
    : reference.kind === 'remote' || reference.kind === 'scheme'
      ? written.value
      : join(dirname(context.path), written.value);
  const fact = (finding: OriginalFinding): OriginalFact => ({ ...(written ? { written } : {}), shown, finding });
  switch (reference.kind) {
    case 'remote':
    case 'scheme':
      return fact({ kind: 'outside', how: 'url' });
    case 'absolute':
    case 'parent':
      return fact({ kind: 'outside', how: reference.kind });
    case 'empty':
      return fact({
        kind: 'missing',
        reason: 'empty',
        ...lookedIn(context, join(context.contentDir, context.sourcePath)),
      });
    case 'path':
      break;
  }
  context.files.add(reference.absolutePath);
  const found = await findContentFile(reference.absolutePath, context.realContentDir);
  // The conventional file is optional: where there is none, the issue has no original.
  if (!written && found.kind === 'missing' && found.reason !== 'unreadable') return undefined;
  if (found.kind === 'outside') return fact({ kind: 'outside', how: 'symlink' });
  if (found.kind === 'missing') return fact(await missing(found, context, reference.absolutePath));
  let data: Uint8Array;
  try {
    data = new Uint8Array(await readFile(found.realPath));
  } catch (error) {
    return fact({
      kind: 'missing',
      reason: 'unreadable',
      detail: osReason(error),
      ...lookedIn(context, reference.absolutePath),
    });
  }
  if (!isPdf(data)) return fact({ kind: 'not-pdf' });
  const bytes = data.byteLength;
  const digest = bytesDigest(data);
  const counted = await countPdfPages(data);
  if ('unreadable' in counted) return fact({ kind: 'unreadable', why: counted.unreadable });
  return fact({
    kind: 'pdf',
    original: {
      sourcePath: found.realPath,
      relativePath: reference.relativePath,
      bytes,
      digest,
      pages: counted.pages,
    },
  });
}

/** A file not found, with where it was looked for; an absent file in an absent folder says so. */
async function missing(
  found: Extract<FoundFile, { kind: 'missing' }>,
  context: Context,
  absolutePath: string,
): Promise<MissingMedia> {
  const reason =
    found.reason === 'absent' && !(await folderExists(dirname(absolutePath))) ? 'folder-absent' : found.reason;
  return { ...found, reason, ...lookedIn(context, absolutePath) };
}

function conventional(context: Context): MediaReference {
  const relativePath = conventionalOriginalPath(context.sourcePath);
  return { kind: 'path', absolutePath: join(context.contentDir, relativePath), relativePath };
}

/** The folder a file was looked for in, as messages name it (beside the issue file's name), and its name. */
function lookedIn(context: Context, absolutePath: string): { folder: string; name: string } {
  const issueFolder = dirname(join(context.contentDir, context.sourcePath));
  const folder = join(dirname(context.path), relative(issueFolder, dirname(absolutePath)));
  return { folder: folder.endsWith('/') ? folder : `${folder}/`, name: basename(absolutePath) };
}
