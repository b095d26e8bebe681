/**
 * Publishes the archive in `content` to `<work>/preview`, retitles the first article of the
 * second-newest issue and deletes its second, republishes the changed pages only to
 * `<work>/preview` and everything to `<work>/full`, and reports which pages the partial build
 * rendered and removed. Runs in the test's own process: a render is a function of its inputs.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadArchive } from '../../../src/archive/load-archive.ts';
import { issueFileCache } from '../../../src/pipeline/load.ts';
import { changedPages, removedFiles } from '../../../src/site/incremental.ts';
import { publishSite } from '../../../src/site/publish.ts';
import { readSettings } from '../../../src/site/settings.ts';
import { siteData } from '../../../src/site/site-data.ts';

export interface RepublishReport {
  reparsed: string[];
  edited: string;
  renderedArticles: number;
  articles: number;
  removed: string[];
  deletedArticle: string;
}

export async function editAndRepublish(content: string, work: string): Promise<RepublishReport> {
  const settings = readSettings({});
  const cache = issueFileCache();
  const before = await loadArchive(content, content, cache);
  const first = await publishSite(before, join(work, 'preview'), { settings, index: 'later' });

  const edited = before.issues[1];
  const deletedArticle = edited?.sections[0]?.articles[1];
  if (!edited || !deletedArticle) throw new Error('the archive needs two issues, the second with two articles');
  const file = join(content, edited.sourcePath);
  const text = await readFile(file, 'utf8');
  const [start, second, third] = [...text.matchAll(/^### .*$/gm)].map((match) => match.index);
  await writeFile(
    file,
    text.slice(0, start) + text.slice(start, second).replace(/^### [^{\n]+/, '### 新的标题 ') + text.slice(third),
  );

  const after = await loadArchive(content, content, cache);
  const changed = changedPages(siteData(before, settings), siteData(after, settings));
  await publishSite(after, join(work, 'preview'), { settings, index: 'later', changedSince: first.data });
  await publishSite(after, join(work, 'full'), { settings, index: 'later' });
  return {
    reparsed: after.issues.filter((issue, i) => issue !== before.issues[i]).map((issue) => issue.id),
    edited: edited.id,
    renderedArticles: changed.articlePages.length,
    articles: siteData(after, settings).articlePages.length,
    removed: removedFiles(siteData(before, settings), siteData(after, settings)),
    deletedArticle: deletedArticle.url,
  };
}
