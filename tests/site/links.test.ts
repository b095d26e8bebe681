import { describe, expect, it } from 'vitest';
import { brokenLinks, clicksFromHome, scanHtml, type SiteScan } from './helpers/links.ts';

// The link checker guards the whole site; it must itself catch each kind of break.
function site(pages: Record<string, string>, otherFiles: string[] = []): SiteScan {
  return {
    files: new Set([...Object.keys(pages), ...otherFiles]),
    pages: new Map(Object.entries(pages).map(([file, html]) => [file, scanHtml(html)])),
  };
}
const options = { baseUrl: 'https://example.org', pathPrefix: '/' };

describe('brokenLinks', () => {
  it('accepts links to existing pages, files and anchors', () => {
    const s = site(
      {
        'index.html':
          '<a href="/a/">a</a><a href="a/#%E4%B8%80">一</a><link href="/s.css"><a href="https://other.example/">x</a>',
        'a/index.html': '<h2 id="一">一</h2>',
      },
      ['s.css'],
    );
    expect(brokenLinks(s, options)).toEqual([]);
  });
  it('reports a missing page, a missing anchor and a link out of the prefix', () => {
    const s = site({
      'index.html':
        '<a href="/b/">b</a><a href="/a/#nope">a</a><meta http-equiv="refresh" content="0; url=/elsewhere/">',
      'a/index.html': '',
    });
    expect(brokenLinks(s, options)).toHaveLength(3);
    const prefixed = site({
      'index.html': '<a href="/p/a/">in</a><a href="/a/">out</a><a href="https://example.org/x">abs out</a>',
      'a/index.html': '',
    });
    expect(brokenLinks(prefixed, { ...options, pathPrefix: '/p/' })).toEqual([
      'index.html: /a/ (outside the path prefix /p/)',
      'index.html: https://example.org/x (outside the path prefix /p/)',
    ]);
  });
});

describe('clicksFromHome', () => {
  it('counts the fewest clicks and leaves out unreachable pages', () => {
    const s = site({
      'index.html': '<a href="/a/">a</a>',
      'a/index.html': '<a href="/b/">b</a>',
      'b/index.html': '',
      'c/index.html': '',
    });
    expect(Object.fromEntries(clicksFromHome(s, options))).toEqual({
      'index.html': 0,
      'a/index.html': 1,
      'b/index.html': 2,
    });
  });
});
