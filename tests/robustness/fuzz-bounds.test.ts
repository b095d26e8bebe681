import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gazetteer, parseGazetteer } from '../../src/parks/gazetteer.ts';
import { parksEnrichment } from '../../src/parks/enrichment.ts';
import { processIssueFile } from '../../src/pipeline/issue-file.ts';
import { parseSectionTable } from '../../src/pipeline/section-kinds.ts';
import { articleHtml } from '../../src/site/article-html.ts';
import { readSettings } from '../../src/site/settings.ts';
import { bundledContent, masthead } from '../helpers/content.ts';
import { defined } from '../helpers/defined.ts';
import { seededRandom } from '../../src/generate/random.ts';

/**
 * Seeded fuzzing of what the masthead and the parser are asked to take: front matter keys and
 * values named after Object members, nested YAML, and block and inline nesting of every kind and
 * depth. Each input must give diagnostics with a place and a rule, or an issue whose pages render,
 * never a throw; the per-input timeout is a hang guard, not a performance figure.
 */
function random(seed: number): () => number {
  const generator = seededRandom(seed);
  return () => generator.next();
}

const objectNames = [
  'constructor',
  '__proto__',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'prototype',
  '__defineGetter__',
];
const fieldNames = ['series', 'publisher', 'year', 'number', 'cumulativeNumber', 'date'];
const blockMarkers = ['> ', '- ', '* ', '+ ', '1. ', '2) ', '> - ', '>'];
const inlineMarks = ['*', '_', '`', '[', ']', '](x)', '![', '<', '&amp;', '\\', '**', '``'];

const pick = <T>(list: readonly T[], next: () => number): T =>
  defined(list[Math.floor(next() * list.length)], 'a pick from a non-empty list');
const upTo = (n: number, next: () => number) => Math.floor(next() * (n + 1));

/** A YAML value: a scalar, an Object member's name, or a map or list nested up to `depth`. */
function yamlValue(next: () => number, depth: number): string {
  const roll = next();
  if (depth <= 0 || roll < 0.4) return pick([...objectNames, '2018', '甲', '2018-06-29', '~', '[]', '{}'], next);
  const inner = yamlValue(next, depth - 1);
  return roll < 0.7 ? `{${pick(objectNames, next)}: ${inner}}` : `[${inner}, ${pick(objectNames, next)}]`;
}

/** Known fields given odd values (as `masthead` overrides), and extra keys named after Object members. */
function frontMatter(next: () => number): { fields: Record<string, string>; extra: string } {
  const fields: Record<string, string> = {};
  const extra = new Map<string, string>();
  for (let k = 0, count = upTo(6, next); k < count; k++) {
    const value = yamlValue(next, upTo(next() < 0.9 ? 5 : 400, next));
    if (next() < 0.5) extra.set(pick(objectNames, next), value);
    else fields[pick(fieldNames, next)] = value;
  }
  return { fields, extra: [...extra].map(([key, value]) => `${key}: ${value}\n`).join('') };
}

function body(next: () => number): string {
  const depth = upTo(next() < 0.7 ? 40 : 3000, next);
  const marker = pick(blockMarkers, next);
  const mark = pick(inlineMarks, next);
  const inline = `正文${mark.repeat(upTo(next() < 0.7 ? 300 : 3000, next))}甲`;
  switch (upTo(3, next)) {
    case 0:
      return `${marker.repeat(depth)}${inline}\n`;
    case 1:
      return Array.from({ length: Math.min(depth, 400) }, (_, i) => `${'  '.repeat(i)}- ${inline}\n`).join('');
    case 2:
      return Array.from({ length: Math.min(depth, 400) }, (_, i) => `${'>'.repeat(i + 1)} ${inline}\n`).join('');
    default:
      return `${inline}\n\n`.repeat(upTo(50, next));
  }
}

const seed = 20181201;
const rounds = 150;
const next = random(seed);
const inputs = Array.from({ length: rounds }, (_, round) => {
  const { fields, extra } = frontMatter(next);
  const head = masthead(fields).replace(/---\n$/, `${extra}---\n`);
  return { round, text: `${head}\n## 工作动态\n\n### 标题\n\n${body(next)}` };
});

const { table } = parseSectionTable('sections.yaml', readFileSync(join(bundledContent, 'sections.yaml'), 'utf8'));
const loaded = await parksEnrichment.load({ dir: bundledContent, displayDir: 'content' });
const enrichments = loaded.enrichment ? [loaded.enrichment] : [];
const encoder = new TextEncoder();

describe(`fuzzing keys, nesting and markup (seed ${seed})`, () => {
  it.each(inputs)(
    'round $round: diagnostics or an issue that renders, never a throw',
    { timeout: 10_000 },
    async ({ text }) => {
      const context = { table, enrichments, contentDir: '.' };
      const result = await processIssueFile('a.md', '2018/2018-01.md', encoder.encode(text), context);
      for (const d of result.diagnostics) {
        expect(d.line).toBeGreaterThanOrEqual(1);
        expect(d.column).toBeGreaterThanOrEqual(1);
        expect(d.message.length).toBeGreaterThan(0);
        expect(d.rule).toMatch(/^[a-z-]+$/);
      }
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      expect(result.issue === undefined).toBe(errors.length > 0);
      for (const article of result.issue?.sections.flatMap((s) => s.articles) ?? []) {
        expect(articleHtml(article, 'page', readSettings({}))).toContain('<');
      }
      expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('2018');
    },
  );

  it('tables with Object member names as keys and values take them as text or as unknown, never as members', () => {
    const sections = parseSectionTable(
      'sections.yaml',
      '- title: constructor\n  kind: constructor\n  __proto__: {kind: x}\n- title: toString\n  kind: to-string\n',
    );
    expect(sections.diagnostics).toEqual([]);
    expect(sections.table.byTitle.get('constructor')?.kind).toBe('constructor');
    expect(sections.table.byTitle.get('valueOf')).toBeUndefined();
    const parks = parseGazetteer(
      'parks.yaml',
      '- id: constructor\n  name: __proto__\n  province: toString\n  city: valueOf\n  aliases: [hasOwnProperty]\n',
    );
    expect(parks.diagnostics).toEqual([]);
    expect(
      gazetteer(parks.parks)
        .matcher.find('见 __proto__ 与 hasOwnProperty。')
        .map((m) => m.id),
    ).toEqual(['constructor', 'constructor']);
  });
});
