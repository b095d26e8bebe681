/**
 * Run with tsx (Eleventy loads .eleventy.ts, which needs it): publishes the archive in `content`
 * to `<work>/preview`, retitles the first article of the second-newest issue and deletes its
 * second, republishes the changed pages only to `<work>/preview` and everything to `<work>/full`,
 * and prints which pages the partial build rendered and removed.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { issueFileCache, loadArchive } from '../../../src/pipeline/load.ts';
import { changedPages, removedFiles } from '../../../src/site/incremental.ts';
import { publishSite } from '../../../src/site/publish.ts';
import { readSettings } from '../../../src/site/settings.ts';
import { siteData } from '../../../src/site/site-data.ts';

const [content = '', work = ''] = process.argv.slice(2);
const cache = issueFileCache();
const before = await loadArchive(content, content, cache);
await publishSite(before, join(work, 'preview'), { index: 'later' });

const edited = before.issues[1]!;
const file = join(content, edited.sourcePath);
const text = await readFile(file, 'utf8');
const [first, second, third] = [...text.matchAll(/^### .*$/gm)].map((match) => match.index);
await writeFile(file, text.slice(0, first) + text.slice(first, second).replace(/^### [^{\n]+/, '### 新的标题 ') + text.slice(third));

const after = await loadArchive(content, content, cache);
const settings = readSettings();
const changed = changedPages(siteData(before, settings), siteData(after, settings));
await publishSite(after, join(work, 'preview'), { index: 'later', changedOnly: true });
await publishSite(after, join(work, 'full'), { index: 'later' });
process.stdout.write(JSON.stringify({
  reparsed: after.issues.filter((issue, i) => issue !== before.issues[i]).map((issue) => issue.id),
  edited: edited.id,
  renderedArticles: changed.articlePages.length,
  articles: siteData(after, settings).articlePages.length,
  removed: removedFiles(siteData(before, settings), siteData(after, settings)),
  deletedArticle: edited.sections[0]!.articles[1]!.url,
}));
