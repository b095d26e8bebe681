import { describe, expect, it } from 'vitest';
import { isSafeUrl } from '../../src/core/safe-url.ts';

describe('isSafeUrl', () => {
  it.each([
    ['images/a.jpg', true],
    ['/2018/01/p1/', true],
    ['#一做优顶层设计', true],
    ['https://www.mee.gov.cn/', true],
    ['HTTP://example.com', true],
    ['mailto:a@b.cn', false],
    ['javascript:alert(1)', false],
    [' JavaScript:alert(1)', false],
    ['java\tscript:alert(1)', false],
    ['data:text/html,x', false],
    ['vbscript:x', false],
    ['file:///etc/passwd', false],
  ])('%j → %s', (url, safe) => {
    expect(isSafeUrl(url)).toBe(safe);
  });

  it('allows mail addresses for links when asked', () => {
    expect(isSafeUrl('mailto:a@b.cn', { allowMail: true })).toBe(true);
  });
});
