import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImportCommand } from '../../src/cli/import-command.ts';
import { importers } from '../../src/cli/importers.ts';
import { bundledContent, repoRoot } from '../helpers/content.ts';
import { runBuild, type BuildResult } from './helpers/build.ts';

/**
 * From the printed bulletin to the archive (issue 14): the seed PDF imported by `npm run import`
 * into an empty content folder, the site built from what it wrote, and the result read as a
 * reader meets it: both photos on their articles, under their captions, and each article's
 * 原刊 link opening the PDF at the page its title stands on.
 */
const seedPdf = join(repoRoot, 'tests/fixtures/pdf-import/seed-2018-01/expected/2018/2018-01.pdf');
const work = mkdtempSync(join(tmpdir(), 'pdf-import-site-'));
const content = join(work, 'content');
const out = join(work, 'site');
let imported: { code: number; stdout: string; stderr: string };
let build: BuildResult;

beforeAll(async () => {
  mkdirSync(content);
  for (const file of ['sections.yaml', 'parks.yaml']) copyFileSync(join(bundledContent, file), join(content, file));
  copyFileSync(seedPdf, join(work, '2018年第1期.pdf'));
  const run = { stdout: '', stderr: '' };
  const code = await runImportCommand({
    argv: ['2018年第1期.pdf'],
    contentDir: content,
    cwd: work,
    importers,
    write: (text) => (run.stdout += text),
    writeError: (text) => (run.stderr += text),
  });
  imported = { code, ...run };
  build = await runBuild(out, { CONTENT_DIR: content, BULLETIN_CACHE_DIR: join(work, 'cache') });
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

const page = (url: string) => readFileSync(join(out, url, 'index.html'), 'utf8');

describe('a bulletin imported from its PDF, then built', () => {
  it('imports with one warning, passes the check and builds cleanly', () => {
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(
      /3 个栏目，5 篇文章，2 幅插图有图片，0 处图片待补；2 张图片写入 content\/2018\/2018-01\//,
    );
    expect(imported.stdout).toMatch(/检查通过/);
    expect(imported.stderr).toMatch(
      /^content\/2018\/2018-01\.md:20:1 {2}warning {2}正文标题 .*\(import-title-differs\)\n$/,
    );
    expect(build.code, build.stderr).toBe(0);
  });

  it('shows each photo on its article, under its caption, as responsive pictures', () => {
    const photos: [string, string][] = [
      ['/2018/01/p1/', '泰州医药高新技术产业开发区国家生态工业园区建设规划会'],
      ['/2018/01/p3/', '调研现场'],
    ];
    for (const [url, caption] of photos) {
      const html = page(url);
      const figure = /<figure[^>]*>([\s\S]*?)<\/figure>/.exec(html)?.[1] ?? '';
      expect(figure, url).toMatch(
        /<picture>[\s\S]*<img [^>]*src="\/pictures\/[^"]+\.jpe?g"[^>]*width="\d+"[^>]*height="\d+"/,
      );
      expect(figure, url).toContain(`<figcaption>${caption}</figcaption>`);
    }
    for (const url of ['/2018/01/p2/', '/2018/01/p5/', '/2018/01/p6/']) expect(page(url)).not.toMatch(/<figure/);
  });

  it('links each article to the page of the original PDF its title stands on', () => {
    for (const [id, pdfPage] of [
      ['p1', 1],
      ['p2', 2],
      ['p3', 3],
      ['p5', 5],
      ['p6', 6],
    ] as const) {
      const links = [...page(`/2018/01/${id}/`).matchAll(/<a href="([^"]*\.pdf[^"]*)"[^>]*>([^<]*)<\/a>/g)];
      expect(links.map((m) => [m[1], m[2]])).toEqual([
        [`/2018/01/2018-01.pdf#page=${pdfPage}`, `原刊第 ${pdfPage} 页`],
      ]);
    }
    expect(readFileSync(join(out, '2018/01/2018-01.pdf')).equals(readFileSync(seedPdf))).toBe(true);
  });
});
