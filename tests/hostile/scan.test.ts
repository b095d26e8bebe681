import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isDangerousUrl, metaRefreshTarget, scanFile } from './scan.ts';

const problems = (file: string, text: string) => (scanFile(file, text) ?? []).map((finding) => finding.problem);

describe('the hostile-output scan', () => {
  it.each([
    ['<p>a</p><script>alert(1)</script>', '<script type=""> element'],
    ['<img src=x onerror=alert(1)>', '<img onerror> event handler'],
    ['<p ONCLICK="x()">a</p>', '<p onclick> event handler'],
    ['<a href="javascript:alert(1)">x</a>', '<a href="javascript:alert(1)">'],
    ['<a href=" JaVa&#x09;Script:alert(1)">x</a>', '<a href=" JaVa\tScript:alert(1)">'],
    ['<img src="data:text/html,x">', '<img src="data:text/html,x">'],
    ['<a href="vbscript:msgbox(1)">x</a>', '<a href="vbscript:msgbox(1)">'],
    ['<iframe src="/x"></iframe>', '<iframe> element'],
    ['<svg></svg>', '<svg> element'],
    ['<object></object><embed>', '<embed> element'],
    [
      '<meta http-equiv="refresh" content="0; url=javascript:alert(1)">',
      '<meta http-equiv="refresh"> to javascript:alert(1)',
    ],
    ['<script type="application/ld+json">{"a":"</b>"}</script>', 'raw < inside a script element'],
    ['<script type="application/ld+json">{a}</script>', 'script element content is not JSON'],
    ['<script type="application/ld+json">{"url":"javascript:x"}</script>', 'URL javascript:x'],
    ['<script type="module" src="/assets/other.js"></script>', '<script type="module"> element'],
    ['<script type="module" src="https://evil.example/assets/search.js"></script>', '<script type="module"> element'],
    ['<script type="module" src="/assets/search.js">alert(1)</script>', 'text inside a site script element'],
  ])('finds %s in a page', (html, problem) => {
    expect(problems('page.html', html)).toContain(problem);
  });

  it('passes escaped text, site links and structured data', () => {
    const page = [
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; &#x3C;img src=x onerror=alert(1)></p>',
      '<a href="/2018/01/">期</a><a href="https://example.org/">站</a><a href="#iframe-srcjavascriptalert1">小标题</a>',
      '<script type="application/ld+json">{"headline":"\\u003cscript\\u003e","url":"https://example.org/"}</script>',
      '<script type="module" src="/assets/search.js"></script>',
      '<script type="module" src="/bulletin/assets/highlight.js"></script>',
    ].join('');
    expect(problems('page.html', page)).toEqual([]);
  });

  it('reads the escaped HTML of a feed entry as HTML, and plain feed text as text', () => {
    expect(
      problems(
        'feed.xml',
        '<feed><title>&lt;script&gt;</title><content type="html">&lt;img src=x onerror=alert(1)&gt;</content></feed>',
      ),
    ).toEqual(['<img onerror> event handler']);
    expect(problems('feed.xml', '<feed><entry><script>alert(1)</script></entry></feed>')).toEqual([
      '<script type=""> element',
    ]);
  });

  it('reads HTML-valued JSON keys as HTML and URL-valued keys as URLs, other strings as data', () => {
    const feed = {
      title: '<script>alert(1)</script>',
      items: [{ content_html: '<iframe></iframe>', url: 'data:text/html,x' }],
    };
    expect(scanFile('feed.json', JSON.stringify(feed))).toEqual([
      { kind: 'markup', where: 'feed.json.items[0].content_html', problem: '<iframe> element' },
      { kind: 'data-url', where: 'feed.json.items[0].url', problem: 'URL data:text/html,x' },
    ]);
  });

  it('reads a Pagefind fragment as JSON data: plain text passes, a dangerous URL does not', () => {
    const fragment = (data: object) => gzipSync(Buffer.from(`pagefind_dcd${JSON.stringify(data)}`));
    const text = {
      content: '<script>alert(1)</script>',
      meta: { title: '<img src=x onerror=alert(1)>' },
      filters: { section: ['<b>栏目</b>'] },
    };
    expect(scanFile('pagefind/fragment/zh-cn_1.pf_fragment', fragment({ url: '/2018/01/p1/', ...text }))).toEqual([]);
    expect(problems('pagefind/fragment/zh-cn_2.pf_fragment', 'not gzip')).toEqual(['not a gzip Pagefind fragment']);
    expect(
      scanFile('pagefind/fragment/zh-cn_3.pf_fragment', fragment({ url: 'javascript:alert(1)', ...text })),
    ).toEqual([
      { kind: 'data-url', where: 'pagefind/fragment/zh-cn_3.pf_fragment.url', problem: 'URL javascript:alert(1)' },
    ]);
  });

  it('reads only the kinds of files it knows', () => {
    expect(scanFile('robots.txt', 'User-agent: *\n')).toEqual([]);
    expect(scanFile('assets/site.css', 'a { color: red }')).toBeUndefined();
  });

  it('sees URL schemes as a browser does', () => {
    expect(['javascript:x', ' data:x', 'java\nscript:x', 'VBScript:x'].every(isDangerousUrl)).toBe(true);
    expect(['/javascript:x', 'https://x/?data:', '#data:x', 'mailto:a@b'].some(isDangerousUrl)).toBe(false);
  });

  it('finds where a redirect page sends the browser', () => {
    expect(metaRefreshTarget('<meta http-equiv="refresh" content="0; url=/2018/01/">')).toBe('/2018/01/');
    expect(metaRefreshTarget('<meta charset="utf-8">')).toBeUndefined();
  });
});
