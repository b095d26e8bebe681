import type { Issue, Milestone, Park } from '../model.ts';
import type { Gazetteer } from './gazetteer.ts';
import { parkUrl } from './link-mentions.ts';
import { extractMilestones, type ExtractedMilestone } from './milestones.ts';

/**
 * What the archive says about each park of the gazetteer: the articles that name it (newest
 * issue first, as `issues` comes) and its programme timeline (oldest first), where an editor's
 * hand entry replaces what was read from the text for the same step.
 */
export function indexParks(gazetteer: Gazetteer, issues: readonly Issue[]): Park[] {
  const extracted: ExtractedMilestone[] = [];
  const mentions = new Map<string, Park['mentions']>();
  for (const issue of issues) {
    for (const article of issue.sections.flatMap((s) => s.articles)) {
      for (const { id } of article.parks) {
        const list = mentions.get(id) ?? [];
        list.push({ issueId: issue.id, articleUrl: article.url, articleTitle: article.title });
        mentions.set(id, list);
      }
      const source = { issueId: issue.id, issueDate: issue.date, articleUrl: article.url, articleTitle: article.title, text: article.text };
      extracted.push(...extractMilestones(article.page === undefined ? source : { ...source, page: article.page }, gazetteer.matcher));
    }
  }
  return gazetteer.parks.map((park) => {
    const byHand: Milestone[] = park.milestones.map(({ step, date, note }) => ({ step, date, dateSource: 'editor', evidence: note ?? '' }));
    const handSteps = new Set(byHand.map((m) => m.step));
    const fromText = earliestPerStep(extracted.filter((m) => m.parkId === park.id && !handSteps.has(m.step)));
    return {
      id: park.id,
      name: park.name,
      aliases: park.aliases,
      province: park.province,
      city: park.city,
      ...(park.type ? { type: park.type } : {}),
      url: parkUrl(park.id),
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
