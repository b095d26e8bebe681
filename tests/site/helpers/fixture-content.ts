import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const hostileTitle = '<script>alert(1)</script> & co';

/**
 * A content folder with the bundled section table, the real 2018 issue and a 2019 issue whose
 * first article has a hostile title and whose 工作动态 column has `extraArticles` more articles,
 * enough to paginate the column page.
 */
export async function writeFixtureContent(dir: string, extraArticles: number): Promise<void> {
  await mkdir(join(dir, '2018'), { recursive: true });
  await mkdir(join(dir, '2019'), { recursive: true });
  await copyArchiveTables(dir);
  await copyFile('content/2018/2018-01.md', join(dir, '2018/2018-01.md'));
  const more = Array.from(
    { length: extraArticles },
    (_, i) => `### 第${i + 2}篇动态 {#update-${i + 2} page=${i + 2}}\n\n正文${i + 2}。\n`,
  );
  await writeFile(
    join(dir, '2019/2019-01.md'),
    [
      '---',
      'series: 国家生态工业园区 工作动态',
      'publisher: 国家生态工业园区建设协调领导小组办公室',
      'year: 2019',
      'number: 1',
      'cumulativeNumber: 11',
      'date: 2019-03-01',
      '---',
      '',
      '## 工作动态',
      '',
      `### ${hostileTitle} {#hostile page=1}`,
      '',
      '——副题 & 说明',
      '',
      '正文。',
      '',
      '#### 小标题',
      '',
      '小标题下的正文。',
      '',
      ...more,
    ].join('\n'),
  );
}

/** A content folder whose only issue breaks a rule (an article without a body). */
export async function writeBrokenContent(dir: string): Promise<void> {
  await mkdir(join(dir, '2018'), { recursive: true });
  await copyArchiveTables(dir);
  await writeFile(
    join(dir, '2018/2018-01.md'),
    [
      '---',
      'series: 刊',
      'publisher: 办',
      'year: 2018',
      'number: 1',
      'cumulativeNumber: 10',
      'date: 2018-06-29',
      '---',
      '',
      '## 工作动态',
      '',
      '### 没有正文的文章 {#empty page=1}',
      '',
    ].join('\n'),
  );
}

/** The bundled archive-wide tables (columns, and the park gazetteer when there is one). */
async function copyArchiveTables(dir: string): Promise<void> {
  for (const file of (await readdir('content')).filter((name) => name.endsWith('.yaml')))
    await copyFile(join('content', file), join(dir, file));
}
