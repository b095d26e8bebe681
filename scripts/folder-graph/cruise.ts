import { fileURLToPath } from 'node:url';
import { cruise } from 'dependency-cruiser';
import type { ModuleImport } from './graph.ts';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** What the graph is of: the program and its scripts. Tests may import anything, and nothing imports them. */
export const graphRoots = ['src', 'scripts'];

export interface ModuleGraph {
  modules: string[];
  imports: ModuleImport[];
}

/**
 * Our modules and their imports of one another, read by dependency-cruiser from the TypeScript
 * source (so `import type` counts: a type import is still a dependency). Packages and Node's own
 * modules are left out. An import of ours that does not resolve throws: the graph would be wrong.
 */
export async function moduleGraph(root = projectRoot): Promise<ModuleGraph> {
  const { output } = await cruise(graphRoots, {
    baseDir: root,
    tsPreCompilationDeps: true,
    exclude: { path: '(^|/)node_modules/' },
  });
  if (typeof output === 'string') throw new Error('dependency-cruiser gave a report, not a result');

  const modules: string[] = [];
  const imports: ModuleImport[] = [];
  const unresolved: string[] = [];
  for (const module of output.modules) {
    if (module.coreModule === true) continue;
    modules.push(module.source);
    for (const dependency of module.dependencies) {
      if (dependency.coreModule) continue;
      if (dependency.couldNotResolve) {
        if (dependency.module.startsWith('.')) unresolved.push(`${module.source} imports ${dependency.module}`);
        continue;
      }
      imports.push({
        from: module.source,
        to: dependency.resolved,
        typeOnly: dependency.dependencyTypes.includes('type-only'),
      });
    }
  }
  if (unresolved.length > 0) throw new Error(`imports that do not resolve:\n  ${unresolved.join('\n  ')}`);
  return { modules, imports };
}
