import { describe, expect, it } from 'vitest';
import { unsafeOutputReason } from '../../src/site/build-output.ts';

describe('unsafeOutputReason', () => {
  const keep = ['/work/project', '/work/project/content'];
  it('accepts a folder of its own', () => {
    expect(unsafeOutputReason('/work/project/_site', keep)).toBeUndefined();
    expect(unsafeOutputReason('/tmp/out', keep)).toBeUndefined();
  });
  it('refuses the project, the content or a folder above them', () => {
    for (const out of ['/work/project', '/work/project/content', '/work', '/']) expect(unsafeOutputReason(out, keep)).toBeDefined();
  });
});
