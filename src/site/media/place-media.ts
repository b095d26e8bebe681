import { constants } from 'node:fs';
import { copyFile, link, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { outputFile } from '../../core/routes.ts';
import type { MediaFile } from './site-media.ts';

/**
 * Puts the media files into a site folder being built: pictures from the cache as hard links
 * where the file system allows (no bytes copied), PDFs as copies (a copy-on-write clone where the
 * file system can), byte for byte as the editor gave them.
 */
export async function placeMedia(files: readonly MediaFile[], folder: string): Promise<void> {
  const targets = files.map((file) => ({ file, target: join(folder, outputFile(file.path)) }));
  for (const dir of new Set(targets.map(({ target }) => dirname(target)))) await mkdir(dir, { recursive: true });
  let next = 0;
  const worker = async () => {
    while (next < targets.length) {
      const item = targets[next++];
      if (item) await place(item.file, item.target);
    }
  };
  // File system calls wait on the disk, not the processor: a few dozen at once keep it busy.
  await Promise.all(Array.from({ length: 32 }, worker));
}

async function place(file: MediaFile, target: string): Promise<void> {
  if (file.linkable) {
    try {
      await link(file.from, target);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Another file system (EXDEV), or one without hard links: copy instead.
      if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EMLINK')
        throw error;
    }
  }
  await copyFile(file.from, target, constants.COPYFILE_FICLONE);
}
