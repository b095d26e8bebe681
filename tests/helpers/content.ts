import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const bundledContent = join(repoRoot, 'content');
export const bundledIssuePath = join(bundledContent, '2018/2018-01.md');
/**
 * The bundled issue's text with its two photos as pictures (stand-ins, from the PDF maker) and the
 * PDF made from it as its original: content/ itself keeps captions only (the real photos are not available).
 */
export const mediaArchive = join(repoRoot, 'tests/fixtures/media-archive');
/** The seed text of the bundled issue (the 2018 PDF's text, UTF-8), vendored so a clone needs nothing beside it. */
export const seedTextPath = join(repoRoot, 'tests/fixtures/bulletin-2018-01.txt');

const madeDirs: string[] = [];
/**
 * Removes the content folders made so far; the unit project, whose files share this module, calls it after each
 * file.
 */
export function removeContentDirs(): void {
  for (const dir of madeDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}
// In an isolated test file this registers once per file that makes content folders.
afterAll(removeContentDirs);

/**
 * A throwaway content folder with the bundled column table and the given files (path → text or bytes); removed
 * after the test file.
 */
export function makeContentDir(files: Record<string, string | Uint8Array>, { withSectionTable = true } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-content-'));
  madeDirs.push(dir);
  if (withSectionTable) cpSync(join(bundledContent, 'sections.yaml'), join(dir, 'sections.yaml'));
  for (const [path, data] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), data);
  }
  return dir;
}

export const masthead = (fields: Partial<Record<string, string | number>> = {}): string => {
  const all = {
    series: '国家生态工业园区 工作动态',
    publisher: '国家生态工业园区建设协调领导小组办公室',
    year: 2018,
    number: 1,
    cumulativeNumber: 10,
    date: '2018-06-29',
    ...fields,
  };
  return [
    '---',
    ...Object.entries(all)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}: ${v}`),
    '---',
    '',
  ].join('\n');
};

/** A small valid issue body: one column, one article. */
export const minimalBody = '## 工作动态\n\n### 测试文章 {#test-article page=1}\n\n正文第一段。\n';
