/**
 * The folder graph: the module import graph collapsed to the folders directly under src/ (plus
 * src/'s own files, scripts/ and root files as nodes of their own), and the rule that no folder
 * imports a folder that imports it back. Pure functions, so the rule is testable on made-up graphs.
 */

/** One module importing another; paths are relative to the repository, with forward slashes. */
export interface ModuleImport {
  from: string;
  to: string;
  /** `import type` and the like: gone after compilation, but still a dependency of the design. */
  typeOnly: boolean;
}

export interface FolderEdge {
  from: string;
  to: string;
  /** The module-level imports that make this edge, sorted. */
  imports: ModuleImport[];
  /** Every one of those imports is type-only: the edge is easier to cut, but counts all the same. */
  typeOnly: boolean;
}

export interface FolderGraph {
  nodes: string[];
  edges: FolderEdge[];
}

/** src/pipeline/load.ts → pipeline, src/model.ts → model.ts, scripts/x/y.ts → scripts, .eleventy.ts → itself. */
export function folderOf(path: string): string {
  const [top = path, second] = path.split('/');
  return top === 'src' && second !== undefined ? second : top;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Imports inside one folder are that folder's own business and make no edge. */
export function collapse(modules: readonly string[], imports: readonly ModuleImport[]): FolderGraph {
  const nodes = new Set(modules.map(folderOf));
  const edges = new Map<string, FolderEdge>();
  for (const entry of imports) {
    const from = folderOf(entry.from);
    const to = folderOf(entry.to);
    nodes.add(from).add(to);
    if (from === to) continue;
    const key = `${from}\n${to}`;
    const edge = edges.get(key) ?? { from, to, imports: [], typeOnly: true };
    edge.imports.push(entry);
    edge.typeOnly &&= entry.typeOnly;
    edges.set(key, edge);
  }
  for (const edge of edges.values()) {
    edge.imports.sort((a, b) => byText(a.from, b.from) || byText(a.to, b.to));
  }
  return {
    nodes: [...nodes].sort(byText),
    edges: [...edges.values()].sort((a, b) => byText(a.from, b.from) || byText(a.to, b.to)),
  };
}

function successors(graph: FolderGraph): Map<string, string[]> {
  const next = new Map<string, string[]>(graph.nodes.map((node) => [node, []]));
  for (const edge of graph.edges) next.get(edge.from)?.push(edge.to);
  return next;
}

/** Tarjan's strongly connected components: folders that all reach one another. */
function components(graph: FolderGraph): string[][] {
  const next = successors(graph);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const to of next.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(to) ?? 0));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(to) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
      onStack.delete(member);
      component.push(member);
      if (member === node) break;
    }
    found.push(component);
  };
  for (const node of graph.nodes) if (!index.has(node)) visit(node);
  return found;
}

/** Shortest path from `start` to `goal` inside `within`, both ends included. */
function shortestPath(next: Map<string, string[]>, start: string, goal: string, within: Set<string>): string[] {
  const cameFrom = new Map<string, string>([[start, start]]);
  const queue = [start];
  for (let node = queue.shift(); node !== undefined && node !== goal; node = queue.shift()) {
    for (const to of next.get(node) ?? []) {
      if (within.has(to) && !cameFrom.has(to)) {
        cameFrom.set(to, node);
        queue.push(to);
      }
    }
  }
  const path = [goal];
  for (let node = goal; node !== start;) {
    const previous = cameFrom.get(node);
    if (previous === undefined) return [];
    path.unshift(previous);
    node = previous;
  }
  return path;
}

/**
 * Every folder edge that lies on a cycle, each with the shortest cycle through it, as paths that
 * end where they start (`['parks', 'pipeline', 'parks']`); no duplicates, shortest first. Listing
 * a cycle per edge, rather than every cycle, names each import that would have to go without
 * blowing up on a tangled graph.
 */
export function findCycles(graph: FolderGraph): string[][] {
  const next = successors(graph);
  const cycles = new Map<string, string[]>();
  for (const component of components(graph)) {
    if (component.length < 2) continue;
    const within = new Set(component);
    for (const edge of graph.edges) {
      if (!within.has(edge.from) || !within.has(edge.to)) continue;
      const loop = shortestPath(next, edge.to, edge.from, within);
      if (loop.length === 0) continue;
      const cycle = rotateToSmallest([edge.from, ...loop.slice(0, -1)]);
      cycles.set(cycle.join('\n'), [...cycle, cycle[0] ?? '']);
    }
  }
  return [...cycles.values()].sort((a, b) => a.length - b.length || byText(a.join(' '), b.join(' ')));
}

function rotateToSmallest(cycle: string[]): string[] {
  const smallest = [...cycle].sort(byText)[0];
  const at = smallest === undefined ? 0 : cycle.indexOf(smallest);
  return [...cycle.slice(at), ...cycle.slice(0, at)];
}

function edgeOf(graph: FolderGraph, from: string, to: string): FolderEdge | undefined {
  return graph.edges.find((edge) => edge.from === from && edge.to === to);
}

/** One line per folder: what it imports (`(types)` after an edge made of type-only imports). */
export function describeGraph(graph: FolderGraph): string {
  const width = Math.max(0, ...graph.nodes.map((node) => node.length));
  return graph.nodes
    .map((node) => {
      const targets = graph.edges
        .filter((edge) => edge.from === node)
        .map((edge) => (edge.typeOnly ? `${edge.to} (types)` : edge.to));
      return `${node.padEnd(width)} → ${targets.length > 0 ? targets.join(', ') : '(nothing)'}`;
    })
    .join('\n');
}

/** Each cycle as `a → b → a`, and under it the imports that make each of its edges. */
export function describeCycles(graph: FolderGraph, cycles: readonly string[][]): string {
  const lines: string[] = [];
  for (const cycle of cycles) {
    lines.push(cycle.join(' → '));
    for (let i = 1; i < cycle.length; i++) {
      const from = cycle[i - 1] ?? '';
      const to = cycle[i] ?? '';
      lines.push(`  ${from} → ${to}:`);
      for (const entry of edgeOf(graph, from, to)?.imports ?? []) {
        lines.push(`    ${entry.from} imports ${entry.to}${entry.typeOnly ? ' (type only)' : ''}`);
      }
    }
  }
  return lines.join('\n');
}

const mermaidId = (node: string) => `n_${node.replace(/[^A-Za-z0-9]/g, '_')}`;

/** A Mermaid flowchart: dashed arrows for type-only edges, red ones for edges on a cycle. */
export function mermaid(graph: FolderGraph, cycles: readonly string[][]): string {
  const onCycle = new Set(cycles.flatMap((cycle) => cycle.slice(1).map((to, i) => `${cycle[i] ?? ''}\n${to}`)));
  const lines = ['```mermaid', 'graph TD'];
  for (const node of graph.nodes) lines.push(`  ${mermaidId(node)}["${node}"]`);
  const red: number[] = [];
  graph.edges.forEach((edge, i) => {
    lines.push(`  ${mermaidId(edge.from)} ${edge.typeOnly ? '-.->' : '-->'} ${mermaidId(edge.to)}`);
    if (onCycle.has(`${edge.from}\n${edge.to}`)) red.push(i);
  });
  if (red.length > 0) lines.push(`  linkStyle ${red.join(',')} stroke:#d00,stroke-width:2px`);
  lines.push('```');
  return lines.join('\n');
}

export const blockStart = '<!-- folder-graph:start -->';
export const blockEnd = '<!-- folder-graph:end -->';

/** The document with the text between the markers replaced by `block`; throws if the markers are missing. */
export function replaceBlock(document: string, block: string): string {
  const start = document.indexOf(blockStart);
  const end = document.indexOf(blockEnd);
  if (start < 0 || end < start) {
    throw new Error(`the document has no ${blockStart} … ${blockEnd} markers (in that order)`);
  }
  return `${document.slice(0, start + blockStart.length)}\n${block}\n${document.slice(end)}`;
}
