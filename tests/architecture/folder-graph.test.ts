import { describe, expect, it } from 'vitest';
import { moduleGraph } from '../../scripts/folder-graph/cruise.ts';
import {
  blockEnd,
  blockStart,
  collapse,
  describeCycles,
  findCycles,
  folderOf,
  mermaid,
  replaceBlock,
  type ModuleImport,
} from '../../scripts/folder-graph/graph.ts';

const uses = (from: string, to: string, typeOnly = false): ModuleImport => ({ from, to, typeOnly });

describe('folderOf', () => {
  it.each([
    ['src/pipeline/load.ts', 'pipeline'],
    ['src/search/page/search-page.ts', 'search'],
    ['src/model.ts', 'model.ts'],
    ['scripts/folder-graph/graph.ts', 'scripts'],
    ['.eleventy.ts', '.eleventy.ts'],
  ])('%s → %s', (path, folder) => {
    expect(folderOf(path)).toBe(folder);
  });
});

describe('the folder graph of a made-up repository', () => {
  const modules = ['src/model.ts', 'src/core/a.ts', 'src/parks/p.ts', 'src/pipeline/x.ts', 'src/pipeline/y.ts'];

  it('collapses imports to folders, ignoring imports within a folder', () => {
    const graph = collapse(modules, [
      uses('src/pipeline/x.ts', 'src/pipeline/y.ts'),
      uses('src/pipeline/x.ts', 'src/model.ts', true),
      uses('src/pipeline/y.ts', 'src/core/a.ts'),
      uses('src/pipeline/x.ts', 'src/core/a.ts', true),
    ]);
    expect(graph.nodes).toEqual(['core', 'model.ts', 'parks', 'pipeline']);
    expect(graph.edges.map(({ from, to, typeOnly }) => [from, to, typeOnly])).toEqual([
      ['pipeline', 'core', false],
      ['pipeline', 'model.ts', true],
    ]);
    expect(graph.edges[0]?.imports.map((entry) => entry.from)).toEqual(['src/pipeline/x.ts', 'src/pipeline/y.ts']);
  });

  it('finds no cycle in a layered graph', () => {
    const graph = collapse(modules, [
      uses('src/pipeline/x.ts', 'src/parks/p.ts'),
      uses('src/parks/p.ts', 'src/core/a.ts'),
      uses('src/pipeline/y.ts', 'src/core/a.ts'),
      uses('src/core/a.ts', 'src/model.ts', true),
    ]);
    expect(findCycles(graph)).toEqual([]);
  });

  it('finds two folders that import each other, and names the imports of each edge', () => {
    const graph = collapse(modules, [
      uses('src/pipeline/x.ts', 'src/parks/p.ts'),
      uses('src/parks/p.ts', 'src/pipeline/y.ts', true),
    ]);
    const cycles = findCycles(graph);
    expect(cycles).toEqual([['parks', 'pipeline', 'parks']]);
    expect(describeCycles(graph, cycles).split('\n')).toEqual([
      'parks → pipeline → parks',
      '  parks → pipeline:',
      '    src/parks/p.ts imports src/pipeline/y.ts (type only)',
      '  pipeline → parks:',
      '    src/pipeline/x.ts imports src/parks/p.ts',
    ]);
  });

  it('finds a longer loop once, whichever folder it is entered from', () => {
    const graph = collapse(modules, [
      uses('src/pipeline/x.ts', 'src/parks/p.ts'),
      uses('src/parks/p.ts', 'src/core/a.ts'),
      uses('src/core/a.ts', 'src/pipeline/y.ts'),
      uses('src/core/a.ts', 'src/model.ts'),
    ]);
    expect(findCycles(graph)).toEqual([['core', 'pipeline', 'parks', 'core']]);
  });

  it('gives each edge of a tangle a cycle through it', () => {
    const graph = collapse(modules, [
      uses('src/pipeline/x.ts', 'src/parks/p.ts'),
      uses('src/parks/p.ts', 'src/pipeline/x.ts'),
      uses('src/parks/p.ts', 'src/core/a.ts'),
      uses('src/core/a.ts', 'src/pipeline/x.ts'),
    ]);
    expect(findCycles(graph)).toEqual([
      ['parks', 'pipeline', 'parks'],
      ['core', 'pipeline', 'parks', 'core'],
    ]);
  });

  it('draws cycle edges red and type-only edges dashed in the Mermaid block', () => {
    const graph = collapse(modules, [
      uses('src/pipeline/x.ts', 'src/parks/p.ts'),
      uses('src/parks/p.ts', 'src/pipeline/y.ts'),
      uses('src/pipeline/x.ts', 'src/model.ts', true),
    ]);
    const block = mermaid(graph, findCycles(graph));
    expect(block).toContain('  n_pipeline -.-> n_model_ts\n');
    expect(block).toContain('  n_parks --> n_pipeline\n');
    expect(block).toContain('  linkStyle 0,2 stroke:#d00,stroke-width:2px\n');
  });

  it('replaces only the text between the markers, and refuses a document without them', () => {
    const document = `# A\n\n${blockStart}\nold\n${blockEnd}\n\n## B\n`;
    expect(replaceBlock(document, 'new')).toBe(`# A\n\n${blockStart}\nnew\n${blockEnd}\n\n## B\n`);
    expect(() => replaceBlock('# A\n', 'new')).toThrow(/markers/);
  });
});

describe('the folder graph of this repository', () => {
  it('has no folders that import each other', async () => {
    const { modules, imports } = await moduleGraph();
    const graph = collapse(modules, imports);
    expect(modules).toContain('src/model.ts');
    expect(describeCycles(graph, findCycles(graph))).toBe('');
  });
});
