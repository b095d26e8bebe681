import type { Diagnostic } from '../model.ts';
import { diagnostic, type Place } from '../core/diagnostics.ts';

export type Decoded = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** One issue is some tens of kilobytes; anything this large is a wrong file, not an issue. */
export const maxSourceBytes = 5 * 1024 * 1024;

/**
 * Turns a file's bytes into the text the parser sees: UTF-8 only (a BOM is dropped), line ends
 * normalised to LF so that line numbers match what editors see whatever their platform.
 */
export function decodeSource(path: string, bytes: Uint8Array): Decoded {
  if (bytes.length > maxSourceBytes) {
    const megabytes = (bytes.length / 1024 / 1024).toFixed(1);
    return fail(
      path,
      { line: 1, column: 1 },
      'file-too-large',
      `文件有 ${megabytes} MB，超过一期刊物的上限 ${maxSourceBytes / 1024 / 1024} MB：` +
        '请确认放入的是这一期的 Markdown 文件；图片请另存为图片文件，用 ![说明](路径) 引用。',
    );
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return fail(
      path,
      placeOfByte(bytes, nul),
      'binary-file',
      '文件含有二进制数据（NUL 字节），不是文本文件。请确认放入 content/ 的是 Markdown 文本文件。',
    );
  }
  const bad = firstInvalidUtf8Byte(bytes);
  if (bad !== -1) {
    return fail(
      path,
      placeOfByte(bytes, bad),
      'encoding',
      '文件不是有效的 UTF-8 编码。请在编辑器中以 UTF-8 编码另存（原文为 GBK/GB18030 时，可用 npm run import 转换）。',
    );
  }
  return { ok: true, text: utf8.decode(bytes).replace(/\r\n?/g, '\n') };
}

function fail(path: string, place: Place, rule: string, message: string): Decoded {
  return { ok: false, diagnostic: diagnostic(path, place, 'error', rule, message) };
}

/** Byte offset of the first byte that does not belong to a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  for (let b = bytes[i]; b !== undefined; b = bytes[i]) {
    const length =
      b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) {
      // In range: i + length <= bytes.length was checked above.
      if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    }
    const second = bytes[i + 1] ?? 0;
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8 either.
    if (
      (b === 0xe0 && second < 0xa0) ||
      (b === 0xed && second > 0x9f) ||
      (b === 0xf0 && second < 0x90) ||
      (b === 0xf4 && second > 0x8f)
    ) {
      return i;
    }
    i += length;
  }
  return -1;
}

/** Line and column (in characters of the valid text before it) of a byte offset. */
function placeOfByte(bytes: Uint8Array, offset: number): Place {
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
  const lines = before.split(/\r\n?|\n/);
  return { line: lines.length, column: [...(lines.at(-1) ?? '')].length + 1 };
}
