import { parksEnrichment, parksEnrichmentWith } from '../parks/enrichment.ts';
import type { StepDefinition } from '../parks/steps.ts';
import type { EnrichmentSource } from '../pipeline/enrichment.ts';
import { tryReadSettings } from '../site/settings.ts';
import {
  loadIssueContext,
  readContentFolder,
  type Archive,
  type IssueFileCache,
  type LoadOptions,
} from '../pipeline/load.ts';

export type { Archive } from '../pipeline/load.ts';

/** What this bulletin's archive is enriched with; each is optional in the content folder. */
export const bulletinEnrichments: readonly EnrichmentSource[] = [parksEnrichment];

/** The same, with the index's steps as the archive's settings define them. */
export function bulletinEnrichmentsWith(steps: readonly StepDefinition[] | undefined): readonly EnrichmentSource[] {
  return steps ? [parksEnrichmentWith(steps)] : bulletinEnrichments;
}

export interface ArchiveOptions extends Pick<LoadOptions, 'onIssue'> {
  /**
   * The steps the index's timelines are read in (settings.index.steps); the programme's own
   * when absent, for commands that read no settings.
   */
  steps?: readonly StepDefinition[];
}

/**
 * The archive in a content folder, as every command reads it: the pipeline with the bulletin's
 * enrichments. `displayDir` is how messages name the folder.
 */
export function loadArchive(
  contentDir: string,
  displayDir = contentDir,
  cache?: IssueFileCache,
  { steps, ...options }: ArchiveOptions = {},
): Promise<Archive> {
  return readContentFolder(contentDir, {
    displayDir,
    enrichments: bulletinEnrichmentsWith(steps),
    ...(cache ? { cache } : {}),
    ...options,
  });
}

/**
 * What each issue file of the folder is read with (its column table and the bulletin's
 * enrichments), for tools that read one file.
 */
export function loadIssueContextFor(contentDir: string, displayDir = contentDir, { steps }: ArchiveOptions = {}) {
  return loadIssueContext({ dir: contentDir, displayDir }, bulletinEnrichmentsWith(steps));
}

/**
 * The steps the folder's site.yaml defines, for the commands that read no other setting (inspect,
 * search, import's check), so that they read parks.yaml as check and build do. A site.yaml that
 * cannot be read gives the programme's steps: saying what is wrong with it is check's and build's.
 */
export function settingsSteps(contentDir: string): ArchiveOptions {
  const read = tryReadSettings(process.env, { dir: contentDir, warn: () => undefined });
  return read.ok ? { steps: read.settings.index.steps } : {};
}
