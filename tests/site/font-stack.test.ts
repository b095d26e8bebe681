import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/content.ts';

/**
 * The stylesheet's font stacks name each platform's own Chinese faces, so no web font is needed:
 * Chromium here can only prove the Linux ones (tests/browser/typography.test.ts); the others
 * are checked by name, in the order that gives each platform its own face before another's.
 */
const css = readFileSync(join(repoRoot, 'public/assets/site.css'), 'utf8');

function stack(name: string): string[] {
  const match = new RegExp(`--${name}:([^;]+);`).exec(css);
  if (!match?.[1]) throw new Error(`--${name} not in site.css`);
  return match[1].split(',').map((family) => family.trim().replace(/^'|'$/g, ''));
}

describe('font stacks', () => {
  const platforms = {
    sans: { macOS: 'PingFang SC', Windows: 'Microsoft YaHei', Linux: 'Noto Sans CJK SC', Adobe: 'Source Han Sans SC' },
    serif: { macOS: 'Songti SC', Windows: 'SimSun', Linux: 'Noto Serif CJK SC', Adobe: 'Source Han Serif SC' },
  } as const;

  it.each(Object.entries(platforms))(
    '--%s names every platform’s face and ends with the generic family',
    (name, faces) => {
      const families = stack(name);
      for (const face of Object.values(faces)) expect(families).toContain(face);
      expect(families.at(-1)).toBe(name === 'sans' ? 'sans-serif' : 'serif');
      // A Linux machine may have a Windows or macOS font copied in; macOS and Windows never have Noto CJK.
      expect(families.indexOf(faces.macOS)).toBeLessThan(families.indexOf(faces.Linux));
      expect(families.indexOf(faces.Windows)).toBeLessThan(families.indexOf(faces.Linux));
    },
  );

  it('loads no web font', () => {
    expect(css).not.toMatch(/@font-face|@import|url\(/);
  });
});
