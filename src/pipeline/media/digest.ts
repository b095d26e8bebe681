import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/**
 * SHA-256 of a file, hex: what tells two versions of a picture or PDF apart when their sizes
 * agree, so the site's processed pictures are keyed by it and the preview notices an edit.
 */
export async function fileDigest(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export function bytesDigest(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
