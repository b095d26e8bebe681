import { describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/archive/load-archive.ts';
import { issuesIndex, openDataIssue } from '../../src/site/exports.ts';
import { planMedia } from '../../src/site/media/site-media.ts';
import { defined } from '../helpers/defined.ts';
import { mediaArchive } from '../helpers/content.ts';

const deployment = { baseUrl: 'https://example.org', pathPrefix: '/' };
const withParks = { parks: true };

describe('the open data of an issue with pictures and an original', async () => {
  const archive = await loadArchive(mediaArchive);
  const issue = defined(archive.issues[0], 'the fixture issue');

  it('names its files inside the content folder, never where they lie on the build machine', () => {
    const published = [
      JSON.stringify(openDataIssue(issue, deployment, planMedia([issue]), withParks)),
      JSON.stringify(issuesIndex([issue], { ...deployment, title: '刊' }, planMedia([issue]), withParks)),
    ];
    for (const text of published) {
      expect(text).not.toContain(mediaArchive);
      expect(text).not.toContain('sourcePath":"/');
      expect(text).toContain('"relativePath":"2018/2018-01/meeting.jpg"');
      expect(text).toContain('"relativePath":"2018/2018-01.pdf"');
    }
  });

  it('publishes each figure with its pictures in order: full-size URL, size and file of each', () => {
    const media = planMedia([issue]);
    const published = openDataIssue(issue, deployment, media, withParks);
    const figures = published.sections.flatMap((section) => section.articles.flatMap((article) => article.figures));
    expect(
      figures.map((figure) => [
        figure.caption,
        figure.pictures.map((picture) => [picture.alt, picture.width, picture.height, picture.image?.relativePath]),
      ]),
    ).toEqual([
      ['泰州医药高新技术产业开发区国家生态工业园区建设规划会', [[undefined, 900, 560, '2018/2018-01/meeting.jpg']]],
      [
        '调研现场',
        [
          [undefined, 800, 520, '2018/2018-01/factory.jpg'],
          ['座谈会现场', 640, 480, '2018/2018-01/forum.jpg'],
        ],
      ],
    ]);
    for (const picture of figures.flatMap((figure) => figure.pictures))
      expect(picture.src).toBe(
        `https://example.org${defined(media.pictures.get(defined(picture.image, 'a file').digest), 'its set').full}`,
      );
    // The index of all issues carries the same figures.
    const index = issuesIndex([issue], { ...deployment, title: '刊' }, media, withParks) as {
      issues: { sections: { articles: { figures: unknown[] }[] }[] }[];
    };
    expect(index.issues[0]?.sections.flatMap((s) => s.articles.flatMap((a) => a.figures))).toEqual(figures);
  });
});

describe('the open data of an archive without parks', async () => {
  const archive = await loadArchive(mediaArchive);
  const issue = defined(archive.issues[0], 'the fixture issue');
  const media = planMedia([issue]);
  const published = (parks: boolean) => [
    JSON.stringify(openDataIssue(issue, deployment, media, { parks })),
    JSON.stringify(issuesIndex([issue], { ...deployment, title: '刊' }, media, { parks })),
  ];

  it('carries no parks field at all, where an archive with parks gives every article its list', () => {
    for (const text of published(false)) expect(text).not.toContain('"parks"');
    for (const text of published(true)) {
      expect(text).toContain('"parks":[{"id":"taizhou-pharma-hightech"');
      expect(text.split('"parks":').length - 1).toBe(issue.sections.flatMap((s) => s.articles).length);
    }
  });
});
