import { readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/archive/load-archive.ts';
import { bundledContent, bundledIssuePath, mediaArchive } from '../helpers/content.ts';
import { defined } from '../helpers/defined.ts';

describe('the media fixture archive: the bundled issue with its photos and its printed original', async () => {
  const archive = await loadArchive(mediaArchive, 'media-archive');
  const bundled = await loadArchive(bundledContent);
  const issue = defined(archive.issues[0], 'the fixture issue');
  const articles = issue.sections.flatMap((section) => section.articles);

  it('passes the checks', () => {
    expect(archive.diagnostics).toEqual([]);
  });

  it('is the bundled issue’s text, its two captions now figures: one picture, and two side by side', () => {
    const fixture = readFileSync(join(mediaArchive, '2018/2018-01.md'), 'utf8').split('\n');
    const seed = readFileSync(bundledIssuePath, 'utf8').split('\n');
    const changed = seed.flatMap((line, i) => (line === fixture[i] ? [] : [[line, fixture[i]]]));
    expect(changed).toEqual([
      [
        '图：泰州医药高新技术产业开发区国家生态工业园区建设规划会',
        '![泰州医药高新技术产业开发区国家生态工业园区建设规划会](2018-01/meeting.jpg)',
      ],
      ['图：调研现场', '![调研现场](2018-01/factory.jpg) ![座谈会现场](2018-01/forum.jpg)'],
    ]);
    const texts = bundled.issues[0]?.sections.flatMap((section) => section.articles.map((a) => a.text));
    expect(articles.map((a) => a.text)).toEqual(texts);
  });

  it('has the three photos of its two figures with their sizes from the headers', () => {
    const figures = articles.flatMap((a) => a.figures);
    expect(figures.map((figure) => [figure.caption, figure.pictures.length])).toEqual([
      ['泰州医药高新技术产业开发区国家生态工业园区建设规划会', 1],
      ['调研现场', 2],
    ]);
    const pictures = figures.flatMap((figure) => figure.pictures);
    expect(
      pictures.map(({ src, alt, image }) => [
        src,
        alt,
        image?.relativePath,
        image?.format,
        image?.width,
        image?.height,
        image?.bytes,
      ]),
    ).toEqual([
      ['2018-01/meeting.jpg', undefined, '2018/2018-01/meeting.jpg', 'jpeg', 900, 560, 73334],
      ['2018-01/factory.jpg', undefined, '2018/2018-01/factory.jpg', 'jpeg', 800, 520, 17213],
      ['2018-01/forum.jpg', '座谈会现场', '2018/2018-01/forum.jpg', 'jpeg', 640, 480, 7495],
    ]);
    expect(pictures.map((picture) => picture.image?.digest)).toEqual([
      'faec0838a7302bc7b0664cc94e628558ca5df3ce1f1c0dffe408b446f914c669',
      'a2b4cf184d857caab37e6fac130a34c0fa5cb4dbbe773eb92f3e8d026dd175d7',
      'a96351b12e32d0114c4843734763e5d825093af21dbe8092b6b2080f4fedecad',
    ]);
    for (const picture of pictures)
      expect(picture.image?.sourcePath).toBe(
        join(realpathSync(mediaArchive), defined(picture.image, 'a picture').relativePath),
      );
  });

  it('has its original: 9 pages, each article on the PDF page its printed page names', () => {
    expect(issue.original).toEqual({
      sourcePath: join(realpathSync(mediaArchive), '2018/2018-01.pdf'),
      relativePath: '2018/2018-01.pdf',
      bytes: 368794,
      // sha256sum of the file: the whole file is read, not only the part pdf.js needed.
      digest: '05d7df8f9e7e8bbe0fdd5ab53547efb6d0a4668f4387d2a14ebe7254431d20be',
      pages: 9,
    });
    expect(articles.map((a) => [a.page, a.originalPage])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
      [5, 5],
      [6, 6],
    ]);
  });

  it('leaves the bundled archive as it was: captions without pictures, no original', () => {
    const plain = defined(bundled.issues[0], 'the bundled issue');
    expect(plain.original).toBeUndefined();
    expect(plain.sections.flatMap((s) => s.articles.flatMap((a) => a.figures))).toEqual([
      { caption: '泰州医药高新技术产业开发区国家生态工业园区建设规划会', pictures: [] },
      { caption: '调研现场', pictures: [] },
    ]);
    expect(plain.sections.flatMap((s) => s.articles.map((a) => a.originalPage))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
