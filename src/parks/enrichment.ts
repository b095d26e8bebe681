import { join } from 'node:path';
import { diagnostic, fileStart } from '../core/diagnostics.ts';
import { readOptionalText } from '../core/read-file.ts';
import type { Article, Issue } from '../model.ts';
import type { Enrichment, EnrichmentSource, LoadedEnrichment } from '../pipeline/enrichment.ts';
import { gazetteer, gazetteerFile, parseGazetteer, type Gazetteer } from './gazetteer.ts';
import { markParkMentions } from './mark-mentions.ts';
import { distinctParks } from './matcher.ts';
import { indexParks, type MilestoneCache } from './park-index.ts';
import { unknownPark } from './rules/unknown-park.ts';
import { milestoneSteps, stepsFingerprint, type StepDefinition } from './steps.ts';

/**
 * The park gazetteer (`parks.yaml` of the content folder) as an enrichment: it finds the parks
 * each article names, marks them in the body, warns about park-like names it does not know, and
 * indexes each park's mentions and its timeline of these steps (site.yaml's, else the programme's).
 * Optional: without the file the archive tracks no parks.
 */
export function parksEnrichmentWith(steps: readonly StepDefinition[]): EnrichmentSource {
  return {
    name: 'parks',
    load: (folder) => loadParks(folder, steps),
  };
}

/** With the programme's own steps. */
export const parksEnrichment: EnrichmentSource = parksEnrichmentWith(milestoneSteps);

async function loadParks(
  { dir, displayDir }: { dir: string; displayDir: string },
  steps: readonly StepDefinition[],
): Promise<LoadedEnrichment> {
  const shown = join(displayDir, gazetteerFile);
  const file = await readOptionalText(join(dir, gazetteerFile));
  if ('missing' in file) return { diagnostics: [], fingerprint: '' };
  if ('unreadable' in file) {
    const message = `无法读取园区名录 ${gazetteerFile}：${file.unreadable}。请检查这个文件。`;
    return { diagnostics: [diagnostic(shown, fileStart, 'error', 'gazetteer', message)], fingerprint: 'unreadable' };
  }
  const { parks, unreadNames, diagnostics } = parseGazetteer(shown, file.text, steps);
  return {
    enrichment: parkEnrichment(gazetteer(parks, steps), unreadNames, shown),
    diagnostics,
    fingerprint: `${stepsFingerprint(steps)}\n${file.text}`,
  };
}

function parkEnrichment(parks: Gazetteer, unreadNames: readonly string[], gazetteerPath: string): Enrichment {
  const milestones: MilestoneCache = new WeakMap();
  return {
    name: 'parks',
    rules: [unknownPark.configure({ matcher: parks.matcher, unreadNames, gazetteerPath })],
    enrichArticle(article: Article): Article {
      markParkMentions(article.body, parks.matcher);
      return { ...article, parks: distinctParks(parks.matcher.find(`${article.title}\n${article.text}`)) };
    },
    indexArchive: (issues: readonly Issue[]) => ({ parks: indexParks(parks, issues, milestones) }),
  };
}
