import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/archive/load-archive.ts';
import { maxSegmentLength } from '../../src/core/routes.ts';
import { parseGazetteer } from '../../src/parks/gazetteer.ts';
import { parseSectionTable } from '../../src/pipeline/section-kinds.ts';
import { bundledContent, makeContentDir, masthead } from '../helpers/content.ts';

/**
 * What the content gives a path segment of the site (an article's id, a column's kind, a park's
 * id) must fit a file name: check refuses what the build could not write (ENAMETOOLONG).
 */
const longest = 'a'.repeat(maxSegmentLength);
const tooLong = 'a'.repeat(maxSegmentLength + 200);
const sections = readFileSync(join(bundledContent, 'sections.yaml'), 'utf8');

describe(`ids that become path segments fit in ${maxSegmentLength} characters`, () => {
  it('article ids', async () => {
    const body = (id: string) => `## 工作动态\n\n### 甲 {#${id} page=1}\n\n正文。\n`;
    const fits = await loadArchive(makeContentDir({ '2018/2018-01.md': masthead() + body(longest) }));
    expect(fits.diagnostics).toEqual([]);
    expect(fits.issues[0]?.sections[0]?.articles[0]?.url).toBe(`/2018/01/${longest}/`);
    const archive = await loadArchive(makeContentDir({ '2018/2018-01.md': masthead() + body(tooLong) }));
    expect(archive.diagnostics.map(({ rule, line, column }) => ({ rule, line, column }))).toEqual([
      { rule: 'article-id', line: 11, column: 7 },
    ]);
    expect(archive.diagnostics[0]?.message).toContain(`有 ${tooLong.length} 个字符，超过上限 ${maxSegmentLength}`);
    expect(archive.diagnostics[0]?.message.length).toBeLessThan(200);
  });

  it('column kinds', () => {
    const table = (kind: string) => `${sections}- title: 政策解读\n  kind: ${kind}\n`;
    expect(parseSectionTable('sections.yaml', table(longest)).diagnostics).toEqual([]);
    const { diagnostics } = parseSectionTable('sections.yaml', table('b'.repeat(5000)));
    expect(diagnostics.map(({ rule, line, column }) => ({ rule, line, column }))).toEqual([
      { rule: 'section-table', line: sections.split('\n').length + 1, column: 9 },
    ]);
    expect(diagnostics[0]?.message).toMatch(/^栏目 “政策解读” 的 kind（栏目标识）“b+…” 有 5000 个字符，超过上限 100/);
  });

  it('park ids', () => {
    const park = (id: string) => `- id: ${id}\n  name: 甲园区\n  province: 安徽省\n  city: 合肥市\n`;
    expect(parseGazetteer('parks.yaml', park(longest)).diagnostics).toEqual([]);
    const { diagnostics } = parseGazetteer('parks.yaml', park(tooLong));
    expect(diagnostics.map(({ rule, line, column }) => ({ rule, line, column }))).toEqual([
      { rule: 'gazetteer', line: 1, column: 7 },
    ]);
    expect(diagnostics[0]?.message).toContain(`有 ${tooLong.length} 个字符，超过上限 ${maxSegmentLength}`);
  });
});
