import { readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { moduleGraph, projectRoot } from './folder-graph/cruise.ts';
import { collapse, describeCycles, describeGraph, findCycles, mermaid, replaceBlock } from './folder-graph/graph.ts';

/**
 * `npm run deps [-- --write]`: prints which folder imports which, and fails when two folders
 * import each other, directly or round a longer loop, naming the imports that make each edge.
 * `--check` (what `npm run deps` passes) also fails when docs/architecture.md's folder graph is
 * out of date; `--write` brings it up to date instead. Type-only imports count.
 */
const usage = 'usage: tsx scripts/folder-graph.ts [--check | --write]';
const architectureDoc = join(projectRoot, 'docs/architecture.md');

const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== '--check' && arg !== '--write');
if (unknown.length > 0) {
  console.error(`unknown argument ${unknown.join(' ')}\n${usage}`);
  process.exit(2);
}
// `npm run deps -- --write` passes both: writing is the stronger wish.
const mode = args.includes('--write') ? 'write' : args.includes('--check') ? 'check' : 'print';

const { modules, imports } = await moduleGraph();
const graph = collapse(modules, imports);
const cycles = findCycles(graph);
console.log(`Folder graph (${modules.length} modules, ${imports.length} imports):\n${describeGraph(graph)}\n`);

let failed = false;
if (mode !== 'print') {
  const shown = relative(process.cwd(), architectureDoc);
  const document = await readFile(architectureDoc, 'utf8');
  const updated = replaceBlock(document, mermaid(graph, cycles));
  if (updated === document) {
    console.log(`${shown}: the folder graph is up to date.`);
  } else if (mode === 'write') {
    await writeFile(architectureDoc, updated);
    console.log(`${shown}: folder graph rewritten.`);
  } else {
    console.error(`${shown}: the folder graph is out of date; run npm run deps -- --write`);
    failed = true;
  }
}

if (cycles.length > 0) {
  console.error(
    `Folders that import each other (a folder must not import one that imports it back):\n` +
      describeCycles(graph, cycles),
  );
  failed = true;
} else {
  console.log('No cycles between folders.');
}
if (failed) process.exitCode = 1;
