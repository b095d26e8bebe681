import { describe, expect, it } from 'vitest';
import { embedArticleHtml } from '../../src/site/embed.ts';
import { escapeHtml, scriptSafeJson } from '../../src/core/escape.ts';

describe('escapeHtml', () => {
  it('escapes markup and quotes', () => {
    expect(escapeHtml(`<script>alert(1)</script> & "co" 'x'`)).toBe('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;co&quot; &#39;x&#39;');
  });
});

describe('scriptSafeJson', () => {
  it('cannot end a script element and still parses to the same value', () => {
    const value = { title: '</script><script>alert(1)</script> & co\u2028' };
    const json = scriptSafeJson(value);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('embedArticleHtml', () => {
  it('moves headings down and scopes their ids by the article', () => {
    const html = '<h2 id="一">（一）</h2><p>x &#x3C;h2 id="t"></p><h4 id="b">b</h4>';
    expect(embedArticleHtml(html, { idPrefix: 'art', levelShift: 2 })).toBe('<h4 id="art--一">（一）</h4><p>x &#x3C;h2 id="t"></p><h6 id="art--b">b</h6>');
  });
  it('never goes below h6', () => {
    expect(embedArticleHtml('<h5>x</h5>', { idPrefix: 'a', levelShift: 3 })).toBe('<h6>x</h6>');
  });
});
