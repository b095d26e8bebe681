import * as v from 'valibot';
import { isMap, type Document } from 'yaml';
import { mediaFields, type MediaField } from '../../core/content-format.ts';
import { fileStart, type Place } from '../../core/diagnostics.ts';
import { placeOfPath, type YamlLines, type YamlText } from '../../core/yaml.ts';
import { firstPerValue, issueDiagnostic } from '../../core/yaml-schema.ts';
import type { Diagnostic } from '../../model.ts';

/** The front matter's media fields, each with where it is written (messages about it point there). */
export interface MediaFields {
  original?: { value: string; place: Place };
  originalPageOffset?: { value: number; place: Place };
  diagnostics: Diagnostic[];
}

const problem = (name: MediaField, text: string) =>
  `${mediaFields[name].label}（${name}）${text}。示例：${mediaFields[name].example}`;

const [min, max] = mediaFields.originalPageOffset.range;
const offsetText = `须是整数：原刊 PDF 的页序减去印刷页码（封面不编页码时为 1），在 ${min} 到 ${max} 之间`;

const originalSchema = v.object({
  original: v.optional(
    v.pipe(
      v.string(problem('original', '须是 PDF 文件相对于本期文件的路径')),
      v.trim(),
      v.nonEmpty(problem('original', '须是 PDF 文件相对于本期文件的路径')),
    ),
  ),
});

const offsetSchema = v.object({
  originalPageOffset: v.optional(
    v.pipe(
      v.number(problem('originalPageOffset', offsetText)),
      v.integer(problem('originalPageOffset', offsetText)),
      v.minValue(min, problem('originalPageOffset', offsetText)),
      v.maxValue(max, problem('originalPageOffset', offsetText)),
    ),
  ),
});

/**
 * Reads `original:` and `originalPageOffset:` from the front matter. Syntax and the masthead are
 * readMasthead's to report; a front matter it cannot read gives no media fields here.
 */
export function readMediaFields(path: string, document: Document, lines: YamlLines): MediaFields {
  if (!isMap(document.contents)) return { diagnostics: [] };
  const yaml: YamlText = { document, lines, start: fileStart };
  // The two values only, not the whole front matter again: a scalar gives its value, anything else
  // (a list, an alias) a node that the schemas refuse as the wrong kind.
  const value = (key: MediaField): unknown => document.get(key);
  // Each field on its own: a wrong offset does not hide what is wrong with the original.
  const original = v.safeParse(originalSchema, { original: value('original') });
  const offset = v.safeParse(offsetSchema, { originalPageOffset: value('originalPageOffset') });
  const diagnostics = firstPerValue([...(original.issues ?? []), ...(offset.issues ?? [])]).map((issue) =>
    issueDiagnostic(path, yaml, issue, 'front-matter-field'),
  );
  const written = original.success ? original.output.original : undefined;
  const pageOffset = offset.success ? offset.output.originalPageOffset : undefined;
  return {
    ...(written === undefined ? {} : { original: { value: written, place: placeOfPath(yaml, ['original']) } }),
    ...(pageOffset === undefined
      ? {}
      : { originalPageOffset: { value: pageOffset, place: placeOfPath(yaml, ['originalPageOffset']) } }),
    diagnostics,
  };
}
