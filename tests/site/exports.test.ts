import { describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/archive/load-archive.ts';
import { issuesIndex, openDataIssue } from '../../src/site/exports.ts';
import { planMedia } from '../../src/site/media/site-media.ts';
import { defined } from '../helpers/defined.ts';
import { mediaArchive } from '../helpers/content.ts';

const deployment = { baseUrl: 'https://example.org', pathPrefix: '/' };

describe('the open data of an issue with pictures and an original', async () => {
  const archive = await loadArchive(mediaArchive);
  const issue = defined(archive.issues[0], 'the fixture issue');

  it('names its files inside the content folder, never where they lie on the build machine', () => {
    const published = [
      JSON.stringify(openDataIssue(issue, deployment, planMedia([issue]))),
      JSON.stringify(issuesIndex([issue], { ...deployment, title: '刊' }, planMedia([issue]))),
    ];
    for (const text of published) {
      expect(text).not.toContain(mediaArchive);
      expect(text).not.toContain('sourcePath":"/');
      expect(text).toContain('"relativePath":"2018/2018-01/meeting.jpg"');
      expect(text).toContain('"relativePath":"2018/2018-01.pdf"');
    }
  });
});
