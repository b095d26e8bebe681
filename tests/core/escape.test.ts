import { describe, expect, it } from 'vitest';
import { escapeHtml, scriptSafeJson } from '../../src/core/escape.ts';

describe('escapeHtml', () => {
  it('escapes markup and quotes', () => {
    expect(escapeHtml(`<script>alert(1)</script> & "co" 'x'`)).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;co&quot; &#39;x&#39;',
    );
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
