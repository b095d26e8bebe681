import { isPdf } from '../pipeline/media/sniff.ts';

/**
 * What a file given to `npm run import` is, told by its bytes, never by its name: editors rename
 * files, and a `.txt` that is really a PDF must not be read as text.
 *
 * - `pdf`: `%PDF-` within the first KB, as the checker tells an original (the specification lets junk precede it).
 * - `word`: a zip archive (`PK\x03\x04`) holding `word/document.xml`, which is what a .docx is.
 *   Zip stores member names uncompressed, in each local header and again in the central directory.
 * - `word` too: an OLE compound file (`D0 CF 11 E0`), which is what a password-protected .docx,
 *   a Word 97–2003 .doc and a WPS file are; the Word reader tells the editor which and what to do.
 * - `text`: anything else; the text import decodes it and says so when it is no text either.
 */
export type InputKind = 'pdf' | 'word' | 'text';

const zipMark = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const wordPart = Buffer.from('word/document.xml', 'latin1');
const compoundFileMark = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export function detectInputKind(bytes: Uint8Array): InputKind {
  if (isPdf(bytes)) return 'pdf';
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.subarray(0, zipMark.length).equals(zipMark) && buffer.includes(wordPart)) return 'word';
  if (buffer.subarray(0, compoundFileMark.length).equals(compoundFileMark)) return 'word';
  return 'text';
}
