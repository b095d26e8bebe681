import { describe, expect, it } from 'vitest';
import { noticeClass, noticeHtml, waitingPage, withNotice } from '../../src/preview/notice-html.ts';
import type { PreviewStatus } from '../../src/preview/preview-status.ts';

const hostile =
  'content/2018/2018-01.md:10:1  error  未知栏目 “<img src=x onerror=alert(1)>&amp;”。  (unknown-section)';
const status = (fields: Partial<PreviewStatus>): PreviewStatus => ({
  site: true,
  starting: false,
  errors: [],
  warnings: [],
  ...fields,
});
const page = '<!doctype html><html><head><title>页</title></head><body><main>正文</main></body></html>';

describe('the preview notice', () => {
  it('adds nothing while there is nothing to say', () => {
    expect(withNotice(page, status({}))).toBe(page);
  });

  it('shows each line as text, never as markup', () => {
    const html = noticeHtml(status({ errors: [hostile], warnings: ['a.md:1:1  warning  <b>粗</b>  (x)'] }));
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&amp;amp;');
    expect(waitingPage(status({ site: false, errors: [hostile] }))).not.toContain('<img');
  });

  it('is an alert for errors and a status note for warnings alone, open and folded', () => {
    const errors = noticeHtml(status({ errors: [hostile], warnings: ['w'] }));
    expect(errors).toMatch(/role="alert"><details class="[\w-]+-errors" open>/);
    expect(errors).toMatch(/<details class="[\w-]+-warnings">/);
    const warnings = noticeHtml(status({ warnings: ['w'] }));
    expect(warnings).toContain('role="status"');
    expect(warnings).not.toContain(' open');
  });

  it('puts its style in the head and itself last in the body', () => {
    const html = withNotice(page, status({ errors: [hostile] }));
    expect(html.indexOf('<style>')).toBeLessThan(html.indexOf('</head>'));
    expect(html).toMatch(new RegExp(`<main>正文</main><aside class="${noticeClass}"[^]*</aside></body></html>$`));
  });

  it('cuts a long list short with a count', () => {
    const html = noticeHtml(status({ errors: Array.from({ length: 60 }, (_, i) => `f.md:${i + 1}:1  error  e  (r)`) }));
    expect(html.match(/<code>/g)).toHaveLength(50);
    expect(html).toContain('还有 10 条');
  });

  it('waits for the first build with a page that asks again, and names the errors without', () => {
    expect(waitingPage(status({ site: false, starting: true }))).toContain('http-equiv="refresh"');
    const broken = waitingPage(status({ site: false, errors: [hostile] }));
    expect(broken).not.toContain('http-equiv="refresh"');
    expect(broken).toContain('<h1>内容有错误，还不能生成网站</h1>');
  });
});
