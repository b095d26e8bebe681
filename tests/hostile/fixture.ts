import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledContent, makeContentDir, masthead } from '../helpers/content.ts';

/**
 * Set by the payloads below that run script; a page where it becomes defined has executed content.
 * Some payloads call alert() instead, which the browser test catches as a dialog.
 */
export const pwnedFlag = '__pwned';
const setFlag = `<img src=x onerror="window.${pwnedFlag}=1">`;

/** A park of the bundled gazetteer, named in the hostile article so its park page shows the hostile text too. */
const parkName = '合肥高新技术产业开发区';

/**
 * One issue with hostile text in every place an editor can write: front matter, article title,
 * contents title, subtitle, sub-heading, body (raw HTML, dangerous link schemes, an autolink),
 * a figure caption and a park milestone sentence.
 */
const hostileIssue = [
  masthead({ series: `工作动态${setFlag}`, publisher: '<img src=x onerror=alert(1)>办公室' }),
  '## 工作动态',
  '',
  `### <script>alert(1)</script>${parkName}${setFlag} {#p1 page=1 contents="目录<b>标题</b>"}`,
  '',
  '——<svg onload=alert(1)>副题',
  '',
  '#### <iframe src=javascript:alert(1)>',
  '',
  '<script>alert(1)</script>',
  '',
  setFlag,
  '',
  '<iframe src="javascript:alert(1)"></iframe>',
  '',
  '链接 [x](javascript:alert(1))、[y](data:text/html,<script>alert(1)</script>)、' +
    '[v](vbscript:msgbox(1)) 和 <javascript:alert(1)>。',
  '',
  // A picture at javascript: is not here: the check refuses it before any build (picture-scheme).
  '图：<svg onload=alert(1)>',
  '',
  `${parkName}<img src=x onerror=alert(1)>于2014年6月通过验收。`,
  '',
  '### 第二篇 {#p2 page=2}',
  '',
  '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
  '',
].join('\n');

/**
 * A content folder holding the hostile issue and the bundled column table and gazetteer; removed after the test
 * file.
 */
export function writeHostileContent(): string {
  return makeContentDir({
    '2018/2018-01.md': hostileIssue,
    'parks.yaml': readFileSync(join(bundledContent, 'parks.yaml')),
  });
}
