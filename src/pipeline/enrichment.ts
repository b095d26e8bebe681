import type { Article, Diagnostic, Issue, Park } from '../model.ts';
import type { LintRule } from './lint.ts';

/**
 * What the archive knows beyond its issues, filled by enrichments: each is absent or empty when
 * no enrichment provides it (an archive without a park gazetteer has no parks).
 */
export interface ArchiveIndexes {
  parks: Park[];
}

/**
 * An enrichment adds knowledge from a table of the content folder to the archive: the park
 * gazetteer is one (src/parks). The pipeline receives enrichments as a list and never imports
 * them; each contributes lint rules for every issue file, may add to each article of a valid
 * issue, and may index the whole archive once every issue is read.
 */
export interface Enrichment {
  readonly name: string;
  /** Checked on every issue file with the pipeline's own rules. */
  readonly rules: readonly LintRule[];
  /**
   * Adds what the enrichment knows to an article: marks in its body tree, fields of its own. It
   * gets the article as the pipeline made it and returns the article to keep; the text a reader
   * reads never changes.
   */
  enrichArticle?(article: Article): Article;
  /** Archive-wide indexes from every valid issue, newest first. */
  indexArchive?(issues: readonly Issue[]): Partial<ArchiveIndexes>;
}

/** An enrichment as it is read from the content folder. */
export interface EnrichmentSource {
  readonly name: string;
  /**
   * Reads the enrichment's tables. `enrichment` is absent when the folder does not use it (no
   * table); `fingerprint` changes whenever what the tables say changes, so the per-file results
   * the preview caches are made again.
   */
  load(folder: ContentFolder): Promise<LoadedEnrichment>;
}

export interface LoadedEnrichment {
  enrichment?: Enrichment;
  diagnostics: Diagnostic[];
  fingerprint: string;
}

/** A content folder as enrichments and tables see it. */
export interface ContentFolder {
  /** Where it is on disk. */
  dir: string;
  /** How messages name it: `content`, or what CONTENT_DIR gave. */
  displayDir: string;
}
