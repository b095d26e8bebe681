import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';

/**
 * Creates a new empty folder named `prefix` plus a unique suffix and returns its path. Unlike
 * `mkdtemp`, which makes it private (0700), it gets the usual permissions (0777 less the umask,
 * normally 0755): these folders become the published site and its search index, and a web server
 * running as another user, or a `cp -a`/`rsync -a` deploy, must be able to read them.
 */
export async function makeFreshFolder(prefix: string): Promise<string> {
  for (;;) {
    const path = `${prefix}${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      await mkdir(path);
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
