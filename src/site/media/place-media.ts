import { constants } from 'node:fs';
import { access, copyFile, link, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { outputFile } from '../../core/routes.ts';
import type { MediaFile } from './site-media.ts';
import { forgetCacheFiles, PictureProcessingError } from './picture-cache.ts';

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
      if (code === 'ENOENT' && !(await exists(file.from))) {
        // The cache lost a file it held when this build checked it (deleted meanwhile).
        forgetCacheFiles();
        throw new PictureProcessingError(
          `图片缓存中的文件不见了（${file.from}），也许缓存文件夹刚被删除：请再构建一次（预览中保存任一文件即可），缺的图片会重新生成。`,
        );
      }
      // Another file system (EXDEV), or one without hard links: copy instead.
      if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EMLINK')
        throw error;
    }
  }
  await copyFile(file.from, target, constants.COPYFILE_FICLONE);
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
