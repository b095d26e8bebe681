import type { LineCounter, Node as YamlNode } from 'yaml';
import { fileStart, type Place } from './diagnostics.ts';

/** Where a YAML node starts, for messages; the file's start when the node has no range. */
export function yamlPlacer(lines: LineCounter): (node: YamlNode | null | undefined) => Place {
  return (node) => {
    const offset = node?.range?.[0];
    if (offset === undefined) return fileStart;
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
}

/** The first line of a YAML library error, without its own position (we give ours). */
export function yamlErrorText(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
