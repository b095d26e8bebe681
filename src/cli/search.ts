import { access } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { contentDir } from '../core/content-dir.ts';
import { formatDiagnostic, hasErrors } from '../core/diagnostics.ts';
import { loadArchive, settingsSteps } from '../archive/load-archive.ts';
import { searchIndexFolder, writeSearchIndex } from '../search/build-index.ts';
import { openPagefind } from '../search/node-pagefind.ts';
import { searchArchive, type SortOrder } from '../search/query.ts';

/**
 * `npm run search -- <query> [--json] [--sort relevance|newest|oldest] [--site DIR] [--reindex]`:
 * searches the built site's index with the page's own query code and prints the matching
 * articles' URLs in rank order (--json: [{ url, title, issue, section }]).
 * --reindex first rebuilds DIR/pagefind/ from content/ (or CONTENT_DIR).
 */
const sortOrders: readonly SortOrder[] = ['relevance', 'newest', 'oldest'];
const valueOptions = new Set(['--site', '--sort']);

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

function queryWords(args: string[]): string[] {
  return args.filter((arg, index) => !arg.startsWith('--') && !valueOptions.has(args[index - 1] ?? ''));
}

async function reindex(siteDir: string): Promise<boolean> {
  const dir = contentDir();
  const archive = await loadArchive(dir, relative(process.cwd(), dir) || '.', undefined, settingsSteps(dir));
  for (const d of archive.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
  if (hasErrors(archive.diagnostics)) {
    process.stderr.write('内容有错误，未重建搜索索引。\n');
    return false;
  }
  const { records } = await writeSearchIndex(archive.issues, siteDir);
  process.stderr.write(`已重建搜索索引：${records} 篇文章。\n`);
  return true;
}

async function main(args: string[]): Promise<number> {
  const siteDir = resolve(option(args, '--site') ?? '_site');
  const sort = (option(args, '--sort') ?? 'relevance') as SortOrder;
  const query = queryWords(args).join(' ');
  if (query.trim() === '' || !sortOrders.includes(sort)) {
    process.stderr.write(
      '用法：npm run search -- 检索词 [--json] [--sort relevance|newest|oldest] [--site 网站目录] [--reindex]\n',
    );
    return 2;
  }
  if (args.includes('--reindex') && !(await reindex(siteDir))) return 1;
  try {
    await access(join(siteDir, searchIndexFolder, 'pagefind.js'));
  } catch {
    process.stderr.write(
      `找不到搜索索引 ${join(siteDir, searchIndexFolder)}/：请先运行 npm run build，或加 --reindex 按内容目录生成。\n`,
    );
    return 1;
  }
  const loaded = await openPagefind(siteDir);
  try {
    const results = await searchArchive(loaded.pagefind, { query, sort }, loaded.context);
    const hits = await results.hits(0, results.total);
    if (args.includes('--json')) {
      process.stdout.write(
        `${JSON.stringify(
          hits.map(({ url, title, issue, section }) => ({ url, title, issue, section })),
          null,
          2,
        )}\n`,
      );
    } else {
      for (const hit of hits) process.stdout.write(`${hit.url}\n`);
      process.stderr.write(
        results.total === 0 ? `没有找到包含 “${results.terms.join(' ')}” 的文章。\n` : `共 ${results.total} 篇。\n`,
      );
    }
  } finally {
    await loaded.close();
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
