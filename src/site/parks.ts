import type { Issue, Milestone, Park } from '../model.ts';
import { issueShortLabel } from '../core/content-format.ts';

export interface ProvinceGroup {
  province: string;
  parks: Park[];
}

/** Parks by province for the parks index; provinces and parks in Chinese collation order. */
export function parksByProvince(parks: readonly Park[]): ProvinceGroup[] {
  const collator = new Intl.Collator('zh-CN');
  const groups = new Map<string, Park[]>();
  for (const park of parks) groups.set(park.province, [...(groups.get(park.province) ?? []), park]);
  return [...groups.entries()]
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([province, list]) => ({ province, parks: [...list].sort((a, b) => collator.compare(a.name, b.name)) }));
}

/** How a reader should weigh a milestone's date. */
export function dateSourceNote(source: Milestone['dateSource']): string {
  switch (source) {
    case 'sentence':
      return '';
    case 'article':
      return '日期取自同一篇文章';
    case 'issue':
      return '文中未写日期，以刊发日期计';
    case 'editor':
      return '编辑补充';
  }
}

export interface ParkPage extends Park {
  mentions: (Park['mentions'][number] & { issueLabel: string; issueUrl: string })[];
}

/** Mentions carry only the issue id; the park page shows which issue (2018年第1期) and links it. */
export function parkPages(parks: readonly Park[], issues: readonly Issue[]): ParkPage[] {
  const byId = new Map(issues.map((issue) => [issue.id, issue]));
  return parks.map((park) => ({
    ...park,
    mentions: park.mentions.flatMap((mention) => {
      const issue = byId.get(mention.issueId);
      return issue ? [{ ...mention, issueLabel: issueShortLabel(issue), issueUrl: issue.url }] : [];
    }),
  }));
}
