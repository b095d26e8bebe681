import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importBulletin } from '../../src/import/import-bulletin.ts';
import { parseSectionTable } from '../../src/pipeline/section-kinds.ts';
import { bundledContent } from '../helpers/content.ts';

export const table = parseSectionTable(
  'sections.yaml',
  readFileSync(join(bundledContent, 'sections.yaml'), 'utf8'),
).table;

export const utf8 = (text: string) => new TextEncoder().encode(text);

export const importText = (text: string) => importBulletin('input.txt', utf8(text), table);

export const mastheadLines = [
  '国家生态工业园区 工作动态',
  '',
  '国家生态工业园区建设协调领导小组办公室',
  '',
  '2018年第1期(总第10期)',
  '',
  '二〇一八年六月二十九日',
  '',
];

/** A small bulletin text: the bundled masthead, then the given contents lines and body lines. */
export function bulletin(contents: string[], body: string[]): string {
  return [...mastheadLines, '本期目录', '', ...contents, '', ...body, ''].join('\n');
}

/** The rules of the warnings, each with its input line, for compact assertions. */
export const findings = (result: { diagnostics: { line: number; rule: string }[] }) =>
  result.diagnostics.map((d) => `${d.line} ${d.rule}`);
