import { readFile } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import * as v from 'valibot';
import { fileStart } from '../core/diagnostics.ts';
import { yamlData } from '../core/yaml.ts';
import { fieldOf } from '../core/yaml-schema.ts';
import { specialName, type SpecialIssue } from '../core/issue-numbering.ts';
import { decodeSource } from '../pipeline/decode.ts';
import { issueFiles } from '../pipeline/load.ts';
import { mastheadSchema } from '../pipeline/masthead.ts';
import { parseSource } from '../pipeline/parse.ts';

/**
 * The front matter fields of an issue file that could be read, even when others are missing or
 * the body has errors: a skeleton not yet filled in still counts as the latest issue.
 */
export interface IssueHead {
  /** Path inside the content folder, with forward slashes. */
  path: string;
  /** Each field is undefined where the file lacks it or gets it wrong. */
  year?: number | undefined;
  /** For a special issue, its ordinal among the year's supplements. */
  number?: number | undefined;
  /** Present when the file is a supplement (增刊): then `number` is not in the regular sequence. */
  special?: SpecialIssue | undefined;
  cumulativeNumber?: number | undefined;
  series?: string | undefined;
  publisher?: string | undefined;
}

export function headOf(path: string, bytes: Uint8Array): IssueHead {
  const decoded = decodeSource(path, bytes);
  const parsed = decoded.ok ? parseSource(path, decoded.text) : undefined;
  const source = parsed?.ok ? parsed.source : undefined;
  const data =
    source &&
    yamlData(
      path,
      { document: source.frontMatter, lines: source.frontMatterLines, start: fileStart },
      'front-matter-syntax',
      '刊头信息',
    );
  const fields: unknown = data?.ok ? data.data : undefined;
  // Each field by the masthead's own rule, one at a time: a wrong field leaves out only itself.
  const read = <T>(schema: v.GenericSchema<unknown, T>, key: string): T | undefined => {
    const result = v.safeParse(schema, fieldOf(fields, key));
    return result.success ? result.output : undefined;
  };
  const { year, number, special, cumulativeNumber, series, publisher } = mastheadSchema.entries;
  const written = read(number, 'number');
  const supplement = written && (written.special || read(special, 'special') === true);
  return {
    path,
    year: read(year, 'year'),
    number: written?.value,
    ...(supplement && written ? { special: { name: specialName, ordinal: written.value } } : {}),
    cumulativeNumber: read(cumulativeNumber, 'cumulativeNumber'),
    series: read(series, 'series'),
    publisher: read(publisher, 'publisher'),
  };
}

/** Every issue file in the content folder, the same files `npm run check` reads. */
export async function readIssueHeads(contentDir: string): Promise<IssueHead[]> {
  const files = await issueFiles(contentDir);
  return Promise.all(
    files.map(async (file) => headOf(relative(contentDir, file).split(sep).join('/'), await readFile(file))),
  );
}
