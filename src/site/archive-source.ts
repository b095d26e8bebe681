import { contentDir } from '../content-dir.ts';
import { loadArchive, type Archive } from '../pipeline/load.ts';

let prepared: Archive | undefined;

/**
 * The build has already loaded and checked the archive before Eleventy starts; handing it over
 * here spares Eleventy's config a second parse of every issue (the preview rebuilds often).
 */
export function provideArchive(archive: Archive): void {
  prepared = archive;
}

/** The archive for Eleventy: the one the build prepared, or a fresh load for a direct Eleventy run. */
export async function archiveForBuild(): Promise<Archive> {
  return prepared ?? loadArchive(contentDir());
}
