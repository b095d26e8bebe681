import { describe, expect, it } from 'vitest';
import { failureMessage } from '../../src/core/failure-message.ts';
import { SearchIndexError } from '../../src/core/errors.ts';

function systemError(code: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: failed, open '${path}'`), { code, path });
}

describe('failureMessage', () => {
  it('names the real cause of each kind of failure, never a guess about the disk', () => {
    const cases: [unknown, RegExp][] = [
      [new SearchIndexError('检索索引程序意外退出'), /^检索索引程序意外退出$/],
      [systemError('ENOSPC', '/srv/_site/x.html'), /磁盘空间不足.*ENOSPC：\/srv\/_site\/x\.html/],
      [systemError('EACCES', '/srv'), /没有写入权限.*EACCES：\/srv/],
      [systemError('EROFS', '/mnt'), /只读/],
      [
        Object.assign(new Error('Having trouble writing to "_site/404.html"'), {
          originalError: systemError('ENOSPC', '/srv/_site/404.html'),
        }),
        /^磁盘空间不足.*ENOSPC：\/srv\/_site\/404\.html/,
      ],
      [new Error('wrapped', { cause: systemError('EACCES', '/srv') }), /^没有写入权限/],
      [new RangeError('Maximum call stack size exceeded'), /递归过深/],
      [new TypeError('x is not a function'), /程序内部出错（TypeError: x is not a function）.*不是内容的问题/],
    ];
    for (const [error, expected] of cases) {
      const message = failureMessage(error);
      expect(message).toMatch(expected);
      expect(message).not.toMatch(/请检查磁盘空间和输出目录的权限/);
      expect(message).not.toMatch(/\n\s+at /);
    }
  });
});
