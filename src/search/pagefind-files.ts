import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { constants, gunzip, gzip } from 'node:zlib';
import { decode, encode } from 'cborg';
import { InvariantError } from '../core/errors.ts';

/**
 * Pagefind's own files in a written bundle (index chunks, metadata, filters, fragments): gzipped,
 * starting with a signature; then CBOR, or JSON for a fragment.
 */
const signature = Buffer.from('pagefind_dcd');

const unzip = promisify(gunzip);
const zip = promisify(gzip);

/** The file's content after the signature; a file without it is no Pagefind file this program knows. */
export async function readPagefindBytes(path: string): Promise<Buffer> {
  const bytes = await unzip(await readFile(path));
  if (!bytes.subarray(0, signature.length).equals(signature))
    throw new InvariantError(`${path} 不是本程序认识的 Pagefind 索引文件（没有 Pagefind 的文件标记）。`);
  return bytes.subarray(signature.length);
}

export async function readPagefindCbor(path: string): Promise<unknown> {
  return decode(await readPagefindBytes(path), { useMaps: false });
}

/** A CBOR value as Pagefind writes it: signed and gzipped at its best compression. */
export async function pagefindCborFile(value: unknown): Promise<Buffer> {
  return zip(Buffer.concat([signature, encode(value)]), { level: constants.Z_BEST_COMPRESSION });
}
