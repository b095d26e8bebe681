import { describe, expect, it } from 'vitest';
import { shownPath } from '../../src/core/content-dir.ts';

describe('how messages name a file', () => {
  it('is relative to the working folder, else in full', () => {
    expect(shownPath('/work/project/examples/another-bulletin/site.yaml', '/work/project')).toBe(
      'examples/another-bulletin/site.yaml',
    );
    expect(shownPath('examples/a.jpg', '/work/project')).toBe('examples/a.jpg');
    expect(shownPath('/tmp/bulletin/2018/2018-01.pdf', '/work/project')).toBe('/tmp/bulletin/2018/2018-01.pdf');
    expect(shownPath('/work/project', '/work/project')).toBe('/work/project');
  });
});
