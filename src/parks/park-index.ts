import { routes } from '../core/routes.ts';
import type { Issue, Milestone, Park } from '../model.ts';
import type { Gazetteer } from './gazetteer.ts';
import { extractMilestones, type ExtractedMilestone } from './milestones.ts';

/**
 * What an issue yields for the timelines, kept per issue object: the preview indexes the parks
 * again after each save while most issues are the same objects as before (the load cache keeps
 * them), and reading milestones scans every sentence of every article.
 */
export type MilestoneCache = WeakMap<Issue, ExtractedMilestone[]>;

function issueMilestones(issue: Issue, gazetteer: Gazetteer, cache: MilestoneCache): ExtractedMilestone[] {
  const known = cache.get(issue);
  if (known) return known;
  const extracted = issue.sections
    .flatMap((section) => section.articles)
    .flatMap((article) => {
      const source = {
        issueId: issue.id,
        issueDate: issue.date,
        articleUrl: article.url,
        articleTitle: article.title,
        text: article.text,
      };
      return extractMilestones(
        article.page === undefined ? source : { ...source, page: article.page },
        gazetteer.matcher,
        gazetteer.steps,
      );
    });
  cache.set(issue, extracted);
  return extracted;
}

/**
 * What the archive says about each park of the gazetteer: the articles that name it (newest
 * issue first, as `issues` comes) and its programme timeline (oldest first), where an editor's
 * hand entry replaces what was read from the text for the same step.
 */
export function indexParks(
  gazetteer: Gazetteer,
  issues: readonly Issue[],
  cache: MilestoneCache = new WeakMap(),
): Park[] {
  const extracted: ExtractedMilestone[] = [];
  const mentions = new Map<string, Park['mentions']>();
  for (const issue of issues) {
    for (const article of issue.sections.flatMap((s) => s.articles)) {
      for (const { id } of article.parks) {
        const list = mentions.get(id) ?? [];
        list.push({ issueId: issue.id, articleUrl: article.url, articleTitle: article.title });
        mentions.set(id, list);
      }
    }
    // A loop, not push(...list): an issue may state a great many milestones.
    for (const milestone of issueMilestones(issue, gazetteer, cache)) extracted.push(milestone);
  }
  return gazetteer.parks.map((park) => {
    const byHand: Milestone[] = park.milestones.map(({ step, date, note }) => ({
      step,
      date,
      dateSource: 'editor',
      evidence: note ?? '',
    }));
    const handSteps = new Set(byHand.map((m) => m.step));
    const fromText = earliestPerStep(extracted.filter((m) => m.parkId === park.id && !handSteps.has(m.step)));
    return {
      id: park.id,
      name: park.name,
      aliases: park.aliases,
      province: park.province,
      city: park.city,
      ...(park.type ? { type: park.type } : {}),
      url: routes.park(park.id),
      milestones: [...byHand, ...fromText].sort((a, b) => a.date.localeCompare(b.date)),
      mentions: mentions.get(park.id) ?? [],
    };
  });
}

/** Several articles may report one step (news, then a profile): the timeline keeps the earliest. */
function earliestPerStep(milestones: readonly ExtractedMilestone[]): Milestone[] {
  const byStep = new Map<string, ExtractedMilestone>();
  for (const m of milestones) {
    const kept = byStep.get(m.step);
    if (!kept || m.date < kept.date) byStep.set(m.step, m);
  }
  return [...byStep.values()].map(({ parkId: _parkId, ...milestone }) => milestone);
}
