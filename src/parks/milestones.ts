import type { Milestone, MilestoneStep } from '../model.ts';
import { datesIn } from './dates.ts';
import type { ParkMatcher } from './matcher.ts';
import { stepsStatedIn, type StepDefinition } from './steps.ts';

export interface ExtractedMilestone extends Milestone {
  parkId: string;
}

export interface MilestoneSource {
  issueId: string;
  issueDate: string;
  articleUrl: string;
  articleTitle: string;
  page?: number;
  /** The article's text, one block a line (the model's `text`). */
  text: string;
}

/**
 * Reads programme steps from an article, clause by clause. Within a sentence the park named
 * last stays the subject of later clauses (2010年9月合肥高新区开始…创建，2014年9月被授予…称号);
 * a clause without a date takes the sentence's date, else the latest date the article gave
 * before it, else the issue's date. Several parks and as many dates in one clause pair up in
 * order (上海市工业综合开发区和上海青浦工业园区 … 2月6日、7日). The title states a step too;
 * its date is the article's first date.
 */
export function extractMilestones(
  source: MilestoneSource,
  matcher: ParkMatcher,
  steps: readonly StepDefinition[],
): ExtractedMilestone[] {
  const found: ExtractedMilestone[] = [];
  const seen = new Set<string>();
  const add = (
    parkId: string,
    step: MilestoneStep,
    date: string,
    dateSource: Milestone['dateSource'],
    evidence: string,
  ) => {
    const key = `${parkId} ${step}`;
    if (seen.has(key)) return;
    seen.add(key);
    const { issueId, articleUrl, articleTitle, page } = source;
    found.push({
      parkId,
      step,
      date,
      dateSource,
      evidence,
      source: { issueId, articleUrl, articleTitle, ...(page !== undefined ? { page } : {}) },
    });
  };

  const sentences = source.text
    .split('\n')
    .flatMap((block) => block.split(/(?<=[。！？；])/))
    .filter((s) => s.trim() !== '');
  const firstDates = sentences.map(datesIn).find((dates) => dates.length > 0) ?? [];
  const state: { articleDates: string[] } = { articleDates: [] };

  statedSteps(source.articleTitle, matcher, steps, (parkIds, step) =>
    parkIds.forEach((parkId, i) => {
      const date = pairedDate(firstDates, parkIds.length, i);
      add(parkId, step, date ?? source.issueDate, date ? 'article' : 'issue', source.articleTitle);
    }),
  );

  for (const sentence of sentences) {
    let subject: string[] = [];
    let sentenceDates: string[] = [];
    for (const clause of sentence.split(/[，,]/)) {
      const parks = [...new Set(matcher.find(clause).map((m) => m.id))];
      if (parks.length > 0) subject = parks;
      const dates = datesIn(clause);
      if (dates.length > 0) sentenceDates = dates;
      for (const step of stepsStatedIn(steps, clause)) {
        subject.forEach((parkId, i) => {
          const own = pairedDate(sentenceDates, subject.length, i);
          const earlier = pairedDate(state.articleDates, subject.length, i);
          if (own) add(parkId, step, own, 'sentence', sentence.trim());
          else if (earlier) add(parkId, step, earlier, 'article', sentence.trim());
          else add(parkId, step, source.issueDate, 'issue', sentence.trim());
        });
      }
    }
    if (sentenceDates.length > 0) state.articleDates = sentenceDates;
  }
  return found;
}

function statedSteps(
  title: string,
  matcher: ParkMatcher,
  steps: readonly StepDefinition[],
  onStep: (parkIds: string[], step: MilestoneStep) => void,
): void {
  const parks = [...new Set(matcher.find(title).map((m) => m.id))];
  if (parks.length === 0) return;
  for (const step of stepsStatedIn(steps, title)) onStep(parks, step);
}

/** With as many dates as parks, the i-th park gets the i-th date; otherwise all share the first. */
function pairedDate(dates: readonly string[], parkCount: number, index: number): string | undefined {
  if (dates.length === 0) return undefined;
  return dates.length === parkCount ? dates[index] : dates[0];
}
