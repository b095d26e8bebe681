import type { ImportResult } from './import-bulletin.ts';

/**
 * A picture the importer found, to be written into the issue's media folder. `name` is the file
 * name inside that folder (e.g. `p3-1.jpg`); the Markdown refers to it as `<issue id>/<name>`,
 * relative to the issue file, as docs/content-format.md says.
 */
export interface ImportedPicture {
  name: string;
  bytes: Uint8Array;
}

/**
 * What an importer of a laid-out source (PDF, Word) gives back: the text import's result
 * plus the files that go beside the issue file. Nothing is written by the importer itself; the
 * command writes all of it or none.
 */
export interface ImportedIssue extends ImportResult {
  pictures: ImportedPicture[];
  /** The printed original to copy beside the issue file as `<issue id>.pdf`, when there is one. */
  original?: Uint8Array;
}
