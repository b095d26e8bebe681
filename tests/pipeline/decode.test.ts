import { describe, expect, it } from 'vitest';
import { decodeSource, firstInvalidUtf8Byte } from '../../src/pipeline/decode.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('decodeSource', () => {
  it('drops a BOM and normalises CRLF and CR line ends', () => {
    const result = decodeSource('a.md', new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('一\r\n二\r三\n')]));
    expect(result).toEqual({ ok: true, text: '一\n二\n三\n' });
  });

  it('reports invalid UTF-8 at its line and column', () => {
    // GB18030 bytes for 中 inside otherwise valid UTF-8 text.
    const result = decodeSource('a.md', new Uint8Array([...bytes('第一行\n第二'), 0xd6, 0xd0, ...bytes('行\n')]));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostic).toMatchObject({ path: 'a.md', line: 2, column: 3, rule: 'encoding', severity: 'error' });
    expect(result.diagnostic.message).toContain('UTF-8');
  });

  it('reports binary files', () => {
    const result = decodeSource('a.md', new Uint8Array([...bytes('ab\ncd'), 0, 1, 2]));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.diagnostic).toMatchObject({ rule: 'binary-file', line: 2, column: 3 });
  });
});

describe('firstInvalidUtf8Byte', () => {
  it.each([
    [[0x41, 0xe4, 0xb8, 0xad], -1],
    [[0x41, 0xc0, 0x80], 1], // overlong
    [[0xed, 0xa0, 0x80], 0], // surrogate
    [[0xf4, 0x90, 0x80, 0x80], 0], // past U+10FFFF
    [[0xe4, 0xb8], 0], // truncated
    [[0x80], 0],
  ])('%j → %i', (input, expected) => {
    expect(firstInvalidUtf8Byte(new Uint8Array(input))).toBe(expected);
  });
});
