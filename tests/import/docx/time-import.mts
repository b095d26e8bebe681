/**
 * Times the Word import of each fixture (alone, and with its PDF where it has one): the numbers of
 * the import's closing note. Not a test; run: node --import tsx tests/import/docx/time-import.mts
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importDocx } from '../../../src/import/import-docx.ts';
import { loadSectionTableFile } from '../../../src/pipeline/load.ts';

const root = new URL('../../../', import.meta.url).pathname;
const fixtures = join(root, 'tests/fixtures/docx-import');
const { table } = await loadSectionTableFile(join(root, 'content'), 'content');
const pdfs: Record<string, string> = {
  'seed-2018-01': 'pdf-import/seed-2018-01/expected/2018/2018-01.pdf',
  'lo-cover-2018-02': 'pdf-import/lo-cover-2018-02/expected/2018/2018-02.pdf',
  'lo-dots-2019-01': 'pdf-import/lo-dots-2019-01/expected/2019/2019-01.pdf',
};
const runs = 3;
for (const name of readdirSync(fixtures).filter((n) => existsSync(join(fixtures, n, 'expected')))) {
  const docx = readdirSync(join(fixtures, name)).find((file) => file.endsWith('.docx'));
  if (!docx) continue;
  const bytes = new Uint8Array(readFileSync(join(fixtures, name, docx)));
  const pdf = pdfs[name];
  for (const withPdf of pdf ? [false, true] : [false]) {
    const options =
      withPdf && pdf ? { printedPdf: { path: pdf, bytes: readFileSync(join(root, 'tests/fixtures', pdf)) } } : {};
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await importDocx(docx, bytes, table, options);
      times.push(performance.now() - start);
    }
    const best = Math.min(...times).toFixed(0);
    process.stdout.write(
      `${name}${withPdf ? ' + PDF' : ''}: ${(bytes.length / 1024).toFixed(0)} KB, best of ${runs} ${best} ms\n`,
    );
  }
}
