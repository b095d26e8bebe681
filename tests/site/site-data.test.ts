import { describe, expect, it } from 'vitest';
import { sectionTable } from '../../src/pipeline/section-kinds.ts';
import { jsonFeed } from '../../src/site/feeds.ts';
import { readSettings } from '../../src/site/settings.ts';
import { siteData } from '../../src/site/site-data.ts';
import { issue } from './fixtures.ts';

// Newest first, as loadArchive returns them.
const issues = [issue(2019, 2, 12), issue(2019, 1, 11), issue(2018, 1, 10)];
const archive = { issues, sectionTable: sectionTable([]), parks: [] };

describe('siteData feeds', () => {
  it('carries the newest feedSize issues in both feeds, and every issue elsewhere', () => {
    const settings = { ...readSettings({}), feedSize: 2 };
    const data = siteData(archive, settings);
    expect(data.feedIssues.map((i) => i.id)).toEqual(['2019-02', '2019-01']);
    // The feed template renders the JSON Feed from the feed issues.
    const items = (jsonFeed(data.feedIssues, settings, data.media.pictures) as { items: { url: string }[] }).items;
    expect(items.map((item) => item.url)).toEqual(['https://example.org/2019/02/', 'https://example.org/2019/01/']);
    expect(data.issueData).toHaveLength(3);
    expect(data.sitemap).toContain('/2018/01/');
  });

  it('carries every issue when the archive is smaller than feedSize', () => {
    expect(siteData(archive, { ...readSettings({}), feedSize: 20 }).feedIssues).toHaveLength(3);
  });
});
