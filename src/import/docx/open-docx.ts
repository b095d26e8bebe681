import JSZip from 'jszip';
import { WordImportError } from '../../core/errors.ts';

/**
 * The bounds a Word file is read within, checked before anything is inflated (the sizes the zip
 * declares) and again while inflating (what the entries really expand to, since a hostile zip
 * may declare less than it holds). A real bulletin is a few MB; these leave room for photos.
 */
export const docxBounds = {
  /** All entries together, uncompressed. */
  totalBytes: 200 * 1024 * 1024,
  /** One XML part (the document, its styles): what the XML parser is given at once. */
  xmlBytes: 50 * 1024 * 1024,
  entries: 5000,
};

const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);

export const docxMessages = {
  corrupt:
    '这个 Word 文件已损坏，无法打开（不是完整的 .docx 压缩包）。请在 Word 或 WPS 中打开它，另存为 .docx 后再导入。',
  noDocument: '这个文件是压缩包，但其中没有 Word 正文（word/document.xml）。请确认它是 Word 的 .docx 文件。',
  tooMany: `这个 Word 文件含有 ${docxBounds.entries} 个以上的内部文件，超过导入的上限，可能是恶意构造的文件。没有导入。`,
  tooBig: (declared: number) =>
    `这个 Word 文件解压后有 ${megabytes(declared)} MB，超过导入的上限 ${megabytes(docxBounds.totalBytes)} MB，` +
    '可能是“压缩炸弹”。没有导入。如确是正常文件，请压缩其中的图片后再导入。',
  expands:
    '这个 Word 文件中有内部文件解压后比它声明的大小更大，可能是“压缩炸弹”或已损坏。没有导入。' +
    '如确是正常文件，请在 Word 中打开它、另存为 .docx 后再导入。',
  xmlTooBig: (part: string) =>
    `这个 Word 文件的 ${part} 超过 ${megabytes(docxBounds.xmlBytes)} MB，超过导入的上限。没有导入。`,
  encrypted: '这个 Word 文件设有密码（已加密），无法读取。请在 Word 中去掉密码、另存为 .docx 后再导入。',
  legacy:
    '这是旧版 Word（.doc）或 WPS 格式的文件，不是 .docx，无法直接读取。请在 Word 或 WPS 中打开它，另存为 .docx（或导出为 PDF）后再导入。',
};

/**
 * The size an entry's headers declare, from the record jszip 3.10 keeps for each entry it loads
 * (`_data`, private: the version is pinned, and the zip-bomb test fails if the record moves).
 * jszip reads the 32-bit field as signed: 2 GB and more come out negative and are put right.
 * Unknown is taken as over the bound.
 */
function declaredSize(entry: JSZip.JSZipObject): number {
  const data: unknown = Reflect.get(entry, '_data');
  const size: unknown = typeof data === 'object' && data !== null ? Reflect.get(data, 'uncompressedSize') : undefined;
  if (typeof size !== 'number' || !Number.isInteger(size)) return docxBounds.totalBytes + 1;
  return size < 0 ? size + 2 ** 32 : size;
}

/** A .docx opened within its bounds: its entries by name, each inflated only when asked for. */
export interface DocxPackage {
  names: ReadonlySet<string>;
  /** The entry's bytes, or undefined when there is none of that name. Throws `WordImportError` past a bound. */
  read(name: string, limit?: number): Promise<Uint8Array | undefined>;
}

/** The stream an encrypted .docx keeps its package in, named in UTF-16 in the compound file's directory. */
const encryptedPackage = Buffer.from('EncryptedPackage', 'utf16le');

/**
 * Opens the zip: a damaged one, one declaring more than the bounds allow, or one without a Word
 * body is refused with `WordImportError` before anything is inflated. Each read then counts what
 * the entry really inflates to, and stops the moment it passes what the entry declared (so the
 * declared total bounds what is ever held) or the running total passes the bound.
 */
export async function openDocx(bytes: Uint8Array): Promise<DocxPackage> {
  // An encrypted .docx is an OLE compound file holding the encrypted package, not a zip; so are
  // the old binary .doc and WPS files, which name no such stream.
  if ([0xd0, 0xcf, 0x11, 0xe0].every((byte, index) => bytes[index] === byte))
    throw new WordImportError(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(encryptedPackage)
        ? docxMessages.encrypted
        : docxMessages.legacy,
    );
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    throw new WordImportError(docxMessages.corrupt);
  }
  const entries = Object.values(zip.files).filter((entry) => !entry.dir);
  if (entries.length > docxBounds.entries) throw new WordImportError(docxMessages.tooMany);
  let declared = 0;
  for (const entry of entries) declared += declaredSize(entry);
  if (declared > docxBounds.totalBytes) throw new WordImportError(docxMessages.tooBig(declared));
  const names = new Set(entries.map((entry) => entry.name));
  const declaredOf = new Map(entries.map((entry) => [entry.name, declaredSize(entry)]));
  if (!names.has('word/document.xml')) throw new WordImportError(docxMessages.noDocument);

  let inflated = 0;
  const read = (name: string, limit = docxBounds.totalBytes): Promise<Uint8Array | undefined> => {
    const entry = names.has(name) ? zip.file(name) : null;
    if (!entry) return Promise.resolve(undefined);
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const declared = declaredOf.get(name) ?? 0;
      if (declared > limit) {
        reject(new WordImportError(docxMessages.xmlTooBig(name)));
        return;
      }
      const stream = entry.nodeStream('nodebuffer') as NodeJS.ReadableStream & { destroy?: () => void };
      const fail = (message: string) => {
        stream.removeAllListeners('data');
        stream.pause();
        stream.destroy?.();
        reject(new WordImportError(message));
      };
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        inflated += chunk.length;
        // More than the entry declared: the declared total checked above no longer bounds it.
        if (size > declared || inflated > docxBounds.totalBytes) return fail(docxMessages.expands);
        chunks.push(chunk);
      });
      stream.on('error', () => reject(new WordImportError(docxMessages.corrupt)));
      stream.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    });
  };
  return { names, read };
}
