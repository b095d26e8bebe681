import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aboutPage, readAboutPage } from '../../src/site/about-page.ts';
import { scanHtml } from '../hostile/scan.ts';

describe('about page', () => {
  it('takes its title from the first # heading and renders the rest', () => {
    const page = aboutPage('# 关于某刊\n\n本刊是**示例**。\n\n## 联系方式\n\n- 电话：000\n');
    expect(page.title).toBe('关于某刊');
    expect(page.html).not.toContain('关于某刊');
    expect(page.html).toContain('<strong>示例</strong>');
    expect(page.html).toContain('<h2>联系方式</h2>');
  });

  it('is called 关于本刊 without a heading', () => {
    expect(aboutPage('只有一段。').title).toBe('关于本刊');
  });

  it('shows hostile Markdown as text, never as live markup', () => {
    const page = aboutPage(
      '# <img src=x onerror=alert(1)>\n\n<script>alert(1)</script>\n\n' +
        '[点我](javascript:alert(1)) <iframe src="https://x"></iframe>\n',
    );
    expect(scanHtml(page.html, 'about')).toEqual([]);
    expect(page.html).not.toMatch(/<script|<iframe|javascript:/i);
  });

  it('is absent from a content folder without about.md', () => {
    const dir = mkdtempSync(join(tmpdir(), 'about-'));
    expect(readAboutPage(dir)).toBeUndefined();
    writeFileSync(join(dir, 'about.md'), '# 关于\n\n正文\n');
    expect(readAboutPage(dir)?.title).toBe('关于');
    rmSync(dir, { recursive: true, force: true });
  });
});
