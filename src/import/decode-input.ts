import { firstInvalidUtf8Byte } from '../pipeline/decode.ts';
import type { SourceLine } from './text.ts';

export type InputEncoding = 'UTF-8' | 'GB18030';

export type DecodedInput = { ok: true; text: string; encoding: InputEncoding } | { ok: false; message: string };

const bom = [0xef, 0xbb, 0xbf];

/**
 * Text exported from a PDF comes as UTF-8 (with or without a BOM) or, from older Chinese tools,
 * GB18030. Any GB18030 byte stream is also "valid" to a lenient decoder, so UTF-8 is tried
 * strictly first: real GB18030 Chinese text is practically never well-formed UTF-8.
 */
export function decodeInput(bytes: Uint8Array): DecodedInput {
  if (bytes.includes(0))
    return {
      ok: false,
      message:
        '文件含有二进制数据（NUL 字节），不是纯文本，也不是 PDF。请导入期刊的 PDF 原件，或 PDF 导出的 .txt（UTF-8 或 GB18030 编码）。',
    };
  const body = bom.every((b, i) => bytes[i] === b) ? bytes.subarray(bom.length) : bytes;
  const encoding: InputEncoding = firstInvalidUtf8Byte(body) === -1 ? 'UTF-8' : 'GB18030';
  let text: string;
  try {
    text = new TextDecoder(encoding === 'UTF-8' ? 'utf-8' : 'gb18030', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return {
      ok: false,
      message: '文件既不是 UTF-8 也不是 GB18030 编码的文本。请在文本编辑器中以 UTF-8 编码另存后再导入。',
    };
  }
  return { ok: true, text: text.replace(/\r\n?/g, '\n'), encoding };
}

export function toSourceLines(text: string): SourceLine[] {
  return text.split('\n').map((line, index) => ({ no: index + 1, text: line }));
}
