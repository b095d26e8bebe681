import { join } from 'node:path';
import { routes } from '../../core/routes.ts';
import type { FigureImage, Issue } from '../../model.ts';
import { fillPictureCache, pictureCacheDir, type CacheReport } from './picture-cache.ts';
import { planPicture, type PictureSet } from './picture-plan.ts';
import { shownPath } from '../../core/content-dir.ts';
import { pictureFiles } from '../../core/picture-files.ts';
import { prepareCovers, type CoverReport } from './covers.ts';
import { issueLabel } from '../labels.ts';

export type { CacheReport, CoverReport };

/** An issue's printed PDF as the site offers it. */
export interface PublishedOriginal {
  url: string;
  bytes: number;
  pages: number;
}

/** A file the site serves as it is, from the picture cache or the content folder. */
export interface MediaFile {
  /** Site path: `/pictures/…-960.webp`, `/2018/01/2018-01.pdf`. */
  path: string;
  /** Absolute path of the file to place there. */
  from: string;
  /** Tells versions apart: the preview places a file again only when this changed. */
  version: string;
  /**
   * A file of the picture cache (ours, never edited) may be hard-linked into the site; a file of
   * the content folder is copied, so nothing done to the site can change the editor's file.
   */
  linkable: boolean;
}

/** The pictures and originals of the archive, as the pages show them and the build places them. */
export interface SiteMedia {
  /** By the picture's digest: the same picture under two names is one set of files. */
  pictures: ReadonlyMap<string, PictureSet>;
  /** By issue id. */
  originals: ReadonlyMap<string, PublishedOriginal>;
  /** By issue id: the first page of its original, as a picture; issues without one have none. */
  covers: ReadonlyMap<string, IssueCover>;
  files: MediaFile[];
}

/** An issue's cover as the pages show it. */
export interface IssueCover {
  picture: PictureSet;
  /** 《国家生态工业园区 工作动态》2018年第1期(总第10期)封面 */
  alt: string;
}

export const noSiteMedia: SiteMedia = { pictures: new Map(), originals: new Map(), covers: new Map(), files: [] };

/**
 * The media of these issues, planned from the model alone: nothing is read or made. `coverImages`
 * (by issue id) are the covers prepareCovers found or rendered; without them no issue has a cover.
 */
export function planMedia(
  issues: readonly Issue[],
  cacheDir = pictureCacheDir(),
  coverImages: ReadonlyMap<string, FigureImage> = new Map(),
): SiteMedia {
  const pictures = new Map<string, PictureSet>();
  const originals = new Map<string, PublishedOriginal>();
  const covers = new Map<string, IssueCover>();
  const files: MediaFile[] = [];
  const planned = new Map<string, PictureSet>();
  const plan = (image: FigureImage): PictureSet => {
    const known = planned.get(image.digest);
    if (known) return known;
    const set = planPicture(image);
    planned.set(image.digest, set);
    for (const file of set.files)
      files.push({
        path: routes.picture(file.fileName),
        from: join(cacheDir, file.fileName),
        version: file.fileName,
        linkable: true,
      });
    return set;
  };
  for (const issue of issues) {
    const cover = coverImages.get(issue.id);
    if (cover) covers.set(issue.id, { picture: plan(cover), alt: `《${issue.series}》${issueLabel(issue)}封面` });
    if (issue.original) {
      const url = routes.original(issue);
      originals.set(issue.id, { url, bytes: issue.original.bytes, pages: issue.original.pages });
      files.push({ path: url, from: issue.original.sourcePath, version: issue.original.digest, linkable: false });
    }
    for (const image of issueImages(issue)) if (!pictures.has(image.digest)) pictures.set(image.digest, plan(image));
  }
  return { pictures, originals, covers, files };
}

/**
 * Finds or renders the covers, plans the media and makes the pictures the cache lacks, covers
 * included. `onCovers` is told how the covers were found, with a warning for each that could not
 * be rendered, before the pictures are made.
 */
export async function prepareMedia(
  issues: readonly Issue[],
  cacheDir = pictureCacheDir(),
  onStart?: (planned: CacheReport) => void,
  onCovers?: (report: CoverReport) => void,
): Promise<{ media: SiteMedia; report: CacheReport; covers: CoverReport }> {
  const { covers: coverImages, report: covers } = await prepareCovers(issues, cacheDir);
  onCovers?.(covers);
  const media = planMedia(issues, cacheDir, coverImages);
  const unique = new Map<string, { image: FigureImage; shown: string }>();
  for (const issue of issues)
    for (const image of issueImages(issue))
      if (!unique.has(image.digest)) unique.set(image.digest, { image, shown: shownPath(image.sourcePath) });
  const pictures = [...unique.values()].flatMap(({ image, shown }) => {
    const set = media.pictures.get(image.digest);
    return set ? [{ image, set, shown }] : [];
  });
  // A cover is made from its issue's original, which is what a message about it names.
  const coverPictures = new Map<string, { image: FigureImage; shown: string }>();
  for (const issue of issues) {
    const image = coverImages.get(issue.id);
    if (image && !coverPictures.has(image.digest))
      coverPictures.set(image.digest, { image, shown: coverSource(issue, image) });
  }
  for (const { image, shown } of coverPictures.values()) pictures.push({ image, set: planPicture(image), shown });
  return { media, report: await fillPictureCache(pictures, cacheDir, onStart), covers };
}

function coverSource(issue: Issue, cover: FigureImage): string {
  return issue.original ? `${shownPath(issue.original.sourcePath)}（封面）` : cover.relativePath;
}

function* issueImages(issue: Issue): Generator<FigureImage> {
  for (const section of issue.sections)
    for (const article of section.articles) for (const { image } of pictureFiles(article.figures)) yield image;
}
