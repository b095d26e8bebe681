import { join } from 'node:path';
import { routes } from '../../core/routes.ts';
import type { FigureImage, Issue } from '../../model.ts';
import { fillPictureCache, pictureCacheDir, type CacheReport } from './picture-cache.ts';

export type { CacheReport };
import { planPicture, type PictureSet } from './picture-plan.ts';
import { pictureFiles } from '../../core/picture-files.ts';

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
  files: MediaFile[];
}

export const noSiteMedia: SiteMedia = { pictures: new Map(), originals: new Map(), files: [] };

/** The media of these issues, planned from the model alone: nothing is read or made. */
export function planMedia(issues: readonly Issue[], cacheDir = pictureCacheDir()): SiteMedia {
  const pictures = new Map<string, PictureSet>();
  const originals = new Map<string, PublishedOriginal>();
  const files: MediaFile[] = [];
  for (const issue of issues) {
    if (issue.original) {
      const url = routes.original(issue);
      originals.set(issue.id, { url, bytes: issue.original.bytes, pages: issue.original.pages });
      files.push({ path: url, from: issue.original.sourcePath, version: issue.original.digest, linkable: false });
    }
    for (const image of issueImages(issue)) {
      if (pictures.has(image.digest)) continue;
      const set = planPicture(image);
      pictures.set(image.digest, set);
      for (const file of set.files)
        files.push({
          path: routes.picture(file.fileName),
          from: join(cacheDir, file.fileName),
          version: file.fileName,
          linkable: true,
        });
    }
  }
  return { pictures, originals, files };
}

/** Plans the media and makes the pictures the cache lacks. */
export async function prepareMedia(
  issues: readonly Issue[],
  cacheDir = pictureCacheDir(),
  onStart?: (planned: CacheReport) => void,
): Promise<{ media: SiteMedia; report: CacheReport }> {
  const media = planMedia(issues, cacheDir);
  const unique = new Map<string, { image: FigureImage; shown: string }>();
  for (const issue of issues)
    for (const image of issueImages(issue))
      if (!unique.has(image.digest)) unique.set(image.digest, { image, shown: `content/${image.relativePath}` });
  const pictures = [...unique.values()].flatMap(({ image, shown }) => {
    const set = media.pictures.get(image.digest);
    return set ? [{ image, set, shown }] : [];
  });
  return { media, report: await fillPictureCache(pictures, cacheDir, onStart) };
}

function* issueImages(issue: Issue): Generator<FigureImage> {
  for (const section of issue.sections)
    for (const article of section.articles) for (const { image } of pictureFiles(article.figures)) yield image;
}
